import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { messageOf, UsageError } from './errors.ts';
import type { Answer, Suite, SuiteDefinition } from './types.ts';

/** The folder the suites live in: one problem per file; files starting with `_` are helpers. */
export const SUITES_DIR = fileURLToPath(new URL('../suites/', import.meta.url));

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * Loads every suite file of `dir` (its default export), so that adding a problem means adding one
 * file. Duplicate ids and files without a suite are usage errors naming the file.
 */
export async function loadSuites(dir: string = SUITES_DIR): Promise<Suite[]> {
  // A folder that cannot be listed is bad input (--suites-dir), not a crash.
  const names = await readdir(dir).catch((error: unknown) => {
    throw new UsageError(`cannot read the suites folder ${dir}: ${messageOf(error)}`);
  });
  const files = names.filter((file) => file.endsWith('.ts') && !file.startsWith('_')).sort();
  const suites: Suite[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const path = join(dir, file);
    const shown = relative(PROJECT_ROOT, path);
    let definition: SuiteDefinition<unknown, Answer> | undefined;
    try {
      definition = (await import(pathToFileURL(path).href)).default;
    } catch (error) {
      throw new UsageError(`${shown}: ${messageOf(error)}`);
    }
    if (definition === undefined || typeof definition !== 'object') {
      throw new UsageError(`${shown}: no suite found (the file must 'export default defineSuite({...})')`);
    }
    const other = seen.get(definition.id);
    if (other !== undefined)
      throw new UsageError(`${shown}: duplicate suite id '${definition.id}' (also in ${other})`);
    seen.set(definition.id, shown);
    suites.push({ ...definition, file: shown, path });
  }
  return suites;
}

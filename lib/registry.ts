import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { messageOf, UsageError } from './errors.ts';
import type { Answer, LoadedProblem, Suite, SuiteDefinition } from './types.ts';

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
    const definition = (await importDefault(path, shown)) as SuiteDefinition<unknown, Answer> | undefined;
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

/**
 * Loads one problem file (a file that default-exports `defineProblem(...)`), as `advise` does, with
 * the file it came from. Bad input is a one-line UsageError naming the file: it does not exist, it
 * cannot be loaded, it exports nothing, it exports a suite (defineSuite) rather than a problem, or
 * the problem is malformed (defineProblem's own error, which names the field).
 */
export async function loadProblemFile(file: string): Promise<LoadedProblem> {
  const path = resolve(file);
  const found = await stat(path).then(
    (info) => info.isFile(),
    () => false,
  );
  if (!found)
    throw new UsageError(`${file}: no such file (give a problem file, e.g. examples/min-path-sum.ts)`);
  const definition = (await importDefault(path, file)) as Partial<LoadedProblem> | undefined;
  if (definition === undefined || definition === null || typeof definition !== 'object') {
    throw new UsageError(
      `${file}: not a problem file: no default export (the file must 'export default defineProblem({...})')`,
    );
  }
  if (definition.problem === undefined || definition.derivation === undefined) {
    throw new UsageError(
      `${file}: not a problem file: it exports a suite (defineSuite), not defineProblem(...); run suites with npm run bench -- --suites-dir <folder>`,
    );
  }
  return { ...(definition as LoadedProblem), file, path };
}

/** The default export of a module; a module that fails to load is a UsageError naming it. */
async function importDefault(path: string, shown: string): Promise<unknown> {
  try {
    return (await import(pathToFileURL(path).href)).default;
  } catch (error) {
    throw new UsageError(`${shown}: ${messageOf(error)}`);
  }
}

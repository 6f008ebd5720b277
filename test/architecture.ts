/**
 * The project's layering, as data, and the check that keeps it: data flows suites -> runners ->
 * results.json -> reports and checks, with lib/ (types, statistics, formatting, keys) below them
 * all and scripts/ (the command line) above them all; examples/ (problem files) stand beside
 * suites/. A folder may import itself and the folders listed here; scripts/ and test/ may import
 * anything.
 */
import { dirname, join, normalize } from 'node:path';

/** Folder -> the other folders it may import from. */
export const LAYERS: Record<string, readonly string[]> = {
  lib: [],
  suites: ['lib'],
  examples: ['lib'],
  runners: ['lib'],
  reports: ['lib'],
  checks: ['lib'],
};

/** Relative module paths a file imports (static, type-only, re-exports, dynamic), resolved from the project root. */
export function importsOf(file: string, text: string): string[] {
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)'(\.{1,2}\/[^']+)'/gm;
  return [...text.matchAll(pattern)].map((match) => normalize(join(dirname(file), match[1] as string)));
}

/** One line per import that crosses the layering the wrong way. */
export function forbiddenImports(files: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const [file, text] of files) {
    const folder = file.split('/')[0] as string;
    const allowed = LAYERS[folder];
    if (allowed === undefined) continue;
    for (const target of importsOf(file, text)) {
      const to = target.split('/')[0] as string;
      if (to !== folder && !allowed.includes(to)) {
        problems.push(
          `${file} imports ${target} (${folder} may import only ${[...allowed, folder].join(', ')})`,
        );
      }
    }
  }
  return problems;
}

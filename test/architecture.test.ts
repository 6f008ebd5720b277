import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { forbiddenImports, importsOf, LAYERS } from './architecture.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** Every .ts file under a project folder, relative to the root. */
function sources(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(folder, file));
}

describe('importsOf()', () => {
  it('finds static, type-only, re-exported and dynamic imports, resolved from the file', () => {
    const text = [
      "import { a } from '../lib/a.ts';",
      "import type { B } from '../reports/b.ts';",
      "export { c } from './c.ts';",
      "const d = await import('../checks/d.ts');",
      "import { readFile } from 'node:fs/promises';",
    ].join('\n');
    assert.deepEqual(importsOf('runners/x.ts', text), [
      'lib/a.ts',
      'reports/b.ts',
      'runners/c.ts',
      'checks/d.ts',
    ]);
  });
});

describe('forbiddenImports()', () => {
  it('names each import that runs against the data flow', () => {
    const files = new Map([
      ['runners/run.ts', "import { writeCsv } from '../reports/write-reports.ts';"],
      [
        'checks/exact.ts',
        "import { fit } from '../reports/fit.ts';\nimport { median } from '../runners/stats.ts';",
      ],
      ['reports/html.ts', "import { plan } from '../runners/plan.ts';"],
      ['lib/x.ts', "import { y } from '../runners/y.ts';"],
      ['scripts/bench.ts', "import { runBench } from '../runners/run.ts';"],
      ['reports/ok.ts', "import { median } from '../lib/stats.ts';"],
    ]);
    assert.deepEqual(forbiddenImports(files), [
      'runners/run.ts imports reports/write-reports.ts (runners may import only lib, runners)',
      'checks/exact.ts imports reports/fit.ts (checks may import only lib, checks)',
      'checks/exact.ts imports runners/stats.ts (checks may import only lib, checks)',
      'reports/html.ts imports runners/plan.ts (reports may import only lib, reports)',
      'lib/x.ts imports runners/y.ts (lib may import only lib)',
    ]);
  });
});

describe('the project’s imports', () => {
  it('run one way: suites -> runners -> results -> reports and checks, lib below them all', () => {
    const files = new Map(
      Object.keys(LAYERS)
        .flatMap(sources)
        .map((file) => [file, readFileSync(join(ROOT, file), 'utf8')] as const),
    );
    assert.ok(files.size > 80, `found only ${files.size} source files`);
    assert.deepEqual(forbiddenImports(files), []);
  });

  it('resolve to files that exist (a moved module leaves no stale path behind)', () => {
    for (const folder of [...Object.keys(LAYERS), 'scripts']) {
      for (const file of sources(folder)) {
        for (const target of importsOf(file, readFileSync(join(ROOT, file), 'utf8'))) {
          assert.doesNotThrow(
            () => readFileSync(join(ROOT, target)),
            `${file} imports ${relative(dirname(file), target)}, which does not exist`,
          );
        }
      }
    }
  });
});

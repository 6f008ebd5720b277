import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../lib/errors.ts';
import { loadProblemFile, loadSuites } from '../lib/registry.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}/`, import.meta.url));

describe('loadSuites()', () => {
  it('loads every suite file of the project, each with a unique id and its file', async () => {
    const suites = await loadSuites();
    const ids = suites.map((suite) => suite.id);
    assert.ok(ids.includes('fibonacci') && ids.includes('lcs'));
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(suites.every((suite) => suite.file.startsWith('suites/') && suite.file.endsWith('.ts')));
  });

  it('rejects a duplicate id, naming both files', async () => {
    await assert.rejects(
      loadSuites(fixture('suites-duplicate')),
      (error: unknown) =>
        error instanceof UsageError &&
        /b\.ts: duplicate suite id 'fixture' \(also in .*a\.ts\)/.test(error.message),
    );
  });

  it('rejects a file without a default-exported suite', async () => {
    await assert.rejects(
      loadSuites(fixture('suites-empty')),
      (error: unknown) => error instanceof UsageError && /nothing\.ts: no suite found/.test(error.message),
    );
  });

  it('rejects a folder that cannot be read as bad input, naming it', async () => {
    await assert.rejects(
      loadSuites(fixture('no-such-folder')),
      (error: unknown) =>
        error instanceof UsageError &&
        /^cannot read the suites folder .*no-such-folder.*: ENOENT: /.test(error.message),
    );
  });
});

describe('loadProblemFile()', () => {
  const problem = (name: string) => fileURLToPath(new URL(`./fixtures/problems/${name}`, import.meta.url));
  const rejects = (file: string, pattern: RegExp) =>
    assert.rejects(
      loadProblemFile(file),
      (error: unknown) => error instanceof UsageError && pattern.test(error.message),
    );

  it('loads one problem file: the derived suite, its problem and derivation, and the file', async () => {
    const loaded = await loadProblemFile(problem('tiny.ts'));
    assert.equal(loaded.id, 'tiny');
    assert.equal(loaded.file, problem('tiny.ts'));
    assert.equal(loaded.derivation.reference, 'recurrence');
    assert.ok('closure' in loaded.variants && 'map-string' in loaded.variants);
    assert.equal(typeof loaded.problem.recurrence, 'function');
  });

  it('refuses a file that does not exist, exports nothing, exports a suite, or is malformed, naming the file', async () => {
    await rejects('no/such/problem.ts', /^no\/such\/problem\.ts: no such file/);
    await rejects(problem('no-default.ts'), /no-default\.ts: not a problem file: no default export/);
    await rejects(
      fileURLToPath(new URL('../suites/fibonacci.ts', import.meta.url)),
      /fibonacci\.ts: not a problem file: it exports a suite \(defineSuite\)/,
    );
    await rejects(
      problem('malformed.ts'),
      /malformed\.ts: problem 'malformed': field 'start' must be a function$/,
    );
  });
});

import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { UsageError } from '../lib/errors.ts';
import { parseResults, readResults, writeResults } from '../lib/results-file.ts';
import type { Cell, Equal } from '../lib/types.ts';
import { fixtureResults, okCell, tempDir } from './helpers.ts';

const usage = (pattern: RegExp) => (error: unknown) =>
  error instanceof UsageError && pattern.test(error.message);

describe('results.json', () => {
  it('round-trips through write and read', async () => {
    const path = join(await tempDir(), 'results.json');
    const results = fixtureResults([okCell('map', 10, 100)]);
    await writeResults(path, results);
    assert.deepEqual(await readResults(path), results);
  });

  it('migrates a version 1 file (cold, in-process, one repeat)', () => {
    const v2 = fixtureResults([okCell('map', 10, 100)]);
    const {
      cache_mode: _c,
      isolate: _i,
      repeat: _r,
      cell_timeout_ms: _t,
      stack_size_kb: _s,
      ...options
    } = v2.options;
    const v1 = {
      ...v2,
      schema_version: 1,
      options,
      cells: v2.cells.map(({ cache_mode: _m, ...cell }) => cell),
    };
    const migrated = parseResults(JSON.parse(JSON.stringify(v1)), 'old.json');
    assert.equal(migrated.schema_version, 2);
    assert.equal(migrated.options.cache_mode, 'cold');
    assert.equal(migrated.options.isolate, 'none');
    assert.equal(migrated.cells[0]?.cache_mode, 'cold');
  });

  it('names the problem with a file that is not JSON, of an unknown version or of the wrong shape', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'bad.json'), '{ nope');
    await assert.rejects(readResults(join(dir, 'bad.json')), usage(/bad\.json: not JSON/));
    await assert.rejects(readResults(join(dir, 'missing.json')), usage(/cannot read .*missing\.json/));
    assert.throws(
      () => parseResults({ schema_version: 99 }, 'x.json'),
      usage(/x\.json: unknown schema_version 99 \(this memobench reads 1 and 2\)/),
    );
    assert.throws(() => parseResults([], 'x.json'), usage(/expected a JSON object/));
    const wrong = { ...fixtureResults([okCell('map', 10, 100)]), cells: [{ suite: 'x' }] };
    assert.throws(
      () => parseResults(wrong, 'x.json'),
      usage(/x\.json: not a memobench results file: cells\.0\.variant/),
    );
  });
});

// These checks run in `npm run typecheck`, not at run time: each line compiles only while Equal
// answers as its comment says, and an @ts-expect-error with no error under it fails the typecheck.
// lib/results-file.ts asserts with Equal that its schema reads exactly Cell and Results.
describe('Equal', () => {
  it('holds for the same shape written differently', () => {
    true satisfies Equal<{ a: number } & { b?: string }, { a: number; b?: string }>;
    true satisfies Equal<{ s: 'x'; a: number } | { s: 'y' }, { s: 'y' } | ({ s: 'x' } & { a: number })>;
    true satisfies Equal<Cell, Cell>;
  });

  it('fails for a field on one side only, another optionality or another type', () => {
    // @ts-expect-error a required field on one side only
    true satisfies Equal<{ a: number }, { a: number; b: string }>;
    // @ts-expect-error an optional field on one side only (assignable both ways, so it needs Equal)
    true satisfies Equal<{ a: number }, { a: number; b?: string }>;
    // @ts-expect-error a field optional on one side only
    true satisfies Equal<{ a: number }, { a?: number }>;
    // @ts-expect-error a field of another type
    true satisfies Equal<{ a: number }, { a: number | null }>;
    // @ts-expect-error a difference inside an array of objects
    true satisfies Equal<{ cells: { a: number }[] }, { cells: { a: number; b?: number }[] }>;
    // @ts-expect-error a field added to a cell and not to the schema's shape
    true satisfies Equal<Cell, Cell & { added_ms?: number }>;
  });
});

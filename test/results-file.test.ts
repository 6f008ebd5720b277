import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { UsageError } from '../lib/errors.ts';
import { parseResults, readResults, writeResults } from '../lib/results-file.ts';
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

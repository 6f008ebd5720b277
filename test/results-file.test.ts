import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../lib/errors.ts';
import { parseResults, readResults, writeResults } from '../lib/results-file.ts';
import { CELL_STATUSES, type Cell, type Equal } from '../lib/types.ts';
import { adviceFixture } from './advice-fixture.ts';
import { failedCell, fixtureResults, okCell, skippedCell, tempDir } from './helpers.ts';

const usage = (pattern: RegExp) => (error: unknown) =>
  error instanceof UsageError && pattern.test(error.message);

describe('results.json', () => {
  it('round-trips through write and read', async () => {
    const path = join(await tempDir(), 'results.json');
    const results = fixtureResults([okCell('map', 10, 100)]);
    await writeResults(path, results);
    assert.deepEqual(await readResults(path), results);
  });

  it('keeps every field of a cell of every status', async () => {
    const cells: Cell[] = [
      {
        ...okCell('map', 10, 100),
        instance: 'shared',
        samples_ns: [90, 100, 110],
        calls: 19,
        cache_hits: 8,
        cache_misses: 11,
        cache_entries: 10,
        max_depth: 10,
        retained_bytes: 1200,
        allocated_bytes: 2400,
        gc_count: 1,
        gc_ms: 0.5,
        processes: 2,
        process_medians_ns: [99, 101],
        spread_between_pct: 1.4,
        spread_within_pct: 1,
        message: 'crashed in 1 of 3 processes',
        runner_diff_pct: 3,
      },
      { ...okCell('dict', 10, 100), counts_note: 'not counted: too slow', memory_note: 'not measured' },
      { ...failedCell('closure', 10, 'wrong-answer'), verify_ms: 1 },
      { ...failedCell('naive', 10, 'error'), result: '55' },
      failedCell('naive', 20, 'stack-overflow'),
      failedCell('bottom-up', 10, 'timeout'),
      failedCell('bottom-up', 20, 'crashed'),
      {
        suite: 'fixture',
        variant: 'naive',
        n: 30,
        runner: 'tinybench',
        cache_mode: 'cold',
        status: 'over-budget',
        verify_ms: 61.5,
        result: '30',
        message: 'one call took 61.5 ms, over the 50 ms budget',
      },
      skippedCell('bottom-up', 40, { skip_reason: 'crashed' }),
    ];
    assert.deepEqual(new Set(cells.map((cell) => cell.status)), new Set(CELL_STATUSES));
    const path = join(await tempDir(), 'results.json');
    await writeResults(path, fixtureResults(cells));
    assert.deepEqual((await readResults(path)).cells, cells);
  });

  it('keeps the capacity curves and an advise run’s advice, and names a bad field in them', async () => {
    const results = adviceFixture();
    const path = join(await tempDir(), 'results.json');
    await writeResults(path, results);
    const read = await readResults(path);
    assert.deepEqual([read.capacity, read.advice], [results.capacity, results.advice]);
    const broken = JSON.parse(JSON.stringify(results));
    broken.capacity[0].stopped_by = 'boredom';
    assert.throws(
      () => parseResults(broken, 'r.json'),
      usage(/^r\.json: not a memobench results file: capacity\.0\.stopped_by: /),
    );
    delete broken.capacity;
    broken.advice.reference = 'oracle';
    assert.throws(() => parseResults(broken, 'r.json'), usage(/advice\.reference: /));
  });

  it('refuses a cell without a field its status always has, and names the field', () => {
    const { median_ns: _, ...untimed } = okCell('map', 10, 100);
    const { skip_reason: __, ...unexplained } = skippedCell('map', 20);
    const { result: ___, ...unanswered } = failedCell('map', 10, 'wrong-answer');
    for (const [cell, field] of [
      [untimed, 'median_ns'],
      [unexplained, 'skip_reason'],
      [unanswered, 'result'],
    ] as const) {
      assert.throws(
        () => parseResults({ ...fixtureResults([]), cells: [cell] }, 'x.json'),
        usage(new RegExp(`x\\.json: not a memobench results file: cells\\.0\\.${field}: `)),
      );
    }
  });

  it('reads the committed baseline', async () => {
    const baseline = await readResults(fileURLToPath(new URL('../baselines/ci.json', import.meta.url)));
    assert.equal(baseline.options.profile, 'ci');
    assert.ok(baseline.cells.some((cell) => cell.status === 'ok'));
  });

  it('migrates a version 1 file (cold, in-process, one repeat, one call per operation)', () => {
    const v2 = fixtureResults([okCell('map', 10, 100), failedCell('naive', 10, 'error')]);
    const {
      cache_mode: _c,
      isolate: _i,
      min_processes: _min,
      max_processes: _max,
      target_half_width_pct: _h,
      audit: _a,
      cell_timeout_ms: _t,
      stack_size_kb: _s,
      ...options
    } = v2.options;
    const v1 = {
      ...v2,
      schema_version: 1,
      options,
      // Version 1 cells had no cache mode, and ok cells no calls per operation.
      cells: v2.cells.map(({ cache_mode: _m, ...cell }) => {
        if (cell.status !== 'ok') return cell;
        const { calls_per_op: _p, ...v1 } = cell;
        return v1;
      }),
    };
    const migrated = parseResults(JSON.parse(JSON.stringify(v1)), 'old.json');
    assert.equal(migrated.schema_version, 2);
    assert.equal(migrated.options.cache_mode, 'cold');
    assert.equal(migrated.options.isolate, 'none');
    assert.deepEqual(
      [
        migrated.options.min_processes,
        migrated.options.max_processes,
        migrated.options.target_half_width_pct,
      ],
      [1, 1, null],
    );
    assert.deepEqual(migrated.cells, v2.cells);
  });

  it('reads a version 2 file from before rounds: --repeat K was K processes, library variants included', () => {
    const {
      min_processes: _min,
      max_processes: _max,
      target_half_width_pct: _h,
      audit: _a,
      ...options
    } = fixtureResults([]).options;
    const before = { ...fixtureResults([okCell('map', 10, 100)]), options: { ...options, repeat: 3 } };
    const read = parseResults(JSON.parse(JSON.stringify(before)), 'before.json');
    assert.deepEqual(
      [
        read.options.min_processes,
        read.options.max_processes,
        read.options.target_half_width_pct,
        read.options.audit,
      ],
      [3, 3, null, true],
    );
    assert.equal('repeat' in read.options, false);
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
      usage(/x\.json: not a memobench results file: cells\.0\.status: Invalid discriminator value/),
    );
    assert.throws(
      () => parseResults({ ...wrong, cells: [{ suite: 'x', status: 'ok' }] }, 'x.json'),
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

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plainTools } from '../lib/tools.ts';
import type { Suite } from '../lib/types.ts';
import { buildOperation } from '../runners/operation.ts';
import fibonacci from '../suites/fibonacci.ts';

const suite = { ...fibonacci, file: 'suites/fibonacci.ts', path: '' } as Suite<number, number>;

describe('buildOperation()', () => {
  it('cold: each operation is one call on a fresh instance', () => {
    const op = buildOperation('cold', suite, fibonacci.variants.map, 50, 50, 1);
    assert.equal(op.calls_per_op, 1);
    assert.equal(op.timed(), fibonacci.reference(50));
    assert.equal(op.count().counts.calls, 99);
    assert.equal(op.count().counts.calls, 99, 'a fresh instance every time');
  });

  it('warm: the instance is filled before timing, so an operation is one lookup', () => {
    const op = buildOperation('warm', suite, fibonacci.variants.map, 50, 50, 1);
    assert.equal(op.timed(), fibonacci.reference(50));
    assert.deepEqual(op.count().counts, {
      calls: 1,
      cache_hits: 1,
      cache_misses: 0,
      cache_entries: 49,
      max_depth: 1,
    });
  });

  it('sequence: one fresh instance answers f(1), ..., f(n) from one cache', () => {
    const op = buildOperation('sequence', suite, fibonacci.variants.dict, 30, 30, 1);
    assert.equal(op.calls_per_op, 30);
    assert.equal(op.timed(), fibonacci.reference(30));
    const { counts } = op.count();
    // f(1) and f(2) compute from scratch; every later f(k) misses once and finds f(k-1), f(k-2) cached.
    assert.equal(counts.cache_entries, 29);
    assert.equal(counts.cache_misses, 29);
    assert.ok(counts.calls < 4 * 30, `calls ${counts.calls}`);
  });

  it('the runner counts a separately loaded copy: different functions from the timed ones', async () => {
    const { loadCountingCode } = await import('../runners/instrumented.ts');
    const { fileURLToPath } = await import('node:url');
    const { SOURCE_CODE } = await import('../runners/child-code.ts');
    const copy = await loadCountingCode(
      fileURLToPath(new URL('../suites/fibonacci.ts', import.meta.url)),
      SOURCE_CODE.memoizeModule,
    );
    assert.notEqual(copy.variants.naive, fibonacci.variants.naive);
    assert.notEqual(copy.memoize, (await import('../lib/memoize.ts')).memoize);
    assert.equal(copy.variants.naive!(plainTools)(20), 6765);
  });

  it('counts a separate copy of the code when one is given', () => {
    let used = false;
    const copy = (t: typeof plainTools) => {
      used = true;
      return fibonacci.variants.naive(t);
    };
    const op = buildOperation('cold', suite, fibonacci.variants.naive, 10, 10, 1, {
      factory: copy,
      memoize: plainTools.memoize,
    });
    op.timed();
    assert.equal(used, false, 'the timed pass never runs the counting copy');
    assert.equal(op.count().counts.calls, 177);
    assert.equal(used, true);
  });
});

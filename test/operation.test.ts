import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plainTools } from '../lib/tools.ts';
import type { Answer, CacheMode, Suite, Tools, VariantFactory } from '../lib/types.ts';
import { buildOperation, countOperation, sameWork } from '../runners/operation.ts';
import fibonacci from '../suites/fibonacci.ts';

const suite = { ...fibonacci, file: 'suites/fibonacci.ts', path: '' } as Suite<number, number>;

const spec = (mode: CacheMode, factory: VariantFactory<number, Answer>, n: number) => ({
  mode,
  suite,
  factory,
  input: n,
  n,
  seed: 1,
});

const count = (mode: CacheMode, factory: VariantFactory<number, Answer>, n: number) =>
  countOperation({ ...spec(mode, factory, n), counting: { factory } });

describe('buildOperation()', () => {
  it('cold, per call: each operation is one call on a fresh instance', () => {
    let instances = 0;
    const counted = (t: Tools) => {
      instances++;
      return fibonacci.variants.map(t);
    };
    const op = buildOperation({ ...spec('cold', counted, 50), instance: 'per-call' });
    assert.equal(op.calls_per_op, 1);
    assert.equal(op.instance, 'per-call');
    assert.equal(op.timed(), fibonacci.reference(50));
    assert.equal(op.timed(), fibonacci.reference(50));
    assert.equal(instances, 2, 'a fresh instance every time');
  });

  it('cold, shared: one instance, created outside the timed operation, answers every call', () => {
    let instances = 0;
    const counted = (t: Tools) => {
      instances++;
      return fibonacci.variants.naive(t);
    };
    const op = buildOperation({ ...spec('cold', counted, 20), instance: 'shared' });
    assert.equal(instances, 1, 'created when the operation is built');
    for (let i = 0; i < 3; i++) assert.equal(op.timed(), 6765);
    assert.equal(instances, 1);
    assert.equal(op.instance, 'shared');
  });

  it('cold, shared with a kept instance: times it, and retain() never calls a second instance', () => {
    const called = new Set<number>();
    let made = 0;
    const tracked = (t: Tools) => {
      const id = made++;
      const fib = fibonacci.variants.naive(t);
      return (n: number) => {
        called.add(id);
        return fib(n);
      };
    };
    const kept = tracked(plainTools);
    const op = buildOperation({ ...spec('cold', tracked, 20), instance: 'shared', shared: kept });
    assert.equal(op.timed(), 6765);
    const [fresh, answer] = op.retain() as [unknown, Answer];
    assert.equal(answer, 6765, 'the kept instance answers');
    assert.equal(typeof fresh, 'function', 'a fresh instance is held, as for any variant');
    assert.equal(made, 2, 'the kept one and retain()’s fresh one');
    assert.deepEqual([...called], [0], 'only the kept instance was ever called');
  });

  it('warm: the instance is filled before timing, so an operation is one lookup', () => {
    const op = buildOperation({ ...spec('warm', fibonacci.variants.map, 50), instance: 'per-call' });
    assert.equal(op.timed(), fibonacci.reference(50));
    assert.equal(op.instance, 'shared', 'warm mode always times its one filled instance');
  });

  it('sequence: one instance answers f(1), ..., f(n) per operation', () => {
    const op = buildOperation({ ...spec('sequence', fibonacci.variants.dict, 30), instance: 'per-call' });
    assert.equal(op.calls_per_op, 30);
    assert.equal(op.timed(), fibonacci.reference(30));
  });
});

describe('countOperation()', () => {
  it('counts one cold call, and finds memoized variants stateful and naive ones stateless', () => {
    const map = count('cold', fibonacci.variants.map, 50);
    assert.equal(map.answer, fibonacci.reference(50));
    assert.equal(map.counts.calls, 99);
    assert.equal(map.instance, 'per-call', 'its second call finds the cache filled');
    const naive = count('cold', fibonacci.variants.naive, 10);
    assert.equal(naive.counts.calls, 177);
    assert.equal(naive.instance, 'shared');
    assert.equal(count('cold', fibonacci.variants['bottom-up']!, 100).instance, 'shared');
  });

  it('finds the seed variant stateless: its dictionary is new at every top-level call', () => {
    const seed = count('cold', fibonacci.variants.seed!, 30);
    assert.equal(seed.instance, 'shared');
    assert.equal(seed.counts.cache_entries, 31, 'the first call’s dictionary: F(0)..F(30)');
  });

  it('finds a hidden cache by the calls it saves, whatever the variant is called', () => {
    const hidden = (t: Tools) => {
      const seen = new Map<number, number>();
      const naive = fibonacci.variants.naive(t);
      return (n: number) => {
        const known = seen.get(n);
        if (known !== undefined) return known;
        const value = naive(n);
        seen.set(n, value);
        return value;
      };
    };
    assert.equal(count('cold', hidden, 15).instance, 'per-call');
  });

  it('warm: counts the call on the filled instance', () => {
    const warm = count('warm', fibonacci.variants.map, 50);
    assert.deepEqual(warm.counts, {
      calls: 1,
      cache_hits: 1,
      cache_misses: 0,
      cache_entries: 49,
      max_depth: 1,
    });
    assert.equal(warm.instance, 'shared');
  });

  it('sequence: one instance answers f(1), ..., f(n) from one cache', () => {
    const { counts } = count('sequence', fibonacci.variants.dict, 30);
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

  it('counts the copy of the code it is given, never the timed factory', () => {
    let used = false;
    const copy = (t: typeof plainTools) => {
      used = true;
      return fibonacci.variants.naive(t);
    };
    const counted = countOperation({
      ...spec('cold', fibonacci.variants.map, 10),
      counting: { factory: copy, memoize: plainTools.memoize },
    });
    assert.equal(used, true);
    assert.equal(counted.counts.calls, 177, 'naive’s calls: the copy, not map');
  });
});

describe('sameWork()', () => {
  const counts = { calls: 9, cache_hits: 3, cache_misses: 5, cache_entries: 5, max_depth: 5 };
  it('needs the same calls, hits, misses and depth, but not the same entries', () => {
    assert.equal(sameWork(counts, { ...counts, cache_entries: 10 }), true);
    assert.equal(sameWork(counts, { ...counts, calls: 1 }), false);
    assert.equal(sameWork(counts, { ...counts, cache_hits: 4 }), false);
    assert.equal(sameWork(counts, { ...counts, max_depth: 1 }), false);
  });
  it('cannot tell anything from a variant that made no counted call', () => {
    const none = { ...counts, calls: 0 };
    assert.equal(sameWork(none, none), false);
  });
});

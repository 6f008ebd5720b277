import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import hofstadterG from '../examples/hofstadter-g.ts';
import minPathSum from '../examples/min-path-sum.ts';
import type { Answer, SuiteDefinition } from '../lib/types.ts';
import { capacityCurve } from '../runners/capacity.ts';
import fibonacci from '../suites/fibonacci.ts';
import lcs from '../suites/lcs.ts';

const F = (k: number): number => {
  let [a, b] = [0, 1];
  for (let i = 0; i < k; i++) [a, b] = [b, a + b];
  return a;
};

describe('capacityCurve()', () => {
  it('Fibonacci needs 3 entries at every n: 2n - 1 calls, as unbounded; 2 entries are over 2x', () => {
    const curve = capacityCurve(fibonacci, [10, 100, 1000], { seed: 1 });
    assert.deepEqual(
      curve.sizes.map((size) => [
        size.n,
        size.states,
        size.unbounded_calls,
        size.smallest_sufficient,
        size.calls_at_smallest,
      ]),
      [10, 100, 1000].map((n) => [n, n + 1, 2 * n - 1, 3, 2 * n - 1]),
    );
    for (const size of curve.sizes) {
      assert.deepEqual(size.below_smallest, { capacity: 2, calls: 2 * (2 * size.n - 1), exact: false });
    }
    const [ten] = curve.sizes;
    // No cache and one entry: naive's 2F(n+1) - 1 = 177; two entries: 77; three and more: 19.
    assert.deepEqual(
      ten!.curve.map((point) => [point.capacity, point.calls, point.exact]),
      [
        [0, 2 * F(11) - 1, true],
        [1, 2 * F(11) - 1, true],
        [2, 77, true],
        [3, 19, true],
        [4, 19, true],
        [8, 19, true],
      ],
    );
    assert.deepEqual(curve.sizes[1]!.curve[0], { capacity: 0, calls: 1990, exact: false });
  });

  it('two-dimensional problems need about a row of the table, far from all of it', () => {
    // min-path-sum (seeded grids): exactly n - 2 entries at these sizes; LCS of random strings:
    // 38 at n = 32 and 141 at n = 64, about 1.2 to 2.2 rows, against n^2 states.
    const grid = capacityCurve(minPathSum, [16, 64], { seed: 1 });
    assert.deepEqual(
      grid.sizes.map((size) => [size.n, size.states, size.smallest_sufficient]),
      [
        [16, 256, 14],
        [64, 4096, 62],
      ],
    );
    const strings = capacityCurve(lcs, [32, 64], { seed: 1 });
    for (const size of strings.sizes) {
      assert.ok(
        size.smallest_sufficient >= size.n && size.smallest_sufficient <= 3 * size.n,
        JSON.stringify(size),
      );
      assert.ok(size.calls_at_smallest <= 2 * size.unbounded_calls);
      assert.ok(size.below_smallest!.calls > 2 * size.unbounded_calls || !size.below_smallest!.exact);
    }
  });

  it('stops at the first size whose top-down recursion overflows the stack', () => {
    const curve = capacityCurve(hofstadterG, [100, 50_000, 200], { seed: 1 });
    assert.deepEqual(
      curve.sizes.map((size) => size.n),
      [100],
    );
    assert.equal(curve.stopped_by, 'stack-overflow');
    assert.match(curve.note ?? '', /overflowed the stack at n = 50,000; larger sizes were not run/);
  });

  it('stops at a size whose answer changes with the capacity, and at an unknown variant', () => {
    const impure: Pick<SuiteDefinition<number, Answer>, 'id' | 'input' | 'variants'> = {
      id: 'impure',
      input: (n) => n,
      variants: {
        closure: (t) => {
          let computed = 0;
          const f: (k: number) => number = t.memoize((k: number): number =>
            k === 0 ? ++computed : f(k - 1) + f(k - 1),
          );
          return f;
        },
      } as SuiteDefinition<number, Answer>['variants'],
    };
    const curve = capacityCurve(impure, [4, 8], { seed: 1 });
    assert.deepEqual([curve.sizes.length, curve.stopped_by], [0, 'error']);
    assert.match(
      curve.note ?? '',
      /^at n = 4: capacity 0 answered \d+, unbounded 16: the recursion is not a pure function of its state; larger sizes were not run$/,
    );
    assert.throws(
      () => capacityCurve(impure, [4], { seed: 1, variant: 'map' }),
      /suite 'impure' has no variant 'map'/,
    );
  });

  it('stops before a size whose unbounded run makes more calls than the limit, and at the time limit', () => {
    // Fibonacci's closure makes 2n - 1 calls: n = 100 makes 199, over a limit of 150.
    const capped = capacityCurve(fibonacci, [10, 50, 100, 1000], { seed: 1, max_calls: 150 });
    assert.deepEqual(
      capped.sizes.map((size) => size.n),
      [10, 50],
    );
    assert.deepEqual([capped.stopped_by, capped.max_calls], ['call-limit', 150]);
    assert.equal(
      capped.note,
      'at n = 100 an unbounded cache makes more than 150 calls; larger sizes were not run',
    );
    // A clock that moves 400 ms per reading: the limit of 1 s has passed before the third size.
    let time = 0;
    const timed = capacityCurve(fibonacci, [10, 20, 30, 40], {
      seed: 1,
      time_limit_ms: 1000,
      now: () => (time += 400),
    });
    assert.deepEqual(
      timed.sizes.map((size) => size.n),
      [10, 20],
    );
    assert.equal(timed.stopped_by, 'time-limit');
    assert.equal(timed.note, 'the time limit (1 s) had passed before n = 30; larger sizes were not run');
    assert.equal(timed.max_calls, null);
  });
});

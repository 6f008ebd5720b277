import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoize as microMemoize } from 'micro-memoize';
import { libraryVariants } from '../lib/memoizers.ts';
import { createRng } from '../lib/random.ts';
import { plainTools } from '../lib/tools.ts';
import type { Answer, SuiteDefinition } from '../lib/types.ts';
import { createCountingTools } from '../runners/counting-tools.ts';
import fibonacci, { fibonacciFastDoubling } from '../suites/fibonacci.ts';
import gridPaths from '../suites/grid-paths.ts';
import knapsack from '../suites/knapsack.ts';
import lcs from '../suites/lcs.ts';

/** The audit's variant names, in the order every suite lists them. */
const NAMES = [
  'lodash',
  'fast-memoize',
  'moize',
  'micro-memoize',
  'memoizee',
  'nano-memoize',
  'memoize',
].flatMap((short) => [`${short}-default`, `${short}-tuned`]);
const TUNED = NAMES.filter((name) => name.endsWith('-tuned'));
/** Defaults that key on every argument (so 2-D states are right) and keep every entry. */
const MEMOIZING_DEFAULTS = ['fast-memoize-default', 'memoizee-default', 'nano-memoize-default'];
/** Defaults whose README usage keys on the first argument only. */
const FIRST_ARGUMENT_DEFAULTS = ['lodash-default', 'memoize-default'];
/** Defaults whose README usage keeps one entry (maxSize 1). */
const LAST_ONLY_DEFAULTS = ['moize-default', 'micro-memoize-default'];

// biome-ignore lint/suspicious/noExplicitAny: suites of different input types side by side.
type AnySuite = SuiteDefinition<any, Answer>;
const SUITES: [string, AnySuite][] = [
  ['fibonacci', fibonacci],
  ['lcs', lcs],
  ['grid-paths', gridPaths],
  ['knapsack', knapsack],
];

/** 2F(n+1) - 1: the calls of naive Fibonacci, from the independent fast doubling (exact below 2^53). */
const naiveFibCalls = (n: number) => 2 * fibonacciFastDoubling(n + 1) - 1;

describe('libraryVariants()', () => {
  it('gives every library a default and a tuned variant, with package, configuration and one sentence of how', () => {
    const { variants, libraries } = libraryVariants<[n: number], number, number>(
      undefined,
      () => () => (n) => n,
    );
    assert.deepEqual(Object.keys(variants), NAMES);
    assert.deepEqual(Object.keys(libraries), NAMES);
    for (const [name, library] of Object.entries(libraries)) {
      assert.equal(library.configuration, name.endsWith('-tuned') ? 'tuned' : 'default');
      assert.match(library.how, /^[^\n]+\.$/, name);
    }
    assert.equal(libraries['lodash-default']?.package, 'lodash.memoize');
    assert.equal(libraries['memoize-tuned']?.package, 'memoize');
  });

  for (const [id, suite] of SUITES) {
    it(`${id} lists the 14 variants and their metadata`, () => {
      assert.deepEqual(Object.keys(suite.libraries ?? {}), NAMES);
      for (const name of NAMES) assert.equal(typeof suite.variants[name], 'function', name);
    });
  }
});

describe('tuned wrappers give the right answers', () => {
  const lcsInput = lcs.input(24, createRng(7));
  const knapsackInput = knapsack.input(12, createRng(7));
  for (const name of TUNED) {
    it(`${name}: fibonacci(90), a small lcs, grid-paths(12), a small knapsack`, () => {
      assert.equal(fibonacci.variants[name]!(plainTools)(90), fibonacciFastDoubling(90));
      assert.equal(lcs.variants[name]!(plainTools)({ a: 'ABCBDAB', b: 'BDCABA' }), 4, 'CLRS 15.4');
      assert.equal(lcs.variants[name]!(plainTools)(lcsInput), lcs.reference(lcsInput));
      assert.equal(gridPaths.variants[name]!(plainTools)(12), 2_704_156, 'binomial(24, 12)');
      assert.equal(knapsack.variants[name]!(plainTools)(knapsackInput), knapsack.reference(knapsackInput));
    });
  }

  for (const name of MEMOIZING_DEFAULTS) {
    it(`${name} is right on the 2-D states too (it keys on every argument)`, () => {
      assert.equal(lcs.variants[name]!(plainTools)(lcsInput), lcs.reference(lcsInput));
      assert.equal(gridPaths.variants[name]!(plainTools)(12), 2_704_156);
      assert.equal(knapsack.variants[name]!(plainTools)(knapsackInput), knapsack.reference(knapsackInput));
    });
  }
});

describe('defaults keyed on the first argument', () => {
  for (const name of FIRST_ARGUMENT_DEFAULTS) {
    it(`${name} answers a 2-D state wrongly (observed values) and Fibonacci rightly`, () => {
      // grid-paths: G(1, 2) overwrites the entry of i = 1 that G(2, 1) then reads as G(1, 1).
      assert.equal(gridPaths.variants[name]!(plainTools)(2), 7, 'binomial(4, 2) is 6');
      assert.equal(gridPaths.variants[name]!(plainTools)(12), 654_966_379, 'binomial(24, 12) is 2,704,156');
      // An LCS longer than either string.
      assert.equal(lcs.variants[name]!(plainTools)({ a: 'ABCBDAB', b: 'BDCABA' }), 7, 'the LCS is 4');
      assert.equal(fibonacci.variants[name]!(plainTools)(90), fibonacciFastDoubling(90));
    });
  }
});

describe('call counts show which defaults memoize the recursion (createCountingTools)', () => {
  const countsOf = (run: (tools: ReturnType<typeof createCountingTools>['tools']) => void) => {
    const counting = createCountingTools();
    run(counting.tools);
    return counting.counts();
  };

  for (const name of LAST_ONLY_DEFAULTS) {
    it(`${name} (maxSize 1) makes naive's calls and never hits`, () => {
      const fib = countsOf((t) => fibonacci.variants[name]!(t)(20));
      assert.deepEqual([fib.calls, fib.cache_hits], [naiveFibCalls(20), 0]);
      const naive = countsOf((t) => gridPaths.variants.naive(t)(8));
      const grid = countsOf((t) => gridPaths.variants[name]!(t)(8));
      assert.deepEqual([grid.calls, grid.cache_hits], [naive.calls, 0]);
    });
  }

  for (const name of [...TUNED, ...FIRST_ARGUMENT_DEFAULTS, 'fast-memoize-default', 'nano-memoize-default']) {
    it(`${name} makes closure's calls on Fibonacci: 2n - 1, one miss per distinct n`, () => {
      const closure = countsOf((t) => fibonacci.variants.closure(t)(20));
      const fib = countsOf((t) => fibonacci.variants[name]!(t)(20));
      assert.equal(closure.calls, 39);
      assert.deepEqual([fib.calls, fib.cache_misses, fib.cache_hits], [39, 21, 18]);
    });
  }

  for (const name of TUNED) {
    it(`${name} makes closure's calls on grid-paths and knapsack`, () => {
      const input = knapsack.input(10, createRng(3));
      assert.equal(
        countsOf((t) => gridPaths.variants[name]!(t)(8)).calls,
        countsOf((t) => gridPaths.variants.closure(t)(8)).calls,
      );
      assert.equal(
        countsOf((t) => knapsack.variants[name]!(t)(input)).calls,
        countsOf((t) => knapsack.variants.closure(t)(input)).calls,
      );
    });
  }

  it('micro-memoize ignores maxSize: Infinity (naive calls), hence the tuned MAX_SAFE_INTEGER', () => {
    const fibWith = (maxSize: number) =>
      countsOf((t) => {
        const fib: (n: number) => number = t.memoizeWith(
          (fn) => microMemoize(fn, { maxSize }),
          (n: number): number => (n < 2 ? n : fib(n - 1) + fib(n - 2)),
        );
        assert.equal(fib(20), 6765);
      }).calls;
    assert.equal(fibWith(Number.POSITIVE_INFINITY), naiveFibCalls(20));
    assert.equal(fibWith(Number.MAX_SAFE_INTEGER), 39);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ExploreLimits, exploreProblem, kindOf, show } from '../lib/explore-problem.ts';
import type { Exploration, StateArg } from '../lib/types.ts';

const LIMITS: ExploreLimits = { max_states: 1_000_000, watch: [-1] };

type Self = (...state: StateArg[]) => number;
/** Fibonacci with every state cached, base cases included: n + 1 states, 2n - 1 calls, depth n. */
const fibonacci = {
  recurrence: (_: unknown, self: Self, k: number): number => (k < 2 ? k : self(k - 1) + self(k - 2)),
};

function explored(problem: object, data: unknown, start: StateArg[], limits = LIMITS): Exploration {
  const outcome = exploreProblem(problem as never, data, start as never, limits);
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.message);
  return outcome.exploration;
}

function failure(problem: object, start: StateArg[], limits = LIMITS): string {
  const outcome = exploreProblem(problem as never, null, start as never, limits);
  assert.equal(outcome.ok, false);
  return outcome.ok ? '' : outcome.message;
}

describe('exploreProblem()', () => {
  it('counts what a memoized top-down Fibonacci does: n + 1 states, 2n - 1 calls, depth n', () => {
    for (const n of [2, 10, 30]) {
      const result = explored(fibonacci, null, [n]);
      assert.deepEqual([result.states, result.calls, result.max_depth], [n + 1, 2 * n - 1, n]);
    }
    assert.equal(explored(fibonacci, null, [30]).answer, 832_040);
  });

  it('goes deeper than the JavaScript stack, with the same counts', () => {
    const n = 200_000;
    const result = explored(
      { recurrence: (_: unknown, self: Self, k: number) => (k === 0 ? 0 : 1 + self(k - 1)) },
      null,
      [n],
    );
    assert.deepEqual(
      [result.answer, result.states, result.calls, result.max_depth],
      [n, n + 1, n + 1, n + 1],
    );
    const fib = explored(fibonacci, null, [5_000]);
    assert.deepEqual([fib.states, fib.calls, fib.max_depth], [5_001, 9_999, 5_000]);
  });

  it('reports the kinds and integer bounds of each state argument, and the values', () => {
    const grid = explored(
      {
        recurrence: (_: unknown, self: Self, i: number, j: number) =>
          i === 0 || j === 0 ? 1 : self(i - 1, j) + self(i, j - 1),
      },
      null,
      [3, 4],
    );
    assert.deepEqual(grid.arguments, [
      { kinds: ['integer'], min: 0, max: 3 },
      { kinds: ['integer'], min: 0, max: 4 },
    ]);
    assert.equal(grid.answer, 35);
    assert.deepEqual([grid.numbers, grid.int32, grid.watched_seen], [true, true, []]);
    const mixed = explored(
      {
        recurrence: (_: unknown, self: (...s: StateArg[]) => string, text: string, half: number) =>
          text.length <= 1 ? `${text}${half}` : self(text.slice(1), half / 2),
      },
      null,
      ['abc', 3],
    );
    assert.deepEqual(mixed.arguments, [
      { kinds: ['string'], min: null, max: null },
      { kinds: ['integer', 'number'], min: null, max: null },
    ]);
    assert.deepEqual([mixed.answer, mixed.numbers, mixed.int32], ['c0.75', false, false]);
    const minusOne = explored(
      { recurrence: (_: unknown, self: Self, k: number) => (k === 0 ? -1 : self(k - 1)) },
      null,
      [3],
    );
    assert.deepEqual(minusOne.watched_seen, [-1]);
  });

  it('names the field and the state of each mistake in the recurrence', () => {
    const cases: [string, object, StateArg[], RegExp][] = [
      [
        'throws',
        {
          recurrence: (_: unknown, self: Self, k: number) =>
            k === 2 ? (null as never as number[])[0]! : self(k - 1),
        },
        [5],
        /^field 'recurrence' threw at self\(2\): Cannot read properties of null/,
      ],
      [
        'cycle',
        { recurrence: (_: unknown, self: Self, k: number) => (k === 0 ? 0 : self(k === 3 ? 5 : k - 1)) },
        [5],
        /^field 'recurrence': self\(5\) depends on itself \(a cycle through self\(3\)\)/,
      ],
      [
        'arity',
        { recurrence: (_: unknown, self: Self, i: number, j: number) => (i === 0 ? j : self(i - 1)) },
        [2, 2],
        /^field 'recurrence' called self with 1 argument\(s\) in self\(2, 2\); a state has 2/,
      ],
      [
        'object',
        {
          recurrence: (_: unknown, self: (...s: unknown[]) => number, k: number) =>
            k === 0 ? 0 : self([k - 1]),
        },
        [1],
        /^field 'recurrence' called self with an array in self\(1\); state arguments must be numbers/,
      ],
      [
        'value',
        { recurrence: (_: unknown, self: Self, k: number) => (k === 0 ? undefined : self(k - 1)) },
        [3],
        /^field 'recurrence' returned undefined at self\(0\); a value must be a number, bigint or string/,
      ],
      [
        'catches',
        {
          recurrence: (_: unknown, self: Self, k: number) => {
            if (k === 0) return 0;
            try {
              return self(k - 1);
            } catch {
              return -1;
            }
          },
        },
        [1_000],
        /^field 'recurrence' caught what self threw in self\(\d+\); do not call self inside try\/catch/,
      ],
    ];
    for (const [name, problem, start, expected] of cases) {
      assert.match(failure(problem, start), expected, name);
    }
  });

  it('stops at the state limit without calling it a fault', () => {
    const outcome = exploreProblem(fibonacci as never, null, [100] as never, { max_states: 50, watch: [] });
    assert.deepEqual(outcome, { ok: false, fault: false, message: 'more than 50 states' });
  });
});

describe('kindOf() and show()', () => {
  it('tell integers from other numbers and refuse what cannot be a key', () => {
    assert.deepEqual([3, 3.5, 'a', 2n, true, null, {}].map(kindOf), [
      'integer',
      'number',
      'string',
      'bigint',
      'boolean',
      undefined,
      undefined,
    ]);
  });

  it('write a state as the call that asked for it', () => {
    assert.equal(show([1, 'a,b', 2n, false]), 'self(1, "a,b", 2n, false)');
    assert.match(show(['x'.repeat(200)]), /^self\("x{76}\.\.\.\)$/);
  });
});

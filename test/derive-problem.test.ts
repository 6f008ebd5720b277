import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import hofstadterG from '../examples/hofstadter-g.ts';
import minPathSum from '../examples/min-path-sum.ts';
import { defineProblem } from '../lib/define-problem.ts';
import { boundedRun } from '../lib/lru.ts';
import { rngFor } from '../lib/random.ts';
import { plainTools } from '../lib/tools.ts';
import type {
  Answer,
  Derivation,
  OperationCounts,
  ProblemInput,
  State,
  VariantFactory,
} from '../lib/types.ts';
import { createCountingTools } from '../runners/counting-tools.ts';
import { answerText } from '../runners/verify.ts';

/** Occurrences of t as a subsequence of s: a state of two strings, and no reference. */
const subsequences = defineProblem({
  id: 'subsequence-count',
  title: 'Occurrences of a pattern as a subsequence',
  input: (n, rng) => ({ s: rng.string(n, 'ab'), t: rng.string(Math.ceil(n / 3), 'ab') }),
  start: ({ s, t }) => [s, t],
  recurrence: (_, self, s, t): number => {
    if (t === '') return 1;
    if (s.length < t.length) return 0;
    return self(s.slice(1), t) + (s[0] === t[0] ? self(s.slice(1), t.slice(1)) : 0);
  },
  sizes: [3, 6, 9, 12],
});

/** A Number state that is not an integer: x halved or thirded down below 1. */
const fractions = defineProblem({
  id: 'fractions',
  title: 'Sum over a tree of fractions',
  input: (n) => n,
  start: (n) => [n],
  recurrence: (_, self, x): number => (x < 1 ? 1 : self(x / 2) + self(x / 3)),
  sizes: [4, 16, 64],
});

type AnySuite = { variants: Record<string, VariantFactory<ProblemInput<unknown, State>, Answer>> } & {
  id: string;
  derivation: Derivation;
  input: (n: number, rng: ReturnType<typeof rngFor>) => ProblemInput<unknown, State>;
};
const cases: [AnySuite, number[]][] = [
  [hofstadterG as unknown as AnySuite, [5, 10, 20, 30]],
  [minPathSum as unknown as AnySuite, [2, 4, 8, 12]],
  [subsequences as unknown as AnySuite, [3, 6, 9, 12]],
  [fractions as unknown as AnySuite, [4, 16, 64]],
];

/** The audit's default configurations that key on the first argument only: wrong on two-argument states. */
const FIRST_ARGUMENT_ONLY = ['lodash-default', 'memoize-default'];

function counted(
  factory: VariantFactory<ProblemInput<unknown, State>, Answer>,
  input: ProblemInput<unknown, State>,
) {
  const counter = createCountingTools();
  const answer = factory(counter.tools)(input);
  return { answer, counts: counter.counts() };
}

describe('deriveVariants()', () => {
  for (const [suite, sizes] of cases) {
    it(`${suite.id}: every derived variant gives naive’s answer at ${sizes.join(', ')}`, () => {
      const wrong = new Set<string>();
      for (const n of sizes) {
        const input = suite.input(n, rngFor(7, suite.id, n));
        const naive = answerText(suite.variants.naive!(plainTools)(input));
        assert.equal(naive, answerText(input.shape!.answer));
        for (const [name, factory] of Object.entries(suite.variants)) {
          const answer = answerText(factory(plainTools)(input));
          if (answer !== naive) wrong.add(name);
          assert.equal(answerText(counted(factory, input).answer), answer, `${name} counted, n = ${n}`);
        }
      }
      const arity = suite.derivation.arity;
      assert.deepEqual([...wrong], arity === 1 ? [] : FIRST_ARGUMENT_ONLY);
    });
  }

  it('counts memoized variants exactly as the exploration does, with fewer calls than naive', () => {
    for (const [suite, sizes] of cases) {
      const n = sizes.at(-1) as number;
      const input = suite.input(n, rngFor(7, suite.id, n));
      const shape = input.shape!;
      const naive = counted(suite.variants.naive!, input).counts;
      assert.equal(naive.cache_entries, 0);
      for (const name of ['dict', 'map-string', 'map-packed', 'array', 'closure', 'memoize-tuned']) {
        const factory = suite.variants[name];
        if (factory === undefined) continue;
        const counts: OperationCounts = counted(factory, input).counts;
        assert.deepEqual(
          [counts.calls, counts.cache_misses, counts.max_depth],
          [shape.calls, shape.states, shape.max_depth],
          `${suite.id} ${name}`,
        );
        assert.ok(
          counts.calls < naive.calls,
          `${suite.id} ${name}: ${counts.calls} calls, naive ${naive.calls}`,
        );
        if (name !== 'memoize-tuned')
          assert.equal(counts.cache_entries, shape.states, `${suite.id} ${name} entries`);
      }
    }
  });

  it('derives the key strategies that fit the state', () => {
    const names = (suite: { variants: object }) =>
      Object.keys(suite.variants).filter((name) => !name.includes('-default') && !name.includes('-tuned'));
    // G's capacity is searched at n = 100: at n = 1,000 the recursion is 1,001 deep, over LRU_SEARCH_MAX_DEPTH.
    assert.deepEqual([hofstadterG.derivation.lru_n, hofstadterG.derivation.lru_capacity], [100, 26]);
    assert.deepEqual(names(hofstadterG), [
      'naive',
      'dict',
      'map-string',
      'map-packed',
      'array',
      'closure',
      'lru-26',
    ]);
    assert.deepEqual(names(minPathSum), [
      'naive',
      'dict',
      'map-string',
      'map-packed',
      'map-nested',
      'array',
      'closure',
      `lru-${minPathSum.derivation.lru_capacity}`,
    ]);
    // Strings: no dict (a state "constructor" would read Object.prototype), no packed key, no table.
    assert.deepEqual(
      names(subsequences).filter((name) => !name.startsWith('lru-')),
      ['naive', 'map-string', 'map-nested', 'closure'],
    );
    // Numbers that are not integers: joined keys are exact, tables are not possible.
    assert.deepEqual(
      names(fractions).filter((name) => !name.startsWith('lru-')),
      ['naive', 'dict', 'map-string', 'closure'],
    );
    assert.equal(Object.keys(minPathSum.libraries ?? {}).length, 14);
  });

  it('bounds lru-<c> to c entries, with the calls of an LRU cache of c entries', () => {
    for (const suite of [hofstadterG, minPathSum] as unknown as AnySuite[]) {
      const capacity = suite.derivation.lru_capacity!;
      for (const n of [(suite.derivation.lru_n as number) / 2, suite.derivation.lru_n as number]) {
        const input = suite.input(n, rngFor(7, suite.id, n));
        const { counts } = counted(suite.variants[`lru-${capacity}`]!, input);
        const direct = boundedRun(suite.variants.closure!, input, capacity);
        assert.equal(counts.calls, direct.calls, `${suite.id} n = ${n}`);
        assert.ok(counts.cache_entries! <= capacity);
        assert.ok(counts.calls <= 2 * input.shape!.calls, `${suite.id} n = ${n}: within 2x of unbounded`);
      }
    }
  });

  it('keeps an array table for its input: a warm instance answers again from its cells', () => {
    const input = minPathSum.input(8, rngFor(7, minPathSum.id, 8));
    const counter = createCountingTools();
    const instance = minPathSum.variants.array!(counter.tools);
    const first = instance(input);
    counter.reset();
    assert.equal(instance(input), first);
    // One call, answered by the table: the cells were kept.
    assert.deepEqual([counter.counts().calls, counter.counts().cache_hits], [1, 1]);
  });

  it('names the variant when an input has no bounds for its states', () => {
    const input = {
      ...minPathSum.input(4, rngFor(7, minPathSum.id, 4)),
      shape: null,
      shape_note: 'more than 10 states at n = 4',
    };
    assert.throws(
      () => minPathSum.variants['map-packed']!(plainTools)(input),
      /^Error: map-packed: no bounds for the states at n = 4 \(more than 10 states at n = 4\)$/,
    );
    assert.throws(() => minPathSum.variants.array!(plainTools)(input), /^Error: array: no bounds/);
  });
});

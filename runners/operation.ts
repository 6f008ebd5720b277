import { rngFor } from '../lib/random.ts';
import { plainTools } from '../lib/tools.ts';
import type { Answer, CacheMode, OperationCounts, Suite, VariantFactory } from '../lib/types.ts';
import { createCountingTools } from './counting-tools.ts';
import type { CountingCode } from './instrumented.ts';

/** What a cache mode times, counts and measures, for one variant at one size. */
export interface Operation {
  /** The timed operation (plain tools: no instrumentation). Returns the answer of its last call. */
  timed: () => Answer;
  /** Top-level calls one operation makes; per-call time is the operation's time divided by this. */
  calls_per_op: number;
  /** One operation with counting tools: its answer and exact counts (the instrumented pass). */
  count: () => { answer: Answer; counts: OperationCounts };
  /** A fresh instance after one operation's worth of filling, with its answer: what must stay alive to measure retained bytes. */
  retain: () => unknown;
}

/**
 * Builds the operation of a cache mode. `cold`: a new instance per call. `warm`: one instance,
 * filled once here, outside any timing; each operation is one more call on it. `sequence`: a new
 * instance answers sizes 1..n in turn (needs a suite with `sequence: true`). Counting runs
 * `counting`'s separate copy of the variant when given (see instrumented.ts).
 */
export function buildOperation<I>(
  mode: CacheMode,
  suite: Suite<I>,
  factory: VariantFactory<I, Answer>,
  input: I,
  n: number,
  seed: number,
  counting?: { factory: VariantFactory<I, Answer>; memoize: CountingCode['memoize'] },
): Operation {
  const countingFactory = counting?.factory ?? factory;
  const countingTools = () => createCountingTools(counting?.memoize);
  if (mode === 'warm') {
    const instance = factory(plainTools);
    instance(input);
    return {
      timed: () => instance(input),
      calls_per_op: 1,
      count: () => {
        const counter = countingTools();
        const counted = countingFactory(counter.tools);
        counted(input);
        counter.reset();
        return { answer: counted(input), counts: counter.counts() };
      },
      retain: () => {
        const fresh = factory(plainTools);
        return [fresh, fresh(input)];
      },
    };
  }
  if (mode === 'sequence') {
    const inputs = Array.from({ length: n }, (_, k) => suite.input(k + 1, rngFor(seed, suite.id, k + 1)));
    const run = (instance: (input: I) => Answer): Answer => {
      let answer: Answer = 0;
      for (const each of inputs) answer = instance(each);
      return answer;
    };
    return {
      timed: () => run(factory(plainTools)),
      calls_per_op: n,
      count: () => {
        const counter = countingTools();
        return { answer: run(countingFactory(counter.tools)), counts: counter.counts() };
      },
      retain: () => {
        const fresh = factory(plainTools);
        return [fresh, run(fresh)];
      },
    };
  }
  return {
    timed: () => factory(plainTools)(input),
    calls_per_op: 1,
    count: () => {
      const counter = countingTools();
      return { answer: countingFactory(counter.tools)(input), counts: counter.counts() };
    },
    retain: () => {
      const fresh = factory(plainTools);
      return [fresh, fresh(input)];
    },
  };
}

import { rngFor } from '../lib/random.ts';
import { plainTools } from '../lib/tools.ts';
import type {
  Answer,
  CacheMode,
  CountedOperation,
  InstanceMode,
  OperationCounts,
  Suite,
  Tools,
  VariantFactory,
} from '../lib/types.ts';
import { createCountingTools } from './counting-tools.ts';
import type { CountingCode } from './instrumented.ts';

/** What a cache mode times and measures, for one variant at one size. */
export interface Operation {
  /** The timed operation (plain tools: no instrumentation). Returns the answer of its last call. */
  timed: () => Answer;
  /** Top-level calls one operation makes; per-call time is the operation's time divided by this. */
  calls_per_op: number;
  /** How `timed` uses instances (warm mode always shares its one filled instance). */
  instance: InstanceMode;
  /**
   * A fresh instance after one operation's worth of filling, with its answer: what must stay alive
   * to measure retained bytes. With a kept stateless instance (`OperationSpec.shared`) the fresh
   * instance is not called and the kept one answers.
   */
  retain: () => unknown;
}

/** One variant at one size in one cache mode: what every operation of it is built from. */
export interface OperationSpec<I> {
  mode: CacheMode;
  suite: Suite<I>;
  factory: VariantFactory<I, Answer>;
  input: I;
  n: number;
  /** The run's seed (sequence mode makes the inputs of sizes 1..n). */
  seed: number;
  /**
   * The tools the operation's instances are built with: the plain ones by default. The instruction
   * harness passes the plain tools of the revision it measures (runners/instructions/harness.ts),
   * since lib/memoize.ts is part of what a base and a head revision may differ in.
   */
  tools?: Tools;
  /**
   * The instance a `shared` operation answers on, when the caller already has one (the ladder keeps
   * one instance of a stateless variant for all its sizes); one is created here by default.
   */
  shared?: (input: I) => Answer;
}

/** The inputs one sequence-mode operation answers in turn: sizes 1..n. */
function sequenceInputs<I>(spec: OperationSpec<I>): I[] {
  return Array.from({ length: spec.n }, (_, k) =>
    spec.suite.input(k + 1, rngFor(spec.seed, spec.suite.id, k + 1)),
  );
}

/**
 * Builds the timed operation of a cache mode. `cold`: one call, on a new instance per call
 * (`per-call`) or, for a variant found stateless, on one instance created here, outside any timing
 * (`shared`: as users write a function that keeps no state). `warm`: one instance, filled once
 * here; each operation is one more call on it. `sequence`: an instance answers sizes 1..n in turn
 * (a new one per operation unless shared; needs a suite with `sequence: true`).
 */
export function buildOperation<I>(spec: OperationSpec<I> & { instance: InstanceMode }): Operation {
  const { mode, factory, input } = spec;
  const tools = spec.tools ?? plainTools;
  const shared = spec.instance === 'shared' ? (spec.shared ?? factory(tools)) : undefined;
  // A stateless instance kept by the caller keeps nothing from its calls, so a fresh one is left
  // uncalled and the answer comes from the kept one: calling fresh instances would give V8's call
  // feedback a second target and slow the kept instance's later sizes (see LadderState.stateless).
  const answering = spec.instance === 'shared' && mode !== 'warm' ? spec.shared : undefined;
  const retain = () => {
    const fresh = factory(tools);
    const by = answering ?? fresh;
    return [fresh, mode === 'sequence' ? answerAll(by, sequenceInputs(spec)) : by(input)];
  };
  if (mode === 'warm') {
    const instance = shared ?? factory(tools);
    instance(input);
    return { timed: () => instance(input), calls_per_op: 1, instance: 'shared', retain };
  }
  if (mode === 'sequence') {
    const inputs = sequenceInputs(spec);
    const timed =
      shared === undefined ? () => answerAll(factory(tools), inputs) : () => answerAll(shared, inputs);
    return { timed, calls_per_op: spec.n, instance: spec.instance, retain };
  }
  const timed = shared === undefined ? () => factory(tools)(input) : () => shared(input);
  return { timed, calls_per_op: 1, instance: spec.instance, retain };
}

/** Answers each input in turn on one instance; the last answer. */
function answerAll<I>(instance: (input: I) => Answer, inputs: readonly I[]): Answer {
  let answer: Answer = 0;
  for (const each of inputs) answer = instance(each);
  return answer;
}

/**
 * The instrumented pass of a cache mode: one operation with counting tools, its answer and exact
 * counts, then a second operation on the same instance to tell whether the instance keeps state.
 * It runs `counting`'s separate copy of the variant (see instrumented.ts). In warm mode the counted
 * operation is the second call on a filled instance (what warm mode times), and the instance is
 * shared whatever it keeps; otherwise it is shared when the second operation did the same work.
 */
export function countOperation<I>(
  spec: OperationSpec<I> & {
    counting: { factory: VariantFactory<I, Answer>; memoize?: CountingCode['memoize'] };
  },
): { answer: Answer } & CountedOperation {
  const counter = createCountingTools(spec.counting.memoize);
  const instance = spec.counting.factory(counter.tools);
  const inputs = spec.mode === 'sequence' ? sequenceInputs(spec) : undefined;
  const operation = () => (inputs === undefined ? instance(spec.input) : answerAll(instance, inputs));
  if (spec.mode === 'warm') {
    operation();
    counter.reset();
    return { answer: operation(), counts: counter.counts(), instance: 'shared' };
  }
  const answer = operation();
  const counts = counter.counts();
  counter.reset();
  operation();
  return { answer, counts, instance: sameWork(counts, counter.counts()) ? 'shared' : 'per-call' };
}

/**
 * A second operation on one instance did exactly the work of the first: as many calls (at least
 * one, or nothing can be told), no hits carried over, as deep. Entries are not compared: a variant
 * that makes a new cache per call (a default-parameter dictionary) adds the second cache's entries
 * to the first's, and that is no state between calls.
 */
export function sameWork(first: OperationCounts, second: OperationCounts): boolean {
  return (
    first.calls > 0 &&
    second.calls === first.calls &&
    second.cache_hits === first.cache_hits &&
    second.cache_misses === first.cache_misses &&
    second.max_depth === first.max_depth
  );
}

import { messageOf } from '../lib/errors.ts';
import { rngFor } from '../lib/random.ts';
import type { Suite } from '../lib/types.ts';
import { answerText } from './verify.ts';

/** The input of one size and its reference answer, or why they could not be made. */
export type Prepared<I> = { ok: true; input: I; reference: string } | { ok: false; message: string };

/**
 * Makes each (size) input once per suite and shares it between the variants, along with the
 * reference answer and the answers the variants gave, so each answer can be checked against the
 * reference and against the other variants.
 */
export class InputStore<I> {
  readonly #prepared = new Map<number, Prepared<I>>();
  readonly #answers = new Map<number, Map<string, string>>();

  constructor(
    private readonly suite: Suite<I>,
    private readonly seed: number,
  ) {}

  /** The input and reference answer of size n (a generator or reference that throws is reported, not thrown). */
  prepare(n: number): Prepared<I> {
    let prepared = this.#prepared.get(n);
    if (prepared === undefined) {
      prepared = this.#make(n);
      this.#prepared.set(n, prepared);
    }
    return prepared;
  }

  /** Answers already given at size n, by variant. */
  answers(n: number): Map<string, string> {
    let answers = this.#answers.get(n);
    if (answers === undefined) {
      answers = new Map();
      this.#answers.set(n, answers);
    }
    return answers;
  }

  #make(n: number): Prepared<I> {
    let input: I;
    try {
      input = this.suite.input(n, rngFor(this.seed, this.suite.id, n));
    } catch (error) {
      return { ok: false, message: `input generator failed at n = ${n}: ${messageOf(error)}` };
    }
    try {
      return { ok: true, input, reference: answerText(this.suite.reference(input)) };
    } catch (error) {
      return { ok: false, message: `reference failed at n = ${n}: ${messageOf(error)}` };
    }
  }
}

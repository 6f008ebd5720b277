import { isStackOverflow, messageOf } from '../lib/errors.ts';
import type { Answer, ErrorCell } from '../lib/types.ts';

/** Answers compare as text, so Number, BigInt and string answers are checked exactly. */
export function answerText(answer: Answer): string {
  return typeof answer === 'bigint' ? `${answer}n` : String(answer);
}

/** The outcome of checking one answer. */
export type Verdict = { ok: true } | { ok: false; message: string };

/**
 * Checks an answer against the reference and against the answers other variants already gave for
 * the same input. When the reference disagrees with every other variant too, the message says so,
 * since the reference itself may then be wrong.
 */
export function checkAnswer(answer: string, reference: string, others: ReadonlyMap<string, string>): Verdict {
  if (answer === reference) return { ok: true };
  const agreeing = [...others].filter(([, other]) => other === answer).map(([name]) => name);
  const withReference = [...others].filter(([, other]) => other === reference).map(([name]) => name);
  let message = `expected ${reference} (reference), got ${answer}`;
  if (withReference.length > 0) message += `; ${withReference.join(', ')} agree with the reference`;
  if (agreeing.length > 0) message += `; ${agreeing.join(', ')} gave the same answer`;
  return { ok: false, message };
}

/** The status and one-line message for an error thrown by a variant. */
export function classifyError(error: unknown): Pick<ErrorCell, 'status' | 'message'> {
  return isStackOverflow(error)
    ? { status: 'stack-overflow', message: messageOf(error) }
    : { status: 'error', message: messageOf(error) };
}

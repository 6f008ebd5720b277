/**
 * An error in what the user asked for (command line, suite file, results file). The command-line
 * entry points print its one-line message and exit with code 2; nothing already measured is lost.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The message of anything thrown, on one line. */
export function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').trim();
}

/** V8 signals exhausted stack with a RangeError; its text is the stable part. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack size exceeded/i.test(error.message);
}

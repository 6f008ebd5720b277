import type { Readable } from 'node:stream';

/** How much of a dead child's stderr line a `crashed` cell quotes, characters. */
export const CAUSE_CHARS = 400;

/** How long the cause waits for a dead child's stderr to close, ms (a grandchild could hold the pipe open). */
export const STDERR_CLOSE_WAIT_MS = 1000;

/**
 * Lines that never explain a death: blank, JavaScript stack frames, native stack frames
 * (` 3: 0x75968e node::OOMErrorHandler(...)`), the banners around V8's reports, V8's GC trace
 * (`[1234:0x2d118000]   376 ms: Mark-Compact ...`), the caret under a thrown line and Node's
 * version footer. The native frames are why the cause cannot be read from the end: after an
 * out-of-memory death they fill the last 1-3 kB (their length and names vary with the Node
 * version and the binary's path), and some name `OOMErrorHandler` or `FatalProcessOutOfMemory`.
 */
const NOISE = [
  /^$/,
  /^at /,
  /^\d+: +0x[0-9a-f]+/,
  /^<---.*--->$/,
  /^-{3,}.*-{3,}$/,
  /^\[\d+:0x[0-9a-f]+\]/,
  /^\^+$/,
  /^Node\.js v\d/,
  /^npm warn/i,
];

/** V8's own report of a fatal condition, printed once before the native stack: the heap limit, a failed CHECK. */
const FATAL = /^(FATAL ERROR:|# Fatal error|Fatal JavaScript|# Check failed)/;
/** The headline of an uncaught exception (`TypeError: ...`, `Error [ERR_X]: ...`). */
const THROWN = /^[A-Za-z]*(Error|Exception)\b.*:/;
/** Other lines that look like a reason. */
const REASON = /error|fatal|memory|abort/i;

/** Reads a child's stderr as it arrives and keeps what explains its death. */
export interface StderrDigest {
  /** One more piece of stderr (text: decode with setEncoding so characters are not split). */
  push(chunk: string): void;
  /**
   * The line that best explains a death, at most CAUSE_CHARS long: V8's first fatal line
   * (`FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory`), else the
   * last uncaught exception, else the last line that mentions an error, fatal, memory or abort,
   * else the last line that is not noise; undefined for an empty or all-noise stderr.
   */
  cause(): string | undefined;
}

/**
 * A digest that holds a few lines whatever the child writes: each line is judged when its newline
 * arrives, and an unfinished line is kept only up to 4 x CAUSE_CHARS (its start, which names it).
 */
export function digestStderr(): StderrDigest {
  let pending = '';
  let fatal: string | undefined;
  let thrown: string | undefined;
  let reason: string | undefined;
  let last: string | undefined;
  const judge = (raw: string) => {
    const line = raw.trim().slice(0, CAUSE_CHARS);
    if (NOISE.some((pattern) => pattern.test(line))) return;
    if (FATAL.test(line)) fatal ??= line;
    else if (THROWN.test(line)) thrown = line;
    else if (REASON.test(line)) reason = line;
    last = line;
  };
  return {
    push(chunk) {
      const lines = (pending + chunk).split('\n');
      pending = (lines.pop() as string).slice(0, 4 * CAUSE_CHARS);
      for (const line of lines) judge(line);
    },
    cause() {
      // A child killed mid-line leaves its last line without a newline.
      const unfinished = pending;
      pending = '';
      judge(unfinished);
      return fatal ?? thrown ?? reason ?? last;
    },
  };
}

/**
 * Digests a child's stderr from now on. `cause()` first waits for the pipe to close: a child's
 * 'exit' event can come before the last of its stderr has been read, and V8's report of an
 * out-of-memory death is written just before the process aborts.
 */
export function watchStderr(stream: Readable | null): { cause(): Promise<string | undefined> } {
  const digest = digestStderr();
  if (stream === null) return { cause: async () => undefined };
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => digest.push(chunk));
  const closed = new Promise<void>((resolve) => {
    if (stream.closed) resolve();
    else stream.once('close', resolve);
  });
  return {
    async cause() {
      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, STDERR_CLOSE_WAIT_MS);
      });
      await Promise.race([closed, waited]);
      clearTimeout(timer);
      return digest.cause();
    },
  };
}

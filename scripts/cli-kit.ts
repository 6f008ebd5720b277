/**
 * What every command line of memobench shares (bench, its subcommands, check, report): the exit
 * codes, a commander program that throws instead of printing, the translation of every commander
 * error into a one-line UsageError naming the valid choices, option parsers, and the wrapper that
 * prints a UsageError as `memobench ...: <message>` and exits 2.
 */
import { Command, CommanderError } from 'commander';
import { messageOf, UsageError } from '../lib/errors.ts';

/**
 * Exit codes of every command: 0 fine; 1 a variant failed, a comparison regressed or an unexpected
 * error; 2 bad input; 128 + signal number when bench is interrupted.
 */
export const EXIT = { ok: 0, failure: 1, usage: 2, SIGINT: 130, SIGTERM: 143 } as const;

/**
 * The environment variable that `ab` sets to 1 for its rounds: bench then writes only results.json
 * and results.csv, no charts, report or summary, which take longer than measuring a small run (13 s
 * against 10 s for 10 ladders). An older bench ignores it and writes everything, only slower.
 */
export const RESULTS_ONLY = 'MEMOBENCH_RESULTS_ONLY';

/** Where a command writes: stdout for results and help, stderr for errors and progress. */
export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** This process's own streams. */
export const processIo: CommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/**
 * A new commander program whose --help goes to `io.stdout` and whose errors are thrown, never
 * printed (so that `parse` can turn them into one line). Arguments beyond the declared ones are an error.
 */
export function program(name: string, description: string, io: Pick<CommandIo, 'stdout'>): Command {
  return new Command(name)
    .description(description)
    .helpOption('-h, --help', 'show this help')
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout(text), writeErr: () => {} });
}

/** The one-line UsageError for a commander error, or null for the errors that are not mistakes (help shown). */
function usageErrorOf(error: CommanderError, command: Command): UsageError | null {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help') return null;
  const text = error.message.replace(/^error: /, '').split('\n')[0] ?? error.message;
  switch (error.code) {
    case 'commander.unknownOption':
      return new UsageError(`${text} (valid: ${command.options.map((option) => option.long).join(', ')})`);
    case 'commander.excessArguments': {
      const declared = command.registeredArguments;
      const extra = command.args.slice(declared.length);
      const expected =
        declared.length === 0
          ? 'options start with --'
          : `expected ${declared.map((arg) => (arg.required ? `<${arg.name()}>` : `[${arg.name()}]`)).join(' ')}`;
      return new UsageError(`unexpected argument(s) ${JSON.stringify(extra)} (${expected}; see --help)`);
    }
    // Commander's text already names the allowed choices.
    case 'commander.invalidArgument':
      return new UsageError(text);
    default:
      return new UsageError(`${text} (see --help)`);
  }
}

/**
 * Parses `argv` (without node, the script and a subcommand's name). Returns null when --help was
 * shown (the command then exits 0); every mistake becomes a one-line UsageError.
 */
export function parse(command: Command, argv: readonly string[]): Command | null {
  try {
    command.parse([...argv], { from: 'user' });
    return command;
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    const usage = usageErrorOf(error, command);
    if (usage === null) return null;
    throw usage;
  }
}

/**
 * An option parser for a finite number that `valid` accepts; otherwise a UsageError saying
 * `<flag> must be <what> (got '<text>')`.
 */
export function numberParser(flag: string, what: string, valid: (value: number) => boolean) {
  return (text: string): number => {
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value) || !valid(value)) {
      throw new UsageError(`${flag} must be ${what} (got '${text}')`);
    }
    return value;
  };
}

/** A parser for a number above 0 (a time, a budget, a percentage). */
export const positiveNumber = (flag: string) => numberParser(flag, 'a positive number', (value) => value > 0);

/** A parser for a whole number of at least 1 (a count). */
export const positiveInteger = (flag: string) =>
  numberParser(flag, 'a positive integer', (value) => Number.isSafeInteger(value) && value >= 1);

/** A parser for any whole number (a seed). */
export const integer = (flag: string) => numberParser(flag, 'an integer', Number.isSafeInteger);

/** A parser for a comma-separated list: items trimmed, empty items dropped. */
export function commaList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * A parser for a file or folder path. An empty one is refused: it would resolve to the current
 * folder, or make a write fail only after the work is done.
 */
export function nonEmptyPath(flag: string) {
  return (text: string): string => {
    if (text === '') throw new UsageError(`${flag} needs a path (got '')`);
    return text;
  };
}

/**
 * Runs a command body: a UsageError becomes one line, `<prefix>: <message>`, on stderr and exit 2,
 * so that every command answers bad input the same way. Other errors propagate (a bug, not bad input).
 * `prefix` is what the user typed, as the message names it: `memobench` or `memobench compare`.
 */
export async function guard(prefix: string, io: CommandIo, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${prefix}: ${messageOf(error)}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

/**
 * The top level of a script: runs `body` through `guard` and sets the exit code; any other error
 * is printed on one line as well, with exit 1. The process then ends when its work does (the
 * exit code is set, not forced, so that buffered output is not cut off). It never rejects, so a
 * script calls it with `void`: a top-level await would turn a body that never settles into exit 13.
 */
export async function runMain(
  prefix: string,
  body: (io: CommandIo) => Promise<number>,
  io: CommandIo = processIo,
): Promise<void> {
  try {
    process.exitCode = await guard(prefix, io, () => body(io));
  } catch (error) {
    io.stderr(`${prefix}: ${messageOf(error)}\n`);
    process.exitCode = EXIT.failure;
  }
}

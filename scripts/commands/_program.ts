/**
 * What the subcommand modules share: their I/O interface, commander parsing that turns every
 * mistake into a one-line UsageError naming the valid choices, and finding a run's results.json.
 * Internal (underscore): not a command.
 */
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { DEFAULT_SETTINGS } from '../../checks/compare.ts';
import type { CompareSettings } from '../../checks/types.ts';
import { messageOf, UsageError } from '../../lib/errors.ts';
import { readResults } from '../../lib/results-file.ts';
import { CORRECTIONS, type Results, TIME_CHOICES } from '../../lib/types.ts';

/** Where a command writes: stdout for results, stderr for errors and progress. */
export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Exit codes of every command: 0 fine, 1 regressed / different / failed, 2 bad input. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** A new commander program for a subcommand, with help going to `io.stdout` and errors thrown, not printed. */
export function program(name: string, description: string, io: CommandIo): Command {
  return new Command(name)
    .description(description)
    .helpOption('-h, --help', 'show this help')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout(text), writeErr: () => {} });
}

/**
 * Parses `argv` (without node, script and subcommand name). Returns null when --help was shown
 * (the command then exits 0); any other mistake becomes a one-line UsageError.
 */
export function parse(command: Command, argv: readonly string[]): Command | null {
  try {
    command.parse([...argv], { from: 'user' });
    return command;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help') return null;
      const text = error.message.replace(/^error: /, '').split('\n')[0] ?? error.message;
      if (error.code === 'commander.unknownOption') {
        const valid = command.options.map((option) => option.long).join(', ');
        throw new UsageError(`${text} (valid: ${valid})`);
      }
      throw new UsageError(`${text} (see --help)`);
    }
    throw error;
  }
}

/** A parser for a number option that must be > 0 (and < 1 with `belowOne`). */
export function positiveNumber(flag: string, belowOne = false) {
  return (text: string): number => {
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value) || value <= 0 || (belowOne && value >= 1)) {
      throw new UsageError(
        `${flag} must be a number ${belowOne ? 'between 0 and 1' : 'above 0'} (got '${text}')`,
      );
    }
    return value;
  };
}

/** A parser for an option that must be a positive integer. */
export function positiveInteger(flag: string) {
  return (text: string): number => {
    const value = Number(text);
    if (text.trim() === '' || !Number.isSafeInteger(value) || value < 1) {
      throw new UsageError(`${flag} must be a positive integer (got '${text}')`);
    }
    return value;
  };
}

/** The options every comparing command shares (threshold, alpha, correction, time mode, tolerance). */
export function addCompareOptions(command: Command): Command {
  return command
    .option(
      '--threshold-pct <pct>',
      `noise threshold: smaller changes are not reported, percent (default ${DEFAULT_SETTINGS.threshold_pct})`,
      positiveNumber('--threshold-pct'),
    )
    .option(
      '--alpha <p>',
      `significance level after correction (default ${DEFAULT_SETTINGS.alpha})`,
      positiveNumber('--alpha', true),
    )
    .addOption(
      new Option(
        '--correction <method>',
        'multiple-testing correction: holm (family-wise) or bh (false discovery rate)',
      )
        .choices(CORRECTIONS)
        .default(DEFAULT_SETTINGS.correction),
    )
    .addOption(
      new Option(
        '--time <mode>',
        'auto: per-cell statistics on the same machine, relative ratios across machines; or force one, or none',
      )
        .choices(TIME_CHOICES)
        .default('auto'),
    )
    .option(
      '--relative-tolerance <factor>',
      `across machines, how far a variant's ratio to the others may move (default ${DEFAULT_SETTINGS.relative_tolerance})`,
      (text: string) => {
        const value = Number(text);
        if (!(value > 1))
          throw new UsageError(`--relative-tolerance must be a factor above 1, e.g. 1.5 (got '${text}')`);
        return value;
      },
    );
}

/** The comparison settings from parsed options. */
export function settingsFrom(options: Record<string, unknown>): CompareSettings {
  return {
    threshold_pct: (options.thresholdPct as number | undefined) ?? DEFAULT_SETTINGS.threshold_pct,
    alpha: (options.alpha as number | undefined) ?? DEFAULT_SETTINGS.alpha,
    correction: options.correction as CompareSettings['correction'],
    relative_tolerance:
      (options.relativeTolerance as number | undefined) ?? DEFAULT_SETTINGS.relative_tolerance,
    time: options.time as CompareSettings['time'],
  };
}

/** The results.json of a run folder, or the file itself; a one-line UsageError when it is neither. */
export async function locateResults(target: string): Promise<string> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(target);
  } catch {
    throw new UsageError(`${target}: no such folder or file (give a run folder or its results.json)`);
  }
  if (info.isDirectory()) {
    const file = join(target, 'results.json');
    const found = await stat(file).then(
      (entry) => entry.isFile(),
      () => false,
    );
    if (!found) throw new UsageError(`${target}: no results.json in this folder (is it a bench run folder?)`);
    return file;
  }
  if (info.isFile() && basename(target).endsWith('.json')) return target;
  throw new UsageError(`${target}: not a run folder or a results .json file`);
}

/** Reads a run given as a folder or a results file. */
export async function loadRun(target: string): Promise<{ file: string; results: Results }> {
  const file = await locateResults(target);
  return { file, results: await readResults(file) };
}

/**
 * Runs a command body: a UsageError becomes one line on stderr and exit 2, so that every command
 * answers bad input the same way. Other errors propagate (a bug, not bad input).
 */
export async function guard(name: string, io: CommandIo, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`memobench ${name}: ${messageOf(error)}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

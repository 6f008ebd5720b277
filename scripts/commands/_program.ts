/**
 * What the commands that read runs share: the comparison options and settings (compare, ab, check)
 * and finding a run's results.json. Internal (underscore): not a command. What every command line
 * shares (exit codes, parsing, one-line errors) is in ../cli-kit.ts.
 */
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { type Command, Option } from 'commander';
import { DEFAULT_SETTINGS } from '../../checks/compare.ts';
import type { CompareSettings } from '../../checks/types.ts';
import { UsageError } from '../../lib/errors.ts';
import { readResults } from '../../lib/results-file.ts';
import { CORRECTIONS, type Results, TIME_CHOICES } from '../../lib/types.ts';
import { numberParser, positiveNumber } from '../cli-kit.ts';

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
      numberParser('--alpha', 'a number between 0 and 1', (value) => value > 0 && value < 1),
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
      numberParser('--relative-tolerance', 'a factor above 1, e.g. 1.5', (value) => value > 1),
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

/** The options of ab (either measure) that take no value. */
export const AB_FLAGS: ReadonlySet<string> = new Set(['--keep-worktree', '-h', '--help']);

/**
 * Splits argv into a command's own options (the names in `own`, with their values; `flags` take
 * none) and the rest, handed on to bench (values given as "--x v" or "--x=v").
 */
export function splitOptions(
  argv: readonly string[],
  own: ReadonlySet<string>,
  flags: ReadonlySet<string>,
): { own: string[]; bench: string[] } {
  const mine: string[] = [];
  const bench: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const name = arg.split('=')[0] as string;
    const target = own.has(name) ? mine : bench;
    target.push(arg);
    const takesValue = !arg.includes('=') && !flags.has(name) && name.startsWith('--');
    if (takesValue && i + 1 < argv.length && !(argv[i + 1] as string).startsWith('--'))
      target.push(argv[++i] as string);
  }
  return { own: mine, bench };
}

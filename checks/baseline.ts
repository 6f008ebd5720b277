import { messageOf, UsageError } from '../lib/errors.ts';
import { readResults } from '../lib/results-file.ts';
import type { Results } from '../lib/types.ts';
import { compareExact } from './exact.ts';
import { machineDifferences } from './machine.ts';

/** The committed baseline of `npm run bench:check`: a results.json of the ci profile. */
export const DEFAULT_BASELINE = 'baselines/ci.json';

/**
 * Reads the baseline; a missing or invalid file, or one not made with the ci profile, is bad input
 * (one line, saying how to make one).
 */
export async function readBaseline(path: string): Promise<Results> {
  let results: Results;
  try {
    results = await readResults(path);
  } catch (error) {
    throw new UsageError(
      `baseline ${messageOf(error)} (make one with: npm run bench:check -- --update-baseline)`,
    );
  }
  if (results.options.profile !== 'ci') {
    throw new UsageError(
      `baseline ${path} was made with --profile ${results.options.profile}; the check compares ci runs (make one with: npm run bench:check -- --update-baseline)`,
    );
  }
  if (!results.complete)
    throw new UsageError(`baseline ${path} is from an interrupted run (complete: false)`);
  return results;
}

/**
 * What is committed as the baseline: the run without its raw samples (up to 1,000 per cell would
 * make the file megabytes). Exact fields, medians, intervals and process medians stay, which is all
 * the check reads: exact fields and, across machines, medians; on one machine with 2 or more processes per ladder,
 * process medians.
 */
export function baselineOf(results: Results): Results {
  return {
    ...results,
    cells: results.cells.map((cell) => {
      if (cell.status !== 'ok') return cell;
      const { samples_ns: _, ...kept } = cell;
      return kept;
    }),
  };
}

/** What --update-baseline changes, in lines for the terminal. */
export function baselineChanges(old: Results | null, next: Results): string[] {
  if (old === null) {
    return [
      `New baseline: ${next.cells.length} cells of ${next.suites.length} suites (profile ci, Node ${next.environment.node}, ${next.environment.cpu_model}).`,
    ];
  }
  const lines = [`Cells: ${old.cells.length} -> ${next.cells.length}.`];
  const machine = machineDifferences(old.environment, next.environment);
  if (machine.length > 0) lines.push(`Machine: ${machine.join('; ')}.`);
  const oldSuites = new Set(old.suites.map((suite) => suite.id));
  const newSuites = new Set(next.suites.map((suite) => suite.id));
  const added = [...newSuites].filter((id) => !oldSuites.has(id));
  const removed = [...oldSuites].filter((id) => !newSuites.has(id));
  if (added.length > 0) lines.push(`Suites added: ${added.join(', ')}.`);
  if (removed.length > 0) lines.push(`Suites removed: ${removed.join(', ')}.`);
  const { differences } = compareExact(old, next);
  if (differences.length === 0) lines.push('Exact fields: unchanged (only times change).');
  else {
    lines.push(`Exact fields: ${differences.length} differences, now accepted:`);
    for (const d of differences.slice(0, 20)) {
      lines.push(
        `  ${d.suite} / ${d.variant}${d.n === null ? '' : ` / n = ${d.n}`}: ${d.field} ${d.a} -> ${d.b}`,
      );
    }
    if (differences.length > 20) lines.push(`  ... and ${differences.length - 20} more`);
  }
  return lines;
}

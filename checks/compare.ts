import { UsageError } from '../lib/errors.ts';
import type { Results } from '../lib/types.ts';
import { compareExact } from './exact.ts';
import { machineDifferences, nodeMajor } from './machine.ts';
import { formatChange } from './markdown.ts';
import { compareRelative, RELATIVE_TOLERANCE } from './relative.ts';
import { compareTimes, MIN_PROCESSES } from './time-compare.ts';
import type { CompareSettings, Comparison, RunSummary, TimeComparison } from './types.ts';

/** The defaults of compare, check and ab (see README "Regression checks" for why). */
export const DEFAULT_SETTINGS: CompareSettings = {
  threshold_pct: 5,
  alpha: 0.05,
  correction: 'holm',
  relative_tolerance: RELATIVE_TOLERANCE,
  time: 'auto',
};

function summary(results: Results, source: string): RunSummary {
  const { environment, options } = results;
  return {
    source,
    git_commit: environment.git_commit,
    date: environment.date,
    node: environment.node,
    os: environment.os,
    cpu_model: environment.cpu_model,
    cpu_cores: environment.cpu_cores,
    profile: options.profile,
    min_processes: options.min_processes,
    max_processes: options.max_processes,
    cells: results.cells.length,
  };
}

/**
 * Runs whose cells mean different things cannot be compared: another seed gives other inputs (and
 * answers), another cache mode or runner times another operation. That is bad input, not a regression.
 */
function checkComparable(a: Results, b: Results): void {
  const fields = [
    ['seed', a.options.seed, b.options.seed],
    ['cache mode', a.options.cache_mode, b.options.cache_mode],
    ['runner', a.options.runner, b.options.runner],
  ] as const;
  for (const [name, x, y] of fields) {
    if (x !== y) {
      throw new UsageError(
        `the runs differ in ${name} (${String(x)} vs ${String(y)}); only runs with the same seed, cache mode and runner are comparable`,
      );
    }
  }
}

/** What the reader must know about the inputs themselves. */
function notesOn(a: Results, b: Results): string[] {
  const notes: string[] = [];
  if (!a.complete) notes.push('Run A is incomplete (interrupted): cells it did not reach count as missing.');
  if (!b.complete) notes.push('Run B is incomplete (interrupted): cells it did not reach count as missing.');
  if (a.options.profile !== b.options.profile) {
    notes.push(
      `The runs used different profiles (${a.options.profile} vs ${b.options.profile}): their size ladders differ.`,
    );
  }
  const shard = (r: Results) =>
    r.options.shard === null ? 'all' : `${r.options.shard.index}/${r.options.shard.count}`;
  if (shard(a) !== shard(b)) notes.push(`The runs cover different shards (${shard(a)} vs ${shard(b)}).`);
  return notes;
}

function timeComparison(a: Results, b: Results, settings: CompareSettings): TimeComparison {
  const empty = { cells: [], relative: [], prior: null };
  const differences = machineDifferences(a.environment, b.environment);
  const mode =
    settings.time === 'auto' ? (differences.length === 0 ? 'same-machine' : 'relative') : settings.time;
  const reason =
    settings.time !== 'auto'
      ? `chosen with --time ${settings.time}`
      : differences.length === 0
        ? `same machine class (${a.environment.cpu_model}, ${a.environment.cpu_cores} cores, ${a.environment.os}, Node ${a.environment.node})`
        : `different machines: ${differences.join('; ')}`;
  if (mode === 'none') {
    return {
      mode,
      reason,
      gating: false,
      note: 'No time verdict: only the exact fields were compared.',
      ...empty,
    };
  }
  if (mode === 'relative') {
    const sameNode = nodeMajor(a.environment.node) === nodeMajor(b.environment.node);
    const relative = compareRelative(a, b, settings.relative_tolerance);
    const note = sameNode
      ? `Times from different machines are not comparable, so no cell gets a time verdict. Compared instead: each variant's time relative to the other variants of its suite in the same run (geometric mean over sizes); a move beyond ×${settings.relative_tolerance} either way counts as a change.`
      : `Times from different machines are not comparable, and a different Node major version (${a.environment.node} vs ${b.environment.node}) changes even the ratios between variants (another V8): the ratios below are information, not a verdict.`;
    return { mode, reason, gating: sameNode, note, cells: [], relative, prior: null };
  }
  const { cells, prior } = compareTimes(a, b, settings);
  if (cells.length === 0) {
    return {
      mode,
      reason,
      gating: false,
      note: `No time verdict: no cell has times to compare in both runs (its samples, or process medians from ${MIN_PROCESSES} processes or more). A committed baseline keeps no samples, so on one machine it is compared in time only when both runs used ${MIN_PROCESSES} processes or more (--processes); \`ab\` does that.`,
      ...empty,
    };
  }
  const single = cells.filter((cell) => cell.method === 'samples').length;
  const note =
    single === 0
      ? `Per cell: the ratio B/A of the geometric means of the process medians (the slowest process of each run set aside from 4 processes on), a moderated t-test on their logs, p-values ${settings.correction === 'holm' ? 'Holm' : 'Benjamini-Hochberg'}-corrected over ${cells.length} cells; a cell counts as changed when the corrected p < ${settings.alpha} and the ratio is beyond ${settings.threshold_pct}%.`
      : `${single} of ${cells.length} cells have 1 process in a run: for them only the samples of one process are compared (Mann-Whitney U), which cannot see that whole processes differ (by a few percent typically, up to 2x when one is disturbed). Their results are indicative, not a verdict. Run both with --processes 5 (or use ab) for a verdict.`;
  return { mode, reason, gating: true, note, cells, relative: [], prior };
}

/** The median ratio B/A over the cells compared on one machine; undefined for the other modes. */
function wholeRunShift(time: TimeComparison): number | undefined {
  if (time.cells.length === 0) return undefined;
  const logs = time.cells.map((cell) => Math.log(cell.ratio)).sort((x, y) => x - y);
  const mid = (logs.length - 1) / 2;
  return Math.exp(((logs[Math.floor(mid)] as number) + (logs[Math.ceil(mid)] as number)) / 2);
}

/** Compares run B (after) with run A (before): exact fields always, times as the machines allow. */
export function compareRuns(
  a: Results,
  b: Results,
  sources: { a: string; b: string },
  settings: CompareSettings = DEFAULT_SETTINGS,
): Comparison {
  checkComparable(a, b);
  const exact = compareExact(a, b);
  const time = timeComparison(a, b, settings);
  const notes = notesOn(a, b);
  const shift = wholeRunShift(time);
  if (shift !== undefined && Math.abs(Math.log(shift)) > Math.log(1 + settings.threshold_pct / 100)) {
    notes.push(
      `Run B as a whole is ${formatChange(shift)} against A (median over all cells). Unless the change touches every cell (the runner, Node), the machine's speed changed between the runs (load, power state): ab interleaves base and head runs to rule this out.`,
    );
  }
  const timeFailed =
    time.gating &&
    (time.cells.some((cell) => cell.verdict === 'regressed' && cell.method === 'processes') ||
      time.relative.some((variant) => variant.verdict === 'regressed'));
  return {
    a: summary(a, sources.a),
    b: summary(b, sources.b),
    settings,
    exact,
    time,
    notes,
    failed: exact.differences.length > 0 || timeFailed,
  };
}

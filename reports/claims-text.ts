import { formatBytes, formatNs, formatRatio, formatRatioInterval } from '../lib/format.ts';
import type { CacheMode, Table } from '../lib/types.ts';
import {
  type MemoryClaim,
  type MemoryPoint,
  SEED_STAND_IN,
  SEED_VARIANT,
  type SeedAgainstDict,
  type SeedClaims,
  type SpeedClaim,
} from './claims.ts';
import type { SectionWriter } from './section.ts';

/**
 * The section "The seed text's claims, checked" of summary.md and report.html, written once: which
 * variant stands for the seed's memoization, a table and a verdict per claim (each verdict derived
 * from its table only), and how the seed's own code compares with dict.
 */

/** "fibonacci (seed), lcs (dict)": the suites of some claims, each with the variant checked there. */
function suitesText(claims: readonly { suite: string; variant: string }[]): string {
  return claims.map((claim) => `${claim.suite} (${claim.variant})`).join(', ');
}

/** The verdict on "much faster", from the speed table only. */
export function speedVerdict(speed: readonly SpeedClaim[]): string {
  const faster = speed.filter((claim) => claim.faster_from_n !== null);
  const slowerSmall = speed.filter((claim) => claim.slower_at_small_n);
  return (
    `holds in ${faster.length} of ${speed.length} suites from the n shown; ` +
    (slowerSmall.length > 0
      ? `at the smallest size measured, memoization was slower than naive in ${slowerSmall.length}: ${suitesText(slowerSmall)}; the cache costs more than it saves until there are repeated subproblems to save.`
      : 'no suite showed memoization slower than naive at the smallest size measured.')
  );
}

/** Differences of retained bytes smaller than this are within the noise of one reading (V8 bookkeeping). */
export const MEMORY_NOISE_BYTES = 64 * 1024;

/** The verdict on "reduces memory usage", from the memory table only; differences within the noise are said to be. */
export function memoryVerdict(memory: readonly MemoryClaim[]): string {
  const differences = memory.flatMap((claim) => {
    const naive = claim.points.find((point) => point.variant === 'naive');
    const memo = claim.points.find((point) => point.variant === claim.variant);
    return naive === undefined || memo === undefined ? [] : [{ claim, naive, memo }];
  });
  const more = differences.filter(
    ({ naive, memo }) => memo.retained_bytes - naive.retained_bytes > MEMORY_NOISE_BYTES,
  );
  const less = differences.filter(
    ({ naive, memo }) => naive.retained_bytes - memo.retained_bytes > MEMORY_NOISE_BYTES,
  );
  const asDeep = differences.filter(
    ({ naive, memo }) =>
      naive.max_depth !== null && memo.max_depth !== null && memo.max_depth >= naive.max_depth,
  );
  const allocatedMore = differences.filter(
    ({ naive, memo }) => memo.allocated_bytes - naive.allocated_bytes > MEMORY_NOISE_BYTES,
  );
  const noise = differences.length - more.length - less.length;
  return (
    `memoization retained more than naive in ${more.length}, less in ${less.length}, and within the noise of a reading (${MEMORY_NOISE_BYTES / 1024} kB) in ${noise} of ${differences.length} suites at these sizes ` +
    `(naive cannot be run at the sizes where a cache grows large), allocated more per call beyond that noise in ${allocatedMore.length}, and recursed as deep as naive in ${asDeep.length}` +
    (less.length === 0
      ? ': no suite shows memoization saving memory; it trades memory for time.'
      : `; it saved memory in ${suitesText(less.map(({ claim }) => claim))}.`)
  );
}

/** Which variant stands for the seed's memoization, and where dict stands in for it. */
function variantsText(claims: SeedClaims): string {
  const checked = [...claims.speed, ...claims.memory];
  const seed = checked.some((claim) => claim.variant === SEED_VARIANT)
    ? `Memoization is the seed text’s own code where a suite has it: ${SEED_VARIANT}, its fibonacci_memo(n, memo={}) translated literally. `
    : '';
  const standIn =
    claims.stand_in.length === 0
      ? ''
      : `No ${SEED_VARIANT} variant in ${claims.stand_in.join(', ')} (only Fibonacci has the seed text’s code, and results files from before it have none): ${SEED_STAND_IN}, a plain-object cache, stands for the seed’s dictionary there.`;
  return `${seed}${standIn}`.trim();
}

function speedTable(speed: readonly SpeedClaim[]): Table<SpeedClaim> {
  return {
    title:
      'Memoization against naive: from which n it is faster, and by how much at the largest n both were timed',
    sortable: true,
    rows: speed,
    columns: [
      { header: 'suite', text: (claim) => claim.suite },
      { header: 'variant', text: (claim) => claim.variant },
      {
        header: 'faster than naive from n (95% intervals separate)',
        numeric: true,
        unit: 'n',
        text: (claim) => String(claim.faster_from_n ?? 'none measured'),
        sort: (claim) => claim.faster_from_n ?? undefined,
      },
      {
        header: 'at n',
        numeric: true,
        unit: 'n',
        text: (claim) => String(claim.at_n),
        sort: (claim) => claim.at_n,
      },
      {
        header: 'speedup (naive time / variant time)',
        numeric: true,
        unit: 'x',
        text: (claim) => formatRatio(claim.speedup),
        sort: (claim) => claim.speedup,
      },
      {
        header: 'interval',
        text: (claim) => `${formatRatio(claim.speedup_low)} to ${formatRatio(claim.speedup_high)}`,
      },
    ],
  };
}

function memoryTable(memory: readonly MemoryClaim[]): Table<MemoryPoint & { suite: string; n: number }> {
  return {
    title:
      'Memory of one call at the largest n where naive and the memoized variant both have memory figures',
    sortable: true,
    rows: memory.flatMap((claim) =>
      claim.points.map((point) => ({ ...point, suite: claim.suite, n: claim.n })),
    ),
    columns: [
      { header: 'suite', text: (row) => row.suite },
      { header: 'n', numeric: true, unit: 'n', text: (row) => String(row.n), sort: (row) => row.n },
      { header: 'variant', text: (row) => row.variant },
      {
        header: 'retained',
        numeric: true,
        unit: 'bytes',
        text: (row) => formatBytes(row.retained_bytes),
        sort: (row) => row.retained_bytes,
      },
      {
        header: 'allocated per call',
        numeric: true,
        unit: 'bytes',
        text: (row) => formatBytes(row.allocated_bytes),
        sort: (row) => row.allocated_bytes,
      },
      {
        header: 'max depth',
        numeric: true,
        unit: 'stack frames',
        text: (row) => String(row.max_depth ?? '-'),
        sort: (row) => row.max_depth ?? undefined,
      },
    ],
  };
}

/** What the run's cache mode makes of the difference between Python's default and JavaScript's. */
const CACHE_MODE_MEANING: Record<CacheMode, string> = {
  cold: `In this run (--cache cold) every timed call of either starts with an empty dictionary, so the ratios show only what the literal translation costs against ${SEED_STAND_IN}’s closure: the dictionary passed as an argument at every call, and the base cases cached too.`,
  warm: `In this run (--cache warm) ${SEED_STAND_IN} answers from the dictionary it filled before timing, while every call of ${SEED_VARIANT} starts a new one: the ratios show what JavaScript’s default parameter forgets that Python’s would keep.`,
  sequence: `In this run (--cache sequence) ${SEED_STAND_IN} keeps one dictionary across f(1), ..., f(n), as Python’s default would, while ${SEED_VARIANT} starts a new one at every call: the ratios show what Python’s shared default saves.`,
};

const SEED_DEFAULT_NOTE = `Python evaluates the default memo={} once, when def runs: one dictionary shared by every call of fibonacci_memo, so a call reuses what earlier calls stored, which is what --cache sequence measures for ${SEED_STAND_IN} (f(1), ..., f(n) on one cache). JavaScript evaluates a default parameter at every call that omits it, so each top-level call of ${SEED_VARIANT} starts with a new, empty dictionary.`;

function seedTable(points: readonly SeedAgainstDict[]): Table<SeedAgainstDict> {
  return {
    title: `${SEED_VARIANT} against ${SEED_STAND_IN} at every n both were timed`,
    sortable: true,
    rows: points,
    columns: [
      { header: 'suite', text: (point) => point.suite },
      { header: 'n', numeric: true, unit: 'n', text: (point) => String(point.n), sort: (point) => point.n },
      {
        header: `${SEED_VARIANT} time per call`,
        numeric: true,
        unit: 'ns',
        text: (point) => formatNs(point.seed_ns),
        sort: (point) => point.seed_ns,
      },
      {
        header: `${SEED_STAND_IN} time per call`,
        numeric: true,
        unit: 'ns',
        text: (point) => formatNs(point.dict_ns),
        sort: (point) => point.dict_ns,
      },
      {
        header: `${SEED_VARIANT} / ${SEED_STAND_IN} (interval)`,
        numeric: true,
        unit: 'x',
        text: (point) => formatRatioInterval(point.ratio, point.ratio_low, point.ratio_high),
        sort: (point) => point.ratio,
      },
    ],
  };
}

/** The seed table in one sentence: the range of the ratios and where the intervals separate. */
export function seedSummary(points: readonly SeedAgainstDict[]): string {
  const sorted = [...points].sort((a, b) => a.ratio - b.ratio);
  const [low, high] = [sorted[0], sorted.at(-1)];
  if (low === undefined || high === undefined) return '';
  const slower = points.filter((point) => point.ratio_low > 1).length;
  const faster = points.filter((point) => point.ratio_high < 1).length;
  return (
    `${SEED_VARIANT} / ${SEED_STAND_IN} time: from ${formatRatio(low.ratio)} (${low.suite}, n = ${low.n}) to ${formatRatio(high.ratio)} (${high.suite}, n = ${high.n}) over the ${points.length} sizes both were timed; ` +
    `${SEED_VARIANT} slower with separated intervals at ${slower}, faster at ${faster}, within the intervals at ${points.length - slower - faster}.`
  );
}

/** The claims section, through `write` (markdownWriter or htmlWriter); empty when the run checks no claim. */
export function claimsSection<Out>(claims: SeedClaims, write: SectionWriter<Out>): Out[] {
  if (claims.speed.length === 0 && claims.memory.length === 0) return [];
  const out = [write.heading('The seed text’s claims, checked'), write.paragraph(variantsText(claims))];
  if (claims.speed.length > 0) {
    out.push(
      write.paragraph(
        'The memoized variant against naive; faster means the two cells’ 95% intervals (for another run) separate.',
        '“Memoization significantly improves performance.”',
      ),
      write.table(speedTable(claims.speed)),
      write.paragraph(`Verdict: ${speedVerdict(claims.speed)}`),
    );
  }
  if (claims.memory.length > 0) {
    out.push(
      write.paragraph(
        'Bytes are heap + external memory; depth is stack frames of the recursion.',
        '“Memoization reduces memory usage.”',
      ),
      write.table(memoryTable(claims.memory)),
      write.paragraph(`Verdict: ${memoryVerdict(claims.memory)}`),
    );
  }
  if (claims.seed_vs_dict.length > 0) {
    out.push(
      write.paragraph(
        `${SEED_DEFAULT_NOTE} ${CACHE_MODE_MEANING[claims.cache_mode]}`,
        `The seed’s code against ${SEED_STAND_IN}.`,
      ),
      write.table(seedTable(claims.seed_vs_dict)),
      write.paragraph(seedSummary(claims.seed_vs_dict)),
    );
  }
  return out;
}

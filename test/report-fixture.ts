import type { Cell, FailedCell, OkCell, Results, SuiteInfo } from '../lib/types.ts';
import { failedCell, fixtureResults, skippedCell } from './helpers.ts';

/**
 * A small results file for the report tests: two suites with known crossovers, and text from a
 * hostile suite (script tags, comment openers, quotes) that every report must keep inert.
 */

/** Text that would run or break out of an element if a report inserted it unescaped. */
export const HOSTILE = {
  title: '<script>alert(1)</script>',
  description: 'Tries <img src=x onerror="window.__pwned=1"> and a stray </script><!-- comment opener',
  recurrence: 'f(n) = "</script><script>window.__pwned=2</script>" & <b>bold</b>',
  message: '<svg onload=alert(3)> | `code` | *star*',
} as const;

/** A timed cell of `suite` with median `median_ns` and a 95% interval of ±10%. */
export function timedCell(suite: string, variant: string, n: number, median_ns: number): OkCell {
  return {
    suite,
    variant,
    n,
    status: 'ok',
    result: String(n),
    calls_per_op: 1,
    runner: 'tinybench',
    cache_mode: 'cold',
    median_ns,
    mean_ns: median_ns,
    p75_ns: median_ns,
    p99_ns: median_ns,
    min_ns: median_ns * 0.9,
    max_ns: median_ns * 1.2,
    sd_ns: median_ns * 0.05,
    mad_ns: median_ns * 0.02,
    ci_low_ns: median_ns * 0.9,
    ci_high_ns: median_ns * 1.1,
    rme_pct: 1,
    samples: 20,
    batch: 1,
    verify_ms: median_ns / 1e6,
  };
}

/** A cell without timings: skipped over the budget, or failed (a wrong answer answers 0). */
export function untimedCell(
  suite: string,
  variant: string,
  n: number,
  status: FailedCell['status'] | 'skipped',
  message = `${status} at n = ${n}`,
): Cell {
  return status === 'skipped'
    ? { ...skippedCell(variant, n), suite, message }
    : { ...failedCell(variant, n, status, message), suite };
}

function suiteInfo(id: string, title: string, variants: string[], extra: Partial<SuiteInfo> = {}): SuiteInfo {
  return {
    id,
    title,
    description: `The ${id} suite of the report tests.`,
    recurrence: 'f(n) = f(n-1) + f(n-2)',
    complexity: { naive: 'O(2^n)', memoized: 'O(n)' },
    variants,
    notes: {},
    libraries: {},
    ...extra,
  };
}

/**
 * Expected crossovers against naive in suite "alpha" (intervals are ±10% of each median):
 * dict from n = 10 (slower at 5); map from n = 10 (faster at 5 but the intervals overlap);
 * bottom-up from n = 5, every size compared; closure none measured (slower at the largest n, 20).
 */
export const ALPHA_CROSSOVERS = { dict: 10, map: 10, 'bottom-up': 5, closure: null } as const;

/** Fibonacci numbers F(0..k), exact as Numbers up to F(78). */
export function fibonacciNumbers(k: number): number[] {
  const f = [0, 1];
  for (let i = 2; i <= k; i++) f.push((f[i - 1] as number) + (f[i - 2] as number));
  return f;
}

/** Exact call counts of suite "alpha": naive makes 2F(n+1) - 1 calls, memoized 2n - 1, bottom-up n - 1. */
const ALPHA_CALLS: Record<string, (n: number) => number> = {
  naive: (n) => 2 * (fibonacciNumbers(n + 1)[n + 1] as number) - 1,
  dict: (n) => 2 * n - 1,
  'bottom-up': (n) => n - 1,
};

/** The fixture run. */
export function reportFixture(): Results {
  const alpha = 'alpha';
  const medians: Record<string, number[]> = {
    naive: [100, 1_000, 10_000, 100_000],
    dict: [300, 500, 800, 1_000],
    map: [90, 400, 600, 900],
    closure: [50, 2_000, 5_000, 200_000],
    'bottom-up': [50, 80, 120, 160],
  };
  const sizes = [5, 10, 15, 20];
  const cells: Cell[] = Object.entries(medians).flatMap(([variant, values]) =>
    values.map((median, index) => {
      const n = sizes[index] as number;
      return { ...timedCell(alpha, variant, n, median), calls: ALPHA_CALLS[variant]?.(n) };
    }),
  );
  cells.push(untimedCell(alpha, 'naive', 40, 'skipped'));
  cells.push(untimedCell(alpha, 'closure', 40, 'error', HOSTILE.message));
  for (const variant of ['dict', 'map', 'bottom-up']) cells.push(timedCell(alpha, variant, 40, 2_000));
  const beta = 'beta';
  for (const n of [2, 4, 8, 16, 32]) {
    cells.push(timedCell(beta, 'naive', n, 10 * 2 ** n));
    cells.push(timedCell(beta, 'map', n, 30 * n));
  }
  const results = fixtureResults(cells);
  results.suites = [
    suiteInfo(alpha, HOSTILE.title, Object.keys(medians), {
      description: HOSTILE.description,
      recurrence: HOSTILE.recurrence,
      notes: { map: HOSTILE.message },
    }),
    suiteInfo(beta, 'Beta: a plain suite', ['naive', 'map']),
  ];
  results.environment = { ...results.environment, command: `memobench --suite ${HOSTILE.title}` };
  return results;
}

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Cell, LibraryConfiguration, LibraryVariant, OkCell, Results } from '../lib/types.ts';
import { auditRows, statusRuns, withoutLibraries } from '../reports/audit.ts';
import { auditSpec } from '../reports/audit-chart.ts';
import { summaryDocument } from '../reports/markdown.ts';
import { compileSpec } from '../reports/render.ts';
import { chartSpecs } from '../reports/write-reports.ts';
import { failedCell, fixtureResults, okCell, skippedCell } from './helpers.ts';

/**
 * A synthetic run of one 2-D suite ("fixture") at n = 10, 20, 40, 80: the hand-written closure
 * (time ~ n^2, calls ~ n^2), map, naive (exponential calls, stopped by the budget), and one library
 * variant per kind of finding the audit must report.
 */
const SIZES = [10, 20, 40, 80];
const closureCalls = (n: number) => 2 * n * n;
const naiveCalls = 184_755;

const counted = (cell: OkCell, calls: number, extra: Partial<OkCell> = {}): OkCell => ({
  ...cell,
  calls,
  ...extra,
});
const series = (variant: string, ns: (n: number) => number, calls?: (n: number) => number) =>
  SIZES.map((n) =>
    calls === undefined ? okCell(variant, n, ns(n)) : counted(okCell(variant, n, ns(n)), calls(n)),
  );

const library = (configuration: LibraryConfiguration, pkg: string): LibraryVariant => ({
  package: pkg,
  configuration,
  how: `the ${configuration} configuration of ${pkg}.`,
});

const LIBRARIES: Record<string, LibraryVariant> = {
  'first-default': library('default', 'first'),
  'last-default': library('default', 'last'),
  'scan-tuned': library('tuned', 'scan'),
  'good-tuned': library('tuned', 'good'),
  'blind-default': library('default', 'blind'),
  'burst-tuned': library('tuned', 'burst'),
};

function fixture(): Results {
  const cells: Cell[] = [
    ...series('closure', (n) => 10 * n * n, closureCalls),
    ...series('map', (n) => 8 * n * n),
    counted(okCell('naive', 10, 5_000_000), naiveCalls),
    skippedCell('naive', 20),
    skippedCell('naive', 40),
    skippedCell('naive', 80),
    // Keyed on the first argument: wrong at the first size, never timed.
    {
      suite: 'fixture',
      variant: 'first-default',
      n: 10,
      status: 'wrong-answer',
      result: '11',
      message: 'expected 10 (reference), got 11; nobody else gave the same answer',
      runner: 'tinybench',
      cache_mode: 'cold',
    },
    ...SIZES.slice(1).map((n) => skippedCell('first-default', n, { skip_reason: 'wrong-answer' })),
    // Keeps only the last result: naive's calls, over the budget at 10.
    counted(okCell('last-default', 10, 9_000_000), naiveCalls),
    ...SIZES.slice(1).map((n) => skippedCell('last-default', n)),
    // Memoizes, but each lookup scans the cache: time ~ n^4 where closure's is ~ n^2.
    ...series('scan-tuned', (n) => 40 * n * n + n ** 4 / 4, closureCalls),
    // Memoizes with a constant overhead: 1.5x closure's time everywhere.
    ...series('good-tuned', (n) => 15 * n * n, closureCalls),
    // 1.2x closure's time, except a load burst at 80 that slowed every sample but the fastest.
    ...series('burst-tuned', (n) => 12 * n * n, closureCalls).map((cell) =>
      cell.n === 80 ? { ...cell, median_ns: 20 * 12 * 6400, ci_high_ns: 30 * 12 * 6400 } : cell,
    ),
    // Timed, but the instrumented pass could not count it.
    ...SIZES.map((n) => ({
      ...okCell('blind-default', n, 30 * n * n),
      counts_note: 'not counted: Circular invocation',
    })),
  ];
  const results = fixtureResults(cells, ['naive', 'map', 'closure', ...Object.keys(LIBRARIES)]);
  results.suites[0]!.libraries = LIBRARIES;
  return results;
}

const rows = new Map(auditRows(fixture()).map((row) => [row.variant, row]));
const row = (variant: string) => {
  const found = rows.get(variant);
  assert.ok(found, variant);
  return found;
};

describe('auditRows()', () => {
  it('has one row per library variant of the suite, in its order, and none for hand-written variants', () => {
    assert.deepEqual([...rows.keys()], Object.keys(LIBRARIES));
  });

  it('reports a wrong answer as such: first n, expected and returned, never timed, nothing else', () => {
    const wrong = row('first-default');
    assert.deepEqual(wrong.wrong, { n: 10, message: 'expected 10 (reference), got 11' });
    assert.equal(wrong.max_n, null);
    assert.deepEqual(wrong.relative, {});
    assert.equal(
      wrong.verdict,
      'wrong answers (first at n = 10: expected 10 (reference), got 11); never timed',
    );
    assert.deepEqual(
      wrong.statuses.map((r) => [r.status, r.n_first, r.n_last]),
      [
        ['wrong-answer', 10, 10],
        ['skipped (wrong-answer)', 20, 80],
      ],
    );
  });

  it("calls a variant with naive's call count one that does not memoize recursion, stopped by the budget", () => {
    const last = row('last-default');
    assert.deepEqual(last.calls, { n: 10, calls: naiveCalls, closure: 200, naive: naiveCalls });
    assert.match(
      last.verdict,
      /^does not memoize recursion \(calls = naive's: 184,755 at n = 10; closure 200\)/,
    );
    assert.match(last.verdict, /stopped by the budget before n = 20/);
    assert.match(last.verdict, /9,000x closure's time at n = 10/);
    assert.doesNotMatch(last.verdict, /slows|grows/, 'its growth is the unmemoized recursion, not the cache');
  });

  it('says where a variant went over the budget: a measured call, not a timed cell', () => {
    const overBudget: Cell = {
      suite: 'fixture',
      variant: 'slow-default',
      n: 20,
      runner: 'tinybench',
      cache_mode: 'cold',
      status: 'over-budget',
      verify_ms: 612,
      result: '20',
      message: 'one call took 612 ms, over the 500 ms budget',
    };
    const results = fixtureResults(
      [
        ...series('closure', (n) => 10 * n * n, closureCalls),
        counted(okCell('slow-default', 10, 9_000_000), naiveCalls),
        overBudget,
        ...SIZES.slice(2).map((n) => skippedCell('slow-default', n)),
      ],
      ['closure', 'slow-default'],
    );
    results.suites[0]!.libraries = { 'slow-default': library('default', 'slow') };
    const [slow] = auditRows(results);
    assert.deepEqual(slow?.stopped, { reason: 'over-budget', n: 20 });
    assert.equal(slow?.max_n, 10);
    assert.match(slow?.verdict ?? '', /stopped by the budget at n = 20/);
  });

  it('finds the variant that slows as the cache grows, with the threshold facts and the fitted models', () => {
    const scan = row('scan-tuned');
    assert.equal(scan.growth?.faster_growth, true);
    assert.equal(scan.growth?.closure_model, 'O(n^2)');
    assert.match(scan.growth?.model ?? '', /n\^3|\^n/);
    assert.match(
      scan.verdict,
      /^memoizes recursion \(calls = closure's: 200 at n = 10\); slows as the cache grows: 6\.50x closure's time at n = 10 \(its lowest\), 164x at n = 80 \(fastest samples 164x\); time fitted O\(.+\), closure's O\(n\^2\)$/,
    );
  });

  it('does not call one disturbed cell at the top of the ladder a slowdown: its fastest samples must agree', () => {
    const burst = row('burst-tuned');
    assert.ok((burst.growth?.ratio_last ?? 0) >= 10, 'the median alone passes');
    assert.equal(burst.growth?.faster_growth, false);
    assert.doesNotMatch(burst.verdict, /slows|grows/);
  });

  it('gives a variant with a constant overhead no growth verdict, only its time ratios', () => {
    const good = row('good-tuned');
    assert.equal(good.growth?.faster_growth, false);
    assert.deepEqual(good.relative.closure, { n: 80, ratio: 1.5 });
    assert.equal(good.relative.map?.n, 80);
    assert.ok(Math.abs((good.relative.map?.ratio ?? 0) - 15 / 8) < 1e-12);
    assert.equal(
      good.verdict,
      "memoizes recursion (calls = closure's: 200 at n = 10); 1.50x closure's time at n = 80",
    );
  });

  it('says when calls were not counted, and why, instead of guessing', () => {
    const blind = row('blind-default');
    assert.equal(blind.calls, null);
    assert.equal(blind.verdict, "calls not counted (Circular invocation); 3.00x closure's time at n = 80");
  });
});

describe('statusRuns()', () => {
  it('groups consecutive sizes with the same status, skip reasons apart', () => {
    const runs = statusRuns([
      okCell('v', 1, 1),
      okCell('v', 2, 1),
      failedCell('v', 3, 'stack-overflow'),
      skippedCell('v', 4, { skip_reason: 'stack-overflow' }),
      skippedCell('v', 5, { skip_reason: 'stack-overflow' }),
    ]);
    assert.deepEqual(
      runs.map((r) => `${r.status} ${r.n_first}-${r.n_last}`),
      ['ok 1-2', 'stack-overflow 3-3', 'skipped (stack-overflow) 4-5'],
    );
  });
});

describe('the audit in the reports', () => {
  const results = fixture();

  it('summary.md has the audit table; the suite section keeps to the hand-written variants', () => {
    const markdown = summaryDocument(results);
    assert.match(markdown, /## Audit of npm memoizers/);
    assert.match(markdown, /\| fixture \| last-default \| ok 10 · skipped \(budget\) 20–80 \| 10 \|/);
    const suiteSection = markdown.slice(markdown.indexOf('### fixture'));
    assert.doesNotMatch(suiteSection, /scan-tuned/);
    assert.deepEqual(withoutLibraries(results).suites[0]?.variants, ['naive', 'map', 'closure']);
  });

  it('has no audit section or chart when the run has no library variants', () => {
    const plain = withoutLibraries(results);
    assert.doesNotMatch(summaryDocument(plain), /Audit of npm memoizers/);
    assert.equal(chartSpecs(plain).has('audit'), false);
  });

  it('the audit chart compiles, marks the wrong answer and plots the others against closure', () => {
    const spec = auditSpec(auditRows(results));
    assert.ok(spec !== null);
    assert.deepEqual(compileSpec(spec).warnings, []);
    const values = (spec.data as { values: { variant: string; state: string; ratio?: number }[] }).values;
    assert.deepEqual(values.find((v) => v.variant === 'first-default')?.state, 'wrong answer');
    assert.equal(values.find((v) => v.variant === 'good-tuned')?.ratio, 1.5);
    assert.ok(chartSpecs(results).has('audit'));
    const time = JSON.stringify(chartSpecs(results).get('fixture.time'));
    assert.doesNotMatch(time, /scan-tuned/, 'per-suite charts show the hand-written variants');
  });
});

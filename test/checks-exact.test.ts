import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareRuns } from '../checks/compare.ts';
import { compareExact } from '../checks/exact.ts';
import { machineDifferences, nodeMajor } from '../checks/machine.ts';
import { comparisonMarkdown } from '../checks/markdown.ts';
import { compareRelative } from '../checks/relative.ts';
import { UsageError } from '../lib/errors.ts';
import type { Cell, OkCell, Results } from '../lib/types.ts';
import { fixtureResults, okCell } from './helpers.ts';

/** A ladder of cells with exact counts: calls grow like n (linear) or 2^n (exponential). */
function ladder(variant: string, calls: (n: number) => number, median: (n: number) => number): OkCell[] {
  return [4, 8, 12, 16].map((n) => ({
    ...okCell(variant, n, median(n)),
    result: String(n),
    calls: calls(n),
    cache_hits: 0,
    cache_misses: 0,
    cache_entries: n,
    max_depth: n,
  }));
}

function run(cells: Cell[], environment: Partial<Results['environment']> = {}): Results {
  const results = fixtureResults(cells);
  return { ...results, environment: { ...results.environment, ...environment } };
}

const linear = (n: number) => n + 1;
const base = () => [
  ...ladder('map', linear, (n) => 10 * n),
  ...ladder('dict', linear, (n) => 12 * n),
  ...ladder('bottom-up', linear, (n) => 5 * n),
];

describe('compareExact()', () => {
  it('finds nothing between equal runs', () => {
    assert.deepEqual(compareExact(run(base()), run(base())).differences, []);
  });

  it('names each differing field, missing cells on either side and a changed complexity class', () => {
    const changed = base().map((cell) =>
      cell.variant === 'map'
        ? { ...cell, calls: 2 ** cell.n, result: cell.n === 8 ? '9' : cell.result }
        : cell,
    );
    changed.push({ ...okCell('dict', 20, 240), calls: 21 });
    const { differences } = compareExact(
      run(base().filter((cell) => !(cell.variant === 'bottom-up' && cell.n === 4))),
      run(changed),
    );
    const text = differences.map((d) => `${d.variant}/${d.n ?? '-'}/${d.field}: ${d.a} -> ${d.b}`);
    assert.ok(text.includes('map/8/result: 8 -> 9'));
    assert.ok(text.includes('map/16/calls: 17 -> 65536'));
    assert.ok(text.includes('dict/20/presence: (missing) -> present'));
    assert.ok(text.includes('bottom-up/4/presence: (missing) -> present'));
    assert.ok(
      text.some((line) => /^map\/-\/complexity: O\(n\) -> O\(/.test(line)),
      text.join('\n'),
    );
  });
});

describe('machineDifferences()', () => {
  it('lists the fields that make times incomparable', () => {
    const a = run([]).environment;
    assert.deepEqual(machineDifferences(a, a), []);
    assert.deepEqual(machineDifferences(a, { ...a, cpu_model: 'other', node: 'v22.1.0', git_commit: 'x' }), [
      'cpu_model "test cpu" vs "other"',
      'node "v20.0.0" vs "v22.1.0"',
    ]);
    assert.equal(nodeMajor('v22.11.0'), 22);
  });
});

describe('compareRelative()', () => {
  it('sees a variant slowing down against its neighbours, whatever the machine speed', () => {
    const other = base().map((cell) => ({
      ...cell,
      median_ns: cell.median_ns * (cell.variant === 'map' ? 3 * 1.8 : 3),
    }));
    const relative = compareRelative(run(base()), run(other), 1.5);
    assert.equal(
      compareRelative(run(base()), run(other), 2).find((r) => r.variant === 'map')?.verdict,
      'unchanged',
    );
    const verdicts = Object.fromEntries(relative.map((r) => [r.variant, r.verdict]));
    assert.deepEqual(verdicts, { map: 'regressed', dict: 'unchanged', 'bottom-up': 'unchanged' });
    const map = relative.find((r) => r.variant === 'map');
    assert.ok(Math.abs((map?.factor ?? 0) - 1.8) < 1e-9);
    assert.deepEqual(map?.sizes, [4, 8, 12, 16]);
  });
});

describe('compareRuns()', () => {
  it('compares times across machines only as ratios, and says so', () => {
    const faster = base().map((cell) => ({ ...cell, median_ns: cell.median_ns / 2 }));
    const comparison = compareRuns(run(base()), run(faster, { cpu_model: 'another cpu' }), {
      a: 'a',
      b: 'b',
    });
    assert.equal(comparison.time.mode, 'relative');
    assert.equal(comparison.time.gating, true);
    assert.equal(comparison.failed, false);
    assert.match(comparison.time.reason, /different machines: cpu_model/);
    assert.match(
      comparisonMarkdown(comparison),
      /Times from different machines are not comparable, so no cell gets a time verdict/,
    );
  });

  it('gives no time verdict across Node major versions', () => {
    const slower = base().map((cell) => ({
      ...cell,
      median_ns: cell.median_ns * (cell.variant === 'map' ? 3 : 1),
    }));
    const comparison = compareRuns(run(base()), run(slower, { node: 'v22.0.0' }), { a: 'a', b: 'b' });
    assert.equal(comparison.time.gating, false);
    assert.equal(comparison.failed, false);
    assert.match(comparison.time.note, /information, not a verdict/);
  });

  it('refuses runs with different seeds as bad input', () => {
    const other = run(base());
    assert.throws(
      () =>
        compareRuns(run(base()), { ...other, options: { ...other.options, seed: 2 } }, { a: 'a', b: 'b' }),
      (error: unknown) => error instanceof UsageError && /differ in seed \(1 vs 2\)/.test(error.message),
    );
  });

  it('says that no time was compared when neither run has samples or process medians', () => {
    // A committed baseline keeps no samples; with 1 process per cell there is nothing to compare.
    const comparison = compareRuns(run(base()), run(base()), { a: 'a', b: 'b' });
    assert.equal(comparison.time.mode, 'same-machine');
    assert.deepEqual(
      [comparison.time.cells.length, comparison.time.gating, comparison.failed],
      [0, false, false],
    );
    const markdown = comparisonMarkdown(comparison);
    assert.match(markdown, /No time verdict: no cell has times to compare in both runs/);
    assert.match(markdown, /\*\*Verdict: OK\*\* — no exact difference \(times: no verdict, see below\)/);
  });

  it('marks single-process time results as indicative and does not fail on them', () => {
    const slower = base().map((cell) => ({
      ...cell,
      median_ns: cell.median_ns * 2,
      samples_ns: [cell.median_ns * 2],
    }));
    const withSamples = base().map((cell) => ({ ...cell, samples_ns: [cell.median_ns] }));
    const comparison = compareRuns(run(withSamples), run(slower), { a: 'a', b: 'b' });
    assert.equal(comparison.time.mode, 'same-machine');
    assert.ok(comparison.time.cells.every((cell) => cell.method === 'samples'));
    assert.equal(comparison.failed, false);
    const markdown = comparisonMarkdown(comparison);
    assert.match(markdown, /Indicative only \(1 process in a run\)/);
    assert.match(markdown, /Run B as a whole is \+100\.0 %/);
  });
});

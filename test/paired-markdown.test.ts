import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pairedMarkdown, priorText, verdictText } from '../checks/paired-markdown.ts';
import { TIER2_DEFAULTS } from '../checks/sequential.ts';
import type { PairedCell, PairedReport } from '../checks/types.ts';

function cell(variant: string, ratio: number, extra: Partial<PairedCell> = {}): PairedCell {
  return {
    suite: 'fibonacci',
    variant,
    runner: 'tinybench',
    n: 20,
    rounds: 6,
    base_ns: 1000,
    head_ns: 1000 * ratio,
    ratio,
    ci_low: ratio * 0.95,
    ci_high: ratio * 1.05,
    t: 3,
    df: 4,
    outlier: false,
    verdict: 'no-change',
    basis: 'equivalent',
    look: 1,
    blocking: false,
    ...extra,
  };
}

function report(cells: PairedCell[], extra: Partial<PairedReport> = {}): PairedReport {
  return {
    base: 'origin/main (1a2b3c4d5e)',
    head: 'this checkout',
    settings: TIER2_DEFAULTS,
    rounds: 8,
    pinning: 'pinned to CPU 1 (of 0, 1) with taskset: both sides, every round',
    prior: { sd_pct: 2.345, df: 12.3, cells: 40 },
    cells,
    exact: { compared: cells.length, differences: [] },
    failed: cells.some((c) => c.blocking),
    ...extra,
  };
}

const rows = (markdown: string) => markdown.split('\n').filter((line) => line.startsWith('| fibonacci'));

describe('verdictText()', () => {
  it('names each verdict, undecided as not a pass', () => {
    assert.equal(
      verdictText(cell('a', 2, { verdict: 'regressed', blocking: true }), 5),
      'regressed (blocking)',
    );
    assert.equal(verdictText(cell('a', 1.1, { verdict: 'regressed' }), 5), 'regressed');
    assert.equal(verdictText(cell('a', 0.8, { verdict: 'improved' }), 5), 'improved');
    assert.equal(
      verdictText(cell('a', 1, { verdict: 'undecided', basis: 'cap' }), 5),
      'undecided (not a pass)',
    );
    assert.equal(verdictText(cell('a', 1), 5), 'no change');
    assert.equal(
      verdictText(cell('a', 1.02, { basis: 'significant' }), 3),
      'no change (significant, within ±3 %)',
    );
  });
});

describe('priorText()', () => {
  it('gives the prior, or says why there is none, never NaN', () => {
    assert.equal(
      priorText(report([])),
      "Typical spread of one round's change: 2.3 % (standard deviation, fitted over 40 cells); it counts as 12.3 degrees of freedom in each cell's test.",
    );
    const none = priorText(report([], { prior: { sd_pct: null, df: 0, cells: 1 } }));
    assert.match(none, /not estimated \(1 cell with a spread of their own; a prior needs 10\)/);
    assert.doesNotMatch(none, /NaN/);
  });
});

describe('pairedMarkdown()', () => {
  const cells = [
    cell('same', 1.01),
    cell('noisy', 1.04, { verdict: 'undecided', basis: 'cap', rounds: 12 }),
    cell('faster', 0.7, { verdict: 'improved', basis: 'significant' }),
    cell('slower', 1.12, { verdict: 'regressed', basis: 'significant' }),
    cell('closure', 2.1, { verdict: 'regressed', basis: 'significant', blocking: true }),
    cell('lost', Number.NaN, {
      verdict: 'undecided',
      basis: 'cap',
      base_ns: Number.NaN,
      head_ns: Number.NaN,
      ci_low: Number.NaN,
      ci_high: Number.NaN,
      rounds: 2,
    }),
  ];

  it('lists blocking, regressed, undecided, improved, then unchanged cells, with base, head, change and interval', () => {
    const markdown = pairedMarkdown(report(cells), 'tier 2');
    assert.match(markdown, /^# tier 2\n/);
    assert.deepEqual(rows(markdown), [
      '| fibonacci / closure | 20 | 1.00 µs | 2.10 µs | +110.0 % | +99.5 % to +120.5 % | 6 | **regressed (blocking)** |',
      '| fibonacci / slower | 20 | 1.00 µs | 1.12 µs | +12.0 % | +6.4 % to +17.6 % | 6 | **regressed** |',
      '| fibonacci / noisy | 20 | 1.00 µs | 1.04 µs | +4.0 % | -1.2 % to +9.2 % | 12 | undecided (not a pass) |',
      '| fibonacci / lost | 20 | – | – | – | not tested | 2 | undecided (not a pass) |',
      '| fibonacci / faster | 20 | 1.00 µs | 700 ns | -30.0 % | -33.5 % to -26.5 % | 6 | improved |',
      '| fibonacci / same | 20 | 1.00 µs | 1.01 µs | +1.0 % | -4.1 % to +6.0 % | 6 | no change |',
    ]);
    assert.match(
      markdown,
      /\*\*Verdict: BLOCKED\*\* — 1 regression whose interval lies above \+25 % \(2 regressed, 1 improved, 1 no change, 2 undecided\)\. \(exit code 1\)/,
    );
    assert.match(markdown, /a look after rounds 6, 8, 10, 12/);
    assert.match(markdown, /\*\*Rounds\*\*: 8 per side \(at most 12\)/);
    assert.match(markdown, /\*\*CPU\*\*: pinned to CPU 1/);
    assert.match(markdown, /O'Brien-Fleming alpha spending over the looks\), Holm-corrected over 6 cells/);
    assert.match(markdown, /All 6 cells agree on answers and operation counts\./);
  });

  it('is advisory when nothing blocks, and says so about undecided cells', () => {
    const markdown = pairedMarkdown(report(cells.filter((c) => !c.blocking)), 'tier 2');
    assert.match(
      markdown,
      /\*\*Verdict: advisory\*\* — 1 regressed, 1 improved, 1 no change, 2 undecided; nothing blocks .* Undecided cells are not a pass\. \(exit code 0\)/,
    );
    const pocock = pairedMarkdown(
      report(cells, { settings: { ...TIER2_DEFAULTS, spending: 'pocock' } }),
      'tier 2',
    );
    assert.match(pocock, /over the looks, here Pocock\)/);
  });

  it('lists exact differences, at most 20, the rest counted', () => {
    const differences = Array.from({ length: 23 }, (_, i) => ({
      suite: 'fibonacci',
      variant: 'map',
      runner: 'tinybench',
      n: i,
      field: 'calls' as const,
      a: '1',
      b: '2',
    }));
    const markdown = pairedMarkdown(report(cells, { exact: { compared: 23, differences } }), 'tier 2');
    assert.match(markdown, /\*\*23 differences\*\* in answers or operation counts/);
    assert.equal(markdown.split('\n').filter((line) => line.startsWith('| fibonacci / map |')).length, 20);
    assert.match(markdown, /\(3 more in the JSON output\)/);
  });
});

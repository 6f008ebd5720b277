import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Results } from '../lib/types.ts';
import { seedClaims } from '../reports/claims.ts';
import { claimsSection, memoryVerdict, seedSummary, speedVerdict } from '../reports/claims-text.ts';
import { htmlWriter, markdownWriter } from '../reports/section.ts';
import { fixtureResults, okCell } from './helpers.ts';

const withMemory = (variant: string, n: number, median: number, retained: number, depth: number) => ({
  ...okCell(variant, n, median),
  retained_bytes: retained,
  allocated_bytes: retained * 2,
  max_depth: depth,
});

/** naive, dict and bottom-up; with `seed`, the seed's code at the medians given per n. */
function run(seed: Record<number, number> = {}): Results {
  const results = fixtureResults(
    [
      withMemory('naive', 5, 100, 100, 5),
      withMemory('naive', 10, 1000, 100, 10),
      withMemory('naive', 20, 100_000, 100, 20),
      withMemory('dict', 5, 300, 400, 5),
      withMemory('dict', 10, 500, 900, 10),
      withMemory('dict', 20, 900, 1900, 20),
      withMemory('bottom-up', 20, 50, 150, 0),
      ...Object.entries(seed).map(([n, median]) => withMemory('seed', Number(n), median, 100, Number(n))),
    ],
    ['naive', 'dict', ...(Object.keys(seed).length > 0 ? ['seed'] : []), 'bottom-up'],
  );
  return results;
}

const markdown = (results: Results) => claimsSection(seedClaims(results), markdownWriter).join('\n\n');

describe('the verdicts', () => {
  it('derive each verdict from its table only, naming the variant checked in each suite', () => {
    const claims = seedClaims(run());
    assert.match(
      speedVerdict(claims.speed),
      /^holds in 1 of 1 suites from the n shown; at the smallest size measured, memoization was slower than naive in 1: fixture \(dict\)/,
    );
    const memory = memoryVerdict(claims.memory);
    assert.match(
      memory,
      /^memoization retained more than naive in 0, less in 0, and within the noise of a reading \(64 kB\) in 1 of 1 suites/,
    );
    assert.match(memory, /allocated more per call beyond that noise in 0/);
    assert.match(memory, /recursed as deep as naive in 1: no suite shows memoization saving memory/);
  });
});

describe('claimsSection()', () => {
  it('uses dict with a note when the run has no seed variant, and says nothing of seed against dict', () => {
    const text = markdown(run());
    assert.match(
      text,
      /No seed variant in fixture \(only Fibonacci has the seed text’s code.*\): dict, a plain-object cache, stands for the seed’s dictionary there\./,
    );
    assert.match(text, /\| fixture \| dict \| 10 \| 20 \| 111x \| 90\.9x to 136x \|/);
    assert.match(text, /\| fixture \| 20 \| dict \| 1\.90 kB \| 3\.80 kB \| 20 \|/);
    assert.doesNotMatch(text, /Python/);
  });

  it('uses seed where the run has it, and compares it with dict at every n both were timed', () => {
    const text = markdown(run({ 5: 330, 10: 600, 20: 1_800 }));
    assert.doesNotMatch(text, /No seed variant/);
    assert.match(text, /Memoization is the seed text’s own code where a suite has it: seed/);
    assert.match(text, /\| fixture \| seed \| 10 \| 20 \| 55\.6x \|/);
    assert.match(text, /\| fixture \| 20 \| seed \| 100 B \| 200 B \| 20 \|/);
    assert.match(text, /\*\*seed against dict at every n both were timed\*\*/);
    // Ratios seed / dict with the interval of the two CIs (±10% each): 2x (1.64x to 2.44x) at n = 20.
    assert.match(text, /\| fixture \| 20 \| 1\.80 µs \| 900 ns \| 2\.00x \(1\.64x to 2\.44x\) \|/);
    assert.match(
      text,
      /Python evaluates the default memo=\{\} once, when def runs: one dictionary shared by every call/,
    );
    assert.match(text, /what --cache sequence measures for dict/);
    assert.match(text, /each top-level call of seed starts with a new, empty dictionary/);
    assert.match(
      text,
      /In this run \(--cache cold\) every timed call of either starts with an empty dictionary/,
    );
  });

  it('says what the run’s cache mode shows', () => {
    const sequence = run({ 5: 330 });
    sequence.options = { ...sequence.options, cache_mode: 'sequence' };
    assert.match(
      markdown(sequence),
      /In this run \(--cache sequence\) dict keeps one dictionary across f\(1\), \.\.\., f\(n\)/,
    );
  });

  it('writes the same tables and sentences to HTML, escaped', () => {
    const html = claimsSection(seedClaims(run({ 5: 330, 10: 600 })), htmlWriter).join('\n');
    assert.match(html, /^<h2>The seed text’s claims, checked<\/h2>/);
    assert.match(html, /<caption>seed against dict at every n both were timed<\/caption>/);
    assert.match(html, /memo=\{\}/);
    assert.match(html, /<td class="num" data-sort="1\.1">1\.10x \(0\.900x to 1\.34x\)<\/td>/);
  });

  it('is empty when the run checks no claim', () => {
    const none = fixtureResults([okCell('map', 5, 1)], ['map']);
    assert.deepEqual(claimsSection(seedClaims(none), markdownWriter), []);
  });
});

describe('seedSummary()', () => {
  it('gives the range of the ratios and where the intervals separate', () => {
    const claims = seedClaims(run({ 5: 330, 10: 600, 20: 1_800 }));
    assert.equal(
      seedSummary(claims.seed_vs_dict),
      'seed / dict time: from 1.10x (fixture, n = 5) to 2.00x (fixture, n = 20) over the 3 sizes both were timed; seed slower with separated intervals at 1, faster at 0, within the intervals at 2.',
    );
  });
});

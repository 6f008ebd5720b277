import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { claimVariant, seedClaims } from '../reports/claims.ts';
import { fixtureResults, okCell } from './helpers.ts';

const withMemory = (variant: string, n: number, median: number, retained: number, depth: number) => ({
  ...okCell(variant, n, median),
  retained_bytes: retained,
  allocated_bytes: retained * 2,
  max_depth: depth,
});

/** A run without a seed variant, as every suite but Fibonacci (and results files from before seed). */
const results = fixtureResults(
  [
    withMemory('naive', 5, 100, 100, 5),
    withMemory('naive', 10, 1000, 100, 10),
    withMemory('naive', 20, 100_000, 100, 20),
    withMemory('dict', 5, 300, 400, 5),
    withMemory('dict', 10, 500, 900, 10),
    withMemory('dict', 20, 900, 1900, 20),
    withMemory('bottom-up', 20, 50, 150, 0),
  ],
  ['naive', 'dict', 'bottom-up'],
);

/** The same run with the seed's own code: a little slower than dict, and retaining nothing after a call. */
function withSeed(medians: Record<number, number>) {
  const run = structuredClone(results);
  run.suites[0]!.variants = ['naive', 'dict', 'seed', 'bottom-up'];
  for (const [n, median] of Object.entries(medians)) {
    run.cells.push(withMemory('seed', Number(n), median, 100, Number(n)));
  }
  return run;
}

describe('seedClaims()', () => {
  it('finds from which n dict is faster than naive and by how much at the largest common n', () => {
    const [speed] = seedClaims(results).speed;
    assert.equal(speed?.variant, 'dict');
    assert.equal(speed?.faster_from_n, 10);
    assert.equal(speed?.at_n, 20);
    assert.equal(speed?.speedup, 100_000 / 900);
    // Intervals are ±10% in the fixture: low = 90,000 / 990, high = 110,000 / 810.
    assert.ok(Math.abs((speed?.speedup_low ?? 0) - 90_000 / 990) < 1e-9);
    assert.equal(speed?.slower_at_small_n, true, 'at n = 5 dict (300 ns) is slower than naive (100 ns)');
  });

  it('compares memory of naive, dict and bottom-up at the largest n they share', () => {
    const [memory] = seedClaims(results).memory;
    assert.equal(memory?.n, 20);
    assert.deepEqual(
      memory?.points.map((point) => [point.variant, point.retained_bytes, point.max_depth]),
      [
        ['naive', 100, 20],
        ['dict', 1900, 20],
        ['bottom-up', 150, 0],
      ],
    );
  });

  it('says dict stands in where the run has no seed variant', () => {
    const claims = seedClaims(results);
    assert.deepEqual(claims.stand_in, ['fixture']);
    assert.deepEqual(claims.seed_vs_dict, []);
  });

  it('checks the claims with seed where the run has it, dict beside it in the memory table', () => {
    const run = withSeed({ 5: 90, 10: 600, 20: 1100 });
    assert.equal(claimVariant(run, 'fixture'), 'seed');
    const claims = seedClaims(run);
    assert.deepEqual(claims.stand_in, []);
    const [speed] = claims.speed;
    assert.equal(speed?.variant, 'seed');
    assert.equal(speed?.speedup, 100_000 / 1100);
    assert.equal(speed?.slower_at_small_n, false, 'seed at 90 ns is not separably slower than naive at 100');
    assert.deepEqual(
      claims.memory[0]?.points.map((point) => point.variant),
      ['naive', 'seed', 'dict', 'bottom-up'],
    );
  });

  it('compares seed with dict at every n both were timed: ratio of medians and the interval of the CIs', () => {
    const run = withSeed({ 5: 330, 10: 600 });
    const [first, second, ...rest] = seedClaims(run).seed_vs_dict;
    assert.deepEqual(rest, [], 'n = 20 has no seed cell');
    assert.equal(first?.n, 5);
    assert.equal(first?.ratio, 330 / 300);
    assert.equal(second?.n, 10);
    assert.equal(second?.ratio, 600 / 500);
    // seed CI low / dict CI high and seed CI high / dict CI low (both ±10%).
    assert.ok(Math.abs((second?.ratio_low ?? 0) - 540 / 550) < 1e-12);
    assert.ok(Math.abs((second?.ratio_high ?? 0) - 660 / 450) < 1e-12);
  });

  it('takes the cache mode from the run, which decides what seed against dict shows', () => {
    const run = withSeed({ 5: 330 });
    run.options = { ...run.options, cache_mode: 'sequence' };
    assert.equal(seedClaims(run).cache_mode, 'sequence');
  });
});

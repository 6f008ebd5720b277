import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { claimsMarkdown, seedClaims } from '../reports/claims.ts';
import { fixtureResults, okCell } from './helpers.ts';

const withMemory = (variant: string, n: number, median: number, retained: number, depth: number) => ({
  ...okCell(variant, n, median),
  retained_bytes: retained,
  allocated_bytes: retained * 2,
  max_depth: depth,
});

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

describe('seedClaims()', () => {
  it('finds from which n dict is faster than naive and by how much at the largest common n', () => {
    const [speed] = seedClaims(results).speed;
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

  it('derives each verdict from the tables only', () => {
    const text = claimsMarkdown(seedClaims(results));
    assert.match(
      text,
      /Verdict: holds in 1 of 1 suites from the n shown; at the smallest size measured, dict was slower than naive in 1 \(fixture\)/,
    );
    assert.match(
      text,
      /dict retained more than naive in 0, less in 0, and within the noise of a reading \(64 kB\) in 1 of 1 suites/,
    );
    assert.match(text, /recursed as deep as naive in 1: no suite shows memoization saving memory/);
    assert.match(text, /\| fixture \| 20 \| dict \| 1\.90 kB \| 3\.80 kB \| 20 \|/);
  });
});

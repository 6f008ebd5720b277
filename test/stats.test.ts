import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { medianInterval, quantile, summarize, tCritical95, thin } from '../lib/stats.ts';

describe('quantile()', () => {
  it('interpolates linearly between order statistics', () => {
    assert.equal(quantile([1, 2, 3, 4], 0.5), 2.5);
    assert.equal(quantile([10, 20, 30, 40, 50], 0.75), 40);
    assert.equal(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.99), 10.9);
  });
});

describe('tCritical95()', () => {
  it('returns the tabled value for small df and approaches 1.96', () => {
    assert.equal(tCritical95(1), 12.706);
    assert.equal(tCritical95(10), 2.228);
    assert.ok(Math.abs(tCritical95(60) - 2.0003) < 0.001);
    assert.ok(Math.abs(tCritical95(1000) - 1.9623) < 0.001);
  });
});

describe('medianInterval()', () => {
  it('returns the order statistics n/2 ± 1.96·√n/2 around the median', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    // n = 100: ranks floor(50 - 9.8) = 40 and ceil(50 + 9.8 + 1) = 61.
    assert.deepEqual(medianInterval(sorted), [40, 61]);
  });

  it('falls back to the full range below 6 samples', () => {
    assert.deepEqual(medianInterval([3, 5, 9]), [3, 9]);
  });

  it('covers the true median about 95% of the time (seeded simulation)', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    let covered = 0;
    for (let trial = 0; trial < 2000; trial++) {
      const sample = Array.from({ length: 40 }, random).sort((a, b) => a - b);
      const [low, high] = medianInterval(sample);
      if (low <= 0.5 && 0.5 <= high) covered++;
    }
    assert.ok(covered / 2000 > 0.93, `coverage ${covered / 2000}`);
  });
});

describe('summarize()', () => {
  it('computes location, spread and error of per-call samples', () => {
    const stats = summarize([4, 1, 3, 2, 5], 7);
    assert.equal(stats.median_ns, 3);
    assert.equal(stats.mean_ns, 3);
    assert.equal(stats.min_ns, 1);
    assert.equal(stats.max_ns, 5);
    assert.equal(stats.p75_ns, 4);
    assert.equal(stats.mad_ns, 1);
    assert.ok(Math.abs(stats.sd_ns - Math.sqrt(2.5)) < 1e-12);
    // rme = 100 · t(4) · sd/√n / mean
    assert.ok(Math.abs(stats.rme_pct - (100 * 2.776 * (Math.sqrt(2.5) / Math.sqrt(5))) / 3) < 1e-9);
    assert.equal(stats.samples, 5);
    assert.equal(stats.batch, 7);
  });
});

describe('thin()', () => {
  it('keeps at most the limit, evenly spaced and in time order', () => {
    const kept = thin(
      Array.from({ length: 10 }, (_, i) => i),
      4,
    );
    assert.deepEqual(kept, [0, 2, 5, 7]);
    assert.deepEqual(thin([1, 2], 4), [1, 2]);
  });
});

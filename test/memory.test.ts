import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';

/**
 * Calibration against objects whose size is known. The measurement needs --expose-gc and a quiet
 * heap, so it runs in a child process of its own.
 */
const script = `
import { measureMemory } from './runners/memory.ts';
import fibonacci from './suites/fibonacci.ts';
import { plainTools } from './lib/tools.ts';
const f64 = measureMemory(() => new Float64Array(1_000_000));
const map = measureMemory(() => { const m = new Map(); for (let i = 0; i < 100_000; i++) m.set(i, i); return m; });
const naive = measureMemory(() => { const fib = fibonacci.variants.naive(plainTools); return [fib, fib(20)]; }, undefined, 5);
const cached = measureMemory(() => { const fib = fibonacci.variants.map(plainTools); return [fib, fib(5000)]; }, undefined, 5);
const bottomUp = measureMemory(() => { const fib = fibonacci.variants['bottom-up'](plainTools); return [fib, fib(100_000)]; });
console.log(JSON.stringify({ f64, map, naive, cached, bottomUp }));
`;

describe('measureMemory() calibration', () => {
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script],
    {
      encoding: 'utf8',
    },
  );
  const figures = run.status === 0 ? JSON.parse(run.stdout) : undefined;

  it('runs', () => assert.equal(run.status, 0, run.stderr));

  it('a retained Float64Array of 10^6 elements measures 8,000,000 bytes within 2%', () => {
    assert.ok(Math.abs(figures.f64.retained_bytes - 8_000_000) < 160_000, String(figures.f64.retained_bytes));
    assert.ok(
      Math.abs(figures.f64.allocated_bytes - 8_000_000) < 160_000,
      String(figures.f64.allocated_bytes),
    );
  });

  it('a Map of 10^5 small integers lands where V8’s OrderedHashMap layout puts it', () => {
    // Capacity 131,072 (next power of two): 65,536 buckets + 3 slots per entry, 8 bytes each = 3,670,016 bytes.
    assert.ok(
      figures.map.retained_bytes > 3_600_000 && figures.map.retained_bytes < 3_750_000,
      String(figures.map.retained_bytes),
    );
  });

  it('naive recursion retains about nothing next to a cache, and bottom-up frees its table but allocated it', () => {
    // V8's own bookkeeping (code, feedback) moves the heap by up to a few tens of kB between
    // readings: "about nothing" is measured against a 5,000-entry Map cache of the same problem (about 230 kB).
    assert.ok(figures.naive.retained_bytes < 64 * 1024, String(figures.naive.retained_bytes));
    assert.ok(figures.cached.retained_bytes > 2 * 64 * 1024, String(figures.cached.retained_bytes));
    assert.ok(figures.bottomUp.retained_bytes < 64 * 1024, String(figures.bottomUp.retained_bytes));
    // An Int32Array of 100,001 cells.
    assert.ok(
      Math.abs(figures.bottomUp.allocated_bytes - 400_004) < 20_000,
      String(figures.bottomUp.allocated_bytes),
    );
  });
});

describe('measureMemory() without --expose-gc', () => {
  it('says why there are no figures instead of inventing them', async () => {
    const { measureMemory } = await import('../runners/memory.ts');
    const hasGc = typeof (globalThis as { gc?: unknown }).gc === 'function';
    if (hasGc) return;
    const figures = measureMemory(() => ({}));
    assert.deepEqual(figures, {
      retained_bytes: null,
      allocated_bytes: null,
      memory_note: 'not measured: node runs without --expose-gc',
    });
  });
});

describe('memoryOfOperation()', () => {
  it('leaves a missing figure out (never null) and says why, also when the memory pass overflows the stack', () => {
    const script = `
import { memoryOfOperation } from './runners/memory.ts';
const deep = (k) => (k === 0 ? 0 : 1 + deep(k - 1));
const overflow = memoryOfOperation({ retain: () => deep(1e8), timed: () => 0 }, 1, 1);
const measured = memoryOfOperation({ retain: () => new Float64Array(1000), timed: () => new Float64Array(1000) }, 1, 1000);
console.log(JSON.stringify({ overflow, measured }));
`;
    const run = spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script],
      {
        encoding: 'utf8',
      },
    );
    assert.equal(run.status, 0, run.stderr);
    const { overflow, measured } = JSON.parse(run.stdout);
    assert.deepEqual(overflow, { memory_note: 'not measured: the memory pass overflowed the stack' });
    assert.equal(typeof measured.retained_bytes, 'number');
    assert.ok(!Object.values(measured).includes(null));
  });
});

describe('retainedCopies()', () => {
  it('holds enough instances to total about 32 MiB, within 1,000 instances and 100 ms', async () => {
    const { retainedCopies } = await import('../runners/memory.ts');
    assert.equal(retainedCopies(undefined, 0.01), 1, 'no allocation figure: one instance');
    assert.equal(retainedCopies(1024, 0.01), 1000, 'small and fast: the cap');
    assert.equal(retainedCopies(4_000_000, 0.01), 9, '32 MiB / 4 MB, rounded up');
    assert.equal(retainedCopies(1024, 50), 2, 'a 50 ms instance: two fit in 100 ms');
    assert.equal(retainedCopies(100_000_000, 500), 1, 'never fewer than one');
  });
});

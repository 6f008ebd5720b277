import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { measureWithBenny } from '../runners/benny.ts';
import { tempDir } from './helpers.ts';

/** Short sampling so the whole file stays within a few seconds. */
const QUICK = { time_ms: 10, warmup_ms: 2, min_samples: 5 };

/** Spins until `ms` have passed: a call whose duration does not depend on the JIT. */
function busyWait(ms: number): void {
  const start = performance.now();
  while (performance.now() - start < ms) {
    // spin
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

describe('measureWithBenny()', () => {
  it('returns at least min_samples positive sample times', async () => {
    let sink = 0;
    const samples = await measureWithBenny(
      () => {
        for (let i = 0; i < 100; i++) sink += i;
      },
      10,
      QUICK,
    );
    assert.ok(sink > 0);
    assert.ok(samples.length >= QUICK.min_samples, `${samples.length} samples`);
    for (const ms of samples) assert.ok(Number.isFinite(ms) && ms > 0, `sample ${ms}`);
  });

  it('returns ms per batch, not per call or per benchmark.js cycle', async () => {
    const single = await measureWithBenny(() => busyWait(0.2), 1, QUICK);
    const triple = await measureWithBenny(() => busyWait(0.2), 3, QUICK);
    // Each call lasts at least 0.2 ms, so a batch of 3 at least 0.6 ms; generous upper bounds only
    // catch unit errors (s instead of ms, or a whole cycle of batches).
    assert.ok(median(single) >= 0.19 && median(single) < 20, `batch 1: median ${median(single)} ms`);
    assert.ok(median(triple) > 0.5 && median(triple) < 60, `batch 3: median ${median(triple)} ms`);
    assert.ok(median(triple) > median(single), 'a larger batch takes longer');
  });

  it('takes exactly min_samples samples when time_ms is 0', async () => {
    const samples = await measureWithBenny(() => busyWait(0.05), 1, { ...QUICK, time_ms: 0, warmup_ms: 0 });
    assert.equal(samples.length, QUICK.min_samples);
  });

  it('rejects with the very error object the call throws', async () => {
    const boom = new Error('boom');
    await assert.rejects(
      measureWithBenny(
        () => {
          throw boom;
        },
        2,
        QUICK,
      ),
      (error) => error === boom,
    );
  });

  it('rejects with the error thrown in a later call, in a timed cycle', async () => {
    const late = new TypeError('late');
    let calls = 0;
    await assert.rejects(
      measureWithBenny(
        () => {
          if (++calls > 200) throw late;
        },
        1,
        { ...QUICK, warmup_ms: 0 },
      ),
      (error) => error === late,
    );
  });

  it('rejects with the error thrown in benchmark.js pretest (second run of the batch)', async () => {
    const early = new TypeError('early');
    let calls = 0;
    await assert.rejects(
      measureWithBenny(
        () => {
          if (++calls === 2) throw early;
        },
        1,
        { ...QUICK, warmup_ms: 0 },
      ),
      (error) => error === early,
    );
  });

  it('rejects with a RangeError on a real stack overflow', async () => {
    const depth = (n: number): number => (n === 0 ? 0 : 1 + depth(n - 1));
    await assert.rejects(
      measureWithBenny(
        () => {
          depth(1e8);
        },
        1,
        QUICK,
      ),
      RangeError,
    );
  });

  it('prints nothing to stdout and writes no file', async () => {
    // A child process, so its real stdout is checked without patching this process's streams; after a
    // separator it runs a bare benny suite, which does print, to show the capture works.
    const cwd = await tempDir('memobench-benny-');
    try {
      const script = `
        const { measureWithBenny } = await import(${JSON.stringify(import.meta.resolve('../runners/benny.ts'))});
        const { add, suite } = await import(${JSON.stringify(import.meta.resolve('benny'))});
        await measureWithBenny(() => {}, 10, { time_ms: 5, warmup_ms: 1, min_samples: 3 });
        await measureWithBenny(() => {}, 10, { time_ms: 0, warmup_ms: 0, min_samples: 3 });
        await measureWithBenny(() => { throw new Error('x'); }, 1, { time_ms: 5, warmup_ms: 0, min_samples: 3 }).catch(() => {});
        process.stdout.write('---\\n');
        await suite('control', add('noop', () => {}, { minSamples: 1, maxTime: 0, minTime: 0.001 }));
      `;
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', import.meta.resolve('tsx'), '--input-type=module', '-e', script],
        { cwd },
      );
      const [during, control] = stdout.split('---\n');
      assert.equal(during, '');
      assert.match(control ?? '', /Running "control" suite/);
      assert.deepEqual(await readdir(cwd), []);
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });
});

import assert from 'node:assert/strict';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadProblemFile, loadSuites } from '../lib/registry.ts';
import type { Suite } from '../lib/types.ts';
import { openCapacityCache } from '../runners/capacity-cache.ts';
import { capacityStep } from '../runners/capacity-step.ts';
import { tempDir } from './helpers.ts';

const DEFINE_PROBLEM = fileURLToPath(new URL('../lib/define-problem.ts', import.meta.url));
const FAULTY = fileURLToPath(new URL('./fixtures/problems/faulty.ts', import.meta.url));

/** A one-dimensional problem whose cache needs `keep` entries: each state asks for the `keep` below it. */
function problemSource(id: string, keep: number): string {
  return `import { defineProblem } from '${DEFINE_PROBLEM}';
export default defineProblem({
  id: '${id}',
  title: 'Sum of the ${keep} values below',
  input: (n) => n,
  start: (n) => [n],
  recurrence: (_n, self, k): number => {
    let sum = 1;
    for (let d = ${keep}; d >= 1; d--) if (k - d >= 0) sum = (sum + self(k - d)) % 1_000_007;
    return sum;
  },
  sizes: [10, 20, 40],
});
`;
}

describe('capacityStep()', () => {
  let dir = '';
  let fibonacci: Suite;
  before(async () => {
    dir = await tempDir('memobench-capacity-step-');
    [fibonacci] = (await loadSuites()).filter((suite) => suite.id === 'fibonacci') as [Suite];
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('computes each suite’s curve at its ladder within the limits, then reads it from the cache', async () => {
    const cache = openCapacityCache(join(dir, 'fibonacci'));
    const options = { seed: 1, profile: 'quick' as const, cache, max_calls: 1_000 };
    const first = await capacityStep([fibonacci], options);
    assert.deepEqual(first.cached, []);
    const [curve] = first.curves;
    // Fibonacci: 3 entries at every n; n = 1,000 makes 1,999 calls, over the limit of 1,000.
    assert.deepEqual(
      curve?.sizes.map((size) => [size.n, size.smallest_sufficient]),
      [
        [5, 0],
        [10, 3],
        [15, 3],
        [20, 3],
        [25, 3],
        [30, 3],
        [100, 3],
      ],
    );
    assert.equal(curve?.stopped_by, 'call-limit');
    assert.match(first.text, /^1 suite \(0 from the cache\) in \d+\.\d s$/);
    const second = await capacityStep([fibonacci], options);
    assert.deepEqual(second.cached, ['fibonacci']);
    assert.deepEqual(second.curves, first.curves);
    assert.match(second.text, /^1 suite \(1 from the cache\)/);
    // Other parameters are another entry.
    assert.deepEqual((await capacityStep([fibonacci], { ...options, max_calls: 500 })).cached, []);
  });

  it('computes a curve again when the suite file changes', async () => {
    const cache = openCapacityCache(join(dir, 'changed'));
    const file = join(dir, 'window.ts');
    await writeFile(file, problemSource('window', 3));
    const before = await loadProblemFile(file);
    const options = { seed: 1, profile: 'default' as const, cache };
    const first = await capacityStep([before], options);
    assert.deepEqual(first.cached, []);
    assert.deepEqual((await capacityStep([before], options)).cached, ['window']);
    // The file now asks for 5 values below: a new key, so the curve is computed again.
    await writeFile(file, problemSource('window', 5));
    const changed = join(dir, 'window-5.ts');
    await writeFile(changed, problemSource('window', 5));
    const after = { ...(await loadProblemFile(changed)), path: file };
    const second = await capacityStep([after], options);
    assert.deepEqual(second.cached, []);
    const smallest = (curves: typeof first.curves) =>
      curves[0]?.sizes.map((size) => size.smallest_sufficient);
    assert.notDeepEqual(smallest(second.curves), smallest(first.curves));
    assert.deepEqual((await capacityStep([after], options)).cached, ['window']);
  });

  it('keeps neither a curve cut short by the time limit nor one stopped by a failing recursion', async () => {
    const cacheDir = join(dir, 'uncached');
    const cache = openCapacityCache(cacheDir);
    let time = 0;
    // A clock that moves a second per reading, against a limit of 1.5 s: one size, then it stops.
    const timed = await capacityStep([fibonacci], {
      seed: 1,
      profile: 'quick',
      cache,
      time_limit_ms: 1_500,
      now: () => (time += 1_000),
    });
    assert.equal(timed.curves[0]?.stopped_by, 'time-limit');
    assert.deepEqual(
      timed.curves[0]?.sizes.map((size) => size.n),
      [5],
    );
    const faulty = await loadProblemFile(FAULTY);
    const failed = await capacityStep([faulty], { seed: 1, profile: 'quick', cache });
    const [curve] = failed.curves;
    assert.equal(curve?.stopped_by, 'error');
    assert.deepEqual(
      curve?.sizes.map((size) => size.n),
      [2, 4],
    );
    assert.match(
      curve?.note ?? '',
      /^at n = 8: problem 'faulty': field 'recurrence' threw at self\(7\): seven is not allowed/,
    );
    assert.deepEqual(await readdir(cacheDir).catch(() => []), []);
  });
});

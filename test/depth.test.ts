import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import hofstadterG from '../examples/hofstadter-g.ts';
import { defineProblem } from '../lib/define-problem.ts';
import { findStackReach } from '../runners/depth.ts';

describe('findStackReach()', () => {
  it('finds adjacent sizes that fit and overflow, with their exact depths', () => {
    const reach = findStackReach(hofstadterG, { seed: 1 });
    assert.ok(reach.reached_n !== null && reach.overflow_n !== null);
    assert.equal(reach.overflow_n, reach.reached_n + 1);
    // G(n) recurses through G(n - 1), ..., G(0): n + 1 frames of self.
    assert.deepEqual(
      [reach.reached_depth, reach.overflow_depth],
      [reach.reached_n + 1, reach.overflow_n + 1],
    );
    assert.ok(reach.reached_n > 1_000, `reached only n = ${reach.reached_n}`);
    assert.ok(reach.probes.some((probe) => probe.fits) && reach.probes.some((probe) => !probe.fits));
  });

  it('measures the stack it runs on: a smaller --stack-size reaches less', () => {
    const script = `
      import g from './examples/hofstadter-g.ts';
      import { findStackReach } from './runners/depth.ts';
      console.log(findStackReach(g, { seed: 1 }).reached_n);`;
    const reachWith = (kib: number) =>
      Number(
        execFileSync(
          process.execPath,
          [`--stack-size=${kib}`, '--import', 'tsx', '--input-type=module', '-e', script],
          {
            cwd: new URL('..', import.meta.url),
            encoding: 'utf8',
          },
        ).trim(),
      );
    const small = reachWith(200);
    const large = reachWith(800);
    assert.ok(small > 0 && small < 0.5 * large, `200 KiB: n = ${small}; 800 KiB: n = ${large}`);
  });

  it('stops at a size that needs more states than allowed, and at its time limit, saying so', () => {
    // G(n) has n + 1 states: n = 1,000 needs more than 500.
    const capped = findStackReach(hofstadterG, { seed: 1, max_states: 500 });
    assert.deepEqual(
      [capped.reached_n, capped.reached_depth, capped.overflow_n, capped.overflow_depth],
      [100, 101, null, null],
    );
    assert.equal(capped.note, 'n = 1,000 needs more than 500 states; the search stops there');
    assert.ok(
      !capped.probes.some((probe) => probe.n === 1_000),
      'a stopped probe is not a probe that fitted',
    );
    // A clock that moves a second per reading: the 2.5 s limit has passed before the third probe.
    let time = 0;
    const timed = findStackReach(hofstadterG, { seed: 1, time_limit_ms: 2_500, now: () => (time += 1_000) });
    assert.deepEqual(
      timed.probes.map((probe) => probe.n),
      [5, 10],
    );
    assert.deepEqual([timed.reached_n, timed.reached_depth, timed.overflow_n], [10, 11, null]);
    assert.equal(timed.note, 'the search stopped at its time limit (2.5 s) before n = 20');
  });

  it('names the size at which the top-down call threw', () => {
    const faulty = defineProblem({
      id: 'faulty-deep',
      title: 'Throws at 50',
      input: (n) => n,
      start: (n) => [n],
      recurrence: (_, self, k): number => {
        if (k === 50) throw new Error('fifty');
        return k === 0 ? 0 : self(k - 1) + 1;
      },
      sizes: [10, 100],
    });
    assert.throws(() => findStackReach(faulty, { seed: 1 }), /^Error: closure threw at n = 100: fifty$/);
  });

  it('says so when nothing overflows up to its largest size', () => {
    const flat = defineProblem({
      id: 'flat',
      title: 'No recursion',
      input: (n) => n,
      start: (n) => [n],
      recurrence: (_, _self, k): number => k,
      sizes: [1, 2],
    });
    const reach = findStackReach(flat, { seed: 1, max_n: 64 });
    assert.deepEqual([reach.reached_n, reach.reached_depth, reach.overflow_n], [64, 1, null]);
    assert.equal(reach.note, 'no overflow up to n = 64 (the search stops there)');
    assert.throws(
      () => findStackReach(flat, { seed: 1, variant: 'bottom-up' }),
      /problem 'flat' has no variant 'bottom-up'/,
    );
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { processDisagreement } from '../lib/process-modes.ts';
import { createRng } from '../lib/random.ts';
import { gaussian } from './checks-synthetic.ts';

describe('processDisagreement()', () => {
  it("splits lcs/dict/32's two JIT outcomes (113 µs and 298 µs) into two groups", () => {
    const pair = processDisagreement([298e3, 113e3], 0.03);
    assert.deepEqual(
      pair?.clusters.map((cluster) => cluster.processes),
      [1, 1],
    );
    assert.ok(Math.abs((pair?.gap_pct ?? 0) - 100 * (298 / 113 - 1)) < 1e-9);
    const five = processDisagreement([113e3, 298e3, 115e3, 301e3, 112e3], 0.03);
    assert.deepEqual(
      five?.clusters.map((cluster) => [cluster.processes, Math.round(cluster.centre_ns / 1000)]),
      [
        [3, 113],
        [2, 299],
      ],
    );
  });

  it('finds more than two groups, and only as many as the spread expected allows', () => {
    const groups = processDisagreement([100, 101, 200, 202, 400, 404], 0.01);
    assert.deepEqual(
      groups?.clusters.map((cluster) => cluster.processes),
      [2, 2, 2],
    );
    const finer = processDisagreement([100, 112, 113, 300, 301], 0.01);
    assert.deepEqual(
      finer?.clusters.map((cluster) => cluster.processes),
      [1, 2, 2],
    );
    const coarser = processDisagreement([100, 112, 113, 300, 301], 0.03);
    assert.deepEqual(
      coarser?.clusters.map((cluster) => cluster.processes),
      [3, 2],
    );
  });

  it('leaves alone processes that agree, gaps within the expected spread, and an even scatter', () => {
    assert.equal(processDisagreement([100, 101, 103, 99], 0.02), null);
    assert.equal(processDisagreement([100], 0.02), null);
    // 15% apart, but this run's processes typically differ by 5%: 4 sd is 20%.
    assert.equal(processDisagreement([100, 115], 0.05), null);
    assert.ok(processDisagreement([100, 115], 0.02) !== null);
    // Steps of 12% from 100 to 157: wide, but no gap stands out from the groups' own spread or
    // from a typical 3% between processes (against 1%, every process is its own group).
    assert.equal(processDisagreement([100, 112, 125, 140, 157], 0.03), null);
    assert.equal(processDisagreement([100, 112, 125, 140, 157], 0.01)?.clusters.length, 5);
  });

  it('rarely flags processes from one mode and catches two modes 1.5x apart (seeded simulation)', (t) => {
    const rng = createRng(3);
    const sd = 0.04;
    const trials = 1000;
    for (const processes of [2, 3, 5, 8]) {
      let falseAlarms = 0;
      let caught = 0;
      let bimodal = 0;
      for (let trial = 0; trial < trials; trial++) {
        const one = Array.from({ length: processes }, () => 1000 * Math.exp(sd * gaussian(rng)));
        if (processDisagreement(one, sd) !== null) falseAlarms++;
        // Two modes, 1.5x to 3x apart, each process in the slower one with chance 0.3.
        const gap = Math.log(1.5) + rng.next() * Math.log(2);
        const modes = Array.from({ length: processes }, () => rng.next() < 0.3);
        if (modes.every((slow) => slow === modes[0])) continue;
        bimodal++;
        const two = modes.map((slow) => 1000 * Math.exp(sd * gaussian(rng) + (slow ? gap : 0)));
        if (processDisagreement(two, sd) !== null) caught++;
      }
      t.diagnostic(
        `${processes} processes: false alarms ${((100 * falseAlarms) / trials).toFixed(1)}%, two modes caught ${((100 * caught) / bimodal).toFixed(1)}%`,
      );
      assert.ok(falseAlarms / trials <= 0.01, `false alarms ${falseAlarms}`);
      assert.ok(caught / bimodal >= 0.95, `caught ${caught} of ${bimodal}`);
    }
  });
});

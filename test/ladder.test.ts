import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isOk } from '../lib/cells.ts';
import { memoize } from '../lib/memoize.ts';
import type { Cell, Measure, Tools } from '../lib/types.ts';
import { InputStore } from '../runners/inputs.ts';
import { climbLadder, HOPELESS_FACTOR, slowCountingReason } from '../runners/ladder.ts';
import { fakeClock, fakeMeasure, field, fixtureSuite, TEST_OPTIONS } from './helpers.ts';

async function climb(suite: ReturnType<typeof fixtureSuite>, variant: string, extra = {}): Promise<Cell[]> {
  const cells: Cell[] = [];
  const ladder = climbLadder({
    suite,
    variant,
    sizes: suite.sizes.quick,
    options: TEST_OPTIONS,
    runner: 'tinybench' as const,
    inputs: new InputStore(suite, 1),
    measure: fakeMeasure(),
    ...extra,
  });
  for await (const cell of ladder) cells.push(cell);
  return cells;
}

describe('climbLadder()', () => {
  it('verifies and times every size of a correct variant', async () => {
    const cells = await climb(fixtureSuite(), 'dict');
    assert.deepEqual(
      cells.map((cell) => [cell.n, cell.status, field(cell, 'result')]),
      [1, 2, 3, 4, 5].map((n) => [n, 'ok', String(n)]),
    );
    for (const cell of cells) assert.ok(isOk(cell) && cell.samples >= 3 && cell.batch >= 1);
  });

  it('stops on the budget after timing the first size whose verified call is over it', async () => {
    const clock = fakeClock();
    // A call of size n "takes" 20 n ms on the fake clock: 60 ms at n = 3 is the first over the 50 ms budget.
    const slow = () => (n: number) => {
      clock.spend(20 * n);
      return n;
    };
    const cells = await climb(fixtureSuite({ naive: slow }), 'naive', { clock: clock.now });
    assert.deepEqual(
      cells.map((cell) => [cell.n, cell.status, field(cell, 'skip_reason')]),
      [
        [1, 'ok', undefined],
        [2, 'ok', undefined],
        [3, 'ok', undefined],
        [4, 'skipped', 'budget'],
        [5, 'skipped', 'budget'],
      ],
    );
    assert.equal(field(cells[2], 'verify_ms'), 60);
    assert.match(cells[3]?.message ?? '', /60\.0 ms at n = 3, over the 50 ms budget/);
  });

  it('times a cell over the budget with 6 samples at most, and no warm-up or sampling time', async () => {
    const clock = fakeClock();
    const slow = () => (n: number) => {
      clock.spend(20 * n);
      return n;
    };
    const asked: Parameters<Measure>[2][] = [];
    const measure: Measure = async (call, batch, sampling) => {
      asked.push(sampling);
      return fakeMeasure()(call, batch, sampling);
    };
    await climb(fixtureSuite({ naive: slow }), 'naive', {
      clock: clock.now,
      measure,
      options: { ...TEST_OPTIONS, min_samples: 10, time_ms: 5, warmup_ms: 2 },
    });
    assert.deepEqual(asked, [
      { time_ms: 5, warmup_ms: 2, min_samples: 10 },
      { time_ms: 5, warmup_ms: 2, min_samples: 10 },
      { time_ms: 0, warmup_ms: 0, min_samples: 6 },
    ]);
  });

  it('records a real stack overflow as stack-overflow and climbs no further', async () => {
    const deep = () => (n: number) => {
      const down = (k: number): number => (k === 0 ? 0 : 1 + down(k - 1));
      return n < 3 ? n : down(1e7);
    };
    const cells = await climb(fixtureSuite({ map: deep }), 'map');
    assert.deepEqual(
      cells.map((cell) => [cell.n, cell.status, field(cell, 'skip_reason')]),
      [
        [1, 'ok', undefined],
        [2, 'ok', undefined],
        [3, 'stack-overflow', undefined],
        [4, 'skipped', 'stack-overflow'],
        [5, 'skipped', 'stack-overflow'],
      ],
    );
    assert.match(cells[2]?.message ?? '', /call stack/i);
  });

  it('never times a wrong answer, names the expected value, and stops', async () => {
    const wrong = () => (n: number) => (n === 2 ? 99 : n);
    const cells = await climb(fixtureSuite({ closure: wrong }), 'closure');
    assert.equal(cells[1]?.status, 'wrong-answer');
    assert.equal(field(cells[1], 'median_ns'), undefined);
    assert.equal(field(cells[1], 'result'), '99');
    assert.match(cells[1]?.message ?? '', /expected 2 \(reference\), got 99/);
    assert.deepEqual(
      cells.slice(2).map((cell) => field(cell, 'skip_reason')),
      ['wrong-answer', 'wrong-answer', 'wrong-answer'],
    );
  });

  it('records a throwing variant as error with its message', async () => {
    const throwing = () => (n: number) => {
      if (n === 4) throw new TypeError('boom');
      return n;
    };
    const cells = await climb(fixtureSuite({ 'bottom-up': throwing }), 'bottom-up');
    assert.equal(cells[3]?.status, 'error');
    assert.equal(cells[3]?.message, 'boom');
    assert.equal(field(cells[4], 'skip_reason'), 'error');
  });

  it('catches a variant that passes verification and then answers differently while timed', async () => {
    let calls = 0;
    const flaky = () => (n: number) => (++calls > 1 && n === 1 ? 7 : n);
    const cells = await climb(fixtureSuite({ dict: flaky }), 'dict');
    assert.equal(cells[0]?.status, 'wrong-answer');
    assert.match(cells[0]?.message ?? '', /verified 1, but a timed call returned 7/);
  });

  it('gives up a size whose predicted time is hopeless, without running it', async () => {
    let ran = 0;
    const counting = () => (n: number) => {
      ran = Math.max(ran, n);
      return n;
    };
    // Sample times grow 100x per size (from the fake backend), so the power-law prediction for n = 3
    // is 100 * (3/2)^log2(100) = ~1,500 ms per call, over HOPELESS_FACTOR x the budget.
    const cells = await climb(fixtureSuite({ naive: counting }), 'naive', {
      measure: fakeMeasure((cell) => 0.01 * 100 ** cell, 3),
      options: { ...TEST_OPTIONS, budget_ms: 0.5 },
    });
    assert.ok(HOPELESS_FACTOR * 0.5 < 1500);
    assert.deepEqual(
      cells.map((cell) => cell.status),
      ['ok', 'ok', 'skipped', 'skipped', 'skipped'],
    );
    assert.equal(field(cells[2], 'skip_reason'), 'budget');
    assert.match(cells[2]?.message ?? '', /predicted .* ms per call at n = 3/);
    assert.equal(ran, 2);
  });

  it('skips the instrumented pass once its predicted time is over 20x the budget, and says why', async () => {
    const clock = fakeClock();
    // The timed code "takes" n ms; its counting copy 300 n ms (a 300x slowdown): 900 ms at n = 3 is
    // within 20 x 50 ms, the predicted 1,200 ms at n = 4 is not.
    const timed = () => (n: number) => {
      clock.spend(n);
      return n;
    };
    const slowCopy = () => (n: number) => {
      clock.spend(300 * n);
      return n;
    };
    const cells = await climb(fixtureSuite({ naive: timed }), 'naive', {
      clock: clock.now,
      counting: { variants: { naive: slowCopy }, memoize },
    });
    assert.deepEqual(
      cells.map((cell) => [
        cell.n,
        cell.status,
        field(cell, 'calls') !== undefined,
        field(cell, 'counts_note') !== undefined,
      ]),
      [1, 2, 3, 4, 5].map((n) => [n, 'ok', n <= 3, n > 3]),
    );
    assert.match(
      String(field(cells[3], 'counts_note')),
      /^not counted: the instrumented pass would take about 1\.20e\+3 ms \(predicted: this call's 4\.00 ms times its 300x slowdown at n = 3\), over 20x the 50 ms budget$/,
    );
  });

  it('predicts the instrumented pass from the last counted size only when one exists', () => {
    assert.equal(slowCountingReason(undefined, 1e6, 50), undefined);
    assert.equal(slowCountingReason({ n: 10, slowdown: 10 }, 100, 50), undefined);
    assert.match(slowCountingReason({ n: 10, slowdown: 11 }, 100, 50) ?? '', /about 1\.10e\+3 ms/);
    // A 0 ms call still predicts a positive time (taken as 0.01 ms).
    assert.match(slowCountingReason({ n: 1, slowdown: 2e6 }, 0, 50) ?? '', /about 2\.00e\+4 ms/);
  });

  it('records an input generator that throws as an error naming the size, for every variant', async () => {
    const suite = fixtureSuite();
    suite.input = (n: number) => {
      if (n === 2) throw new RangeError('no input for 2');
      return n;
    };
    const cells = await climb(suite, 'map');
    assert.deepEqual(
      cells.map((cell) => cell.status),
      ['ok', 'error', 'skipped', 'skipped', 'skipped'],
    );
    assert.equal(cells[1]?.message, 'input generator failed at n = 2: no input for 2');
  });

  it('hands every call the plain tools (no instrumentation in the timed pass)', async () => {
    let seen: Tools | undefined;
    const spy = (tools: Tools) => {
      seen = tools;
      return (n: number) => n;
    };
    await climb(fixtureSuite({ map: spy }), 'map');
    const fn = (x: number) => x;
    assert.equal(seen?.recursive(fn), fn);
    assert.equal(seen?.map() instanceof Map, true);
    assert.deepEqual(Object.getPrototypeOf(seen?.object()), Object.prototype);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isOk } from '../lib/cells.ts';
import { memoize } from '../lib/memoize.ts';
import type { Answer, Cell, Measure, Tools, VariantFactory } from '../lib/types.ts';
import { InputStore } from '../runners/inputs.ts';
import type { CountingCode } from '../runners/instrumented.ts';
import { climbLadder, type LadderContext } from '../runners/ladder.ts';
import { expectOk, fakeClock, fakeMeasure, field, fixtureSuite, TEST_OPTIONS } from './helpers.ts';

async function climb(
  suite: ReturnType<typeof fixtureSuite>,
  variant: string,
  extra: Partial<LadderContext<number>> = {},
): Promise<Cell[]> {
  const cells: Cell[] = [];
  const ladder = climbLadder({
    suite,
    variant,
    sizes: suite.sizes.quick,
    options: TEST_OPTIONS,
    runner: 'tinybench' as const,
    inputs: new InputStore(suite, 1),
    measure: fakeMeasure(),
    phase: 'discover',
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

  it('stops at the first size whose verified call is over the budget: measured, never timed', async () => {
    const clock = fakeClock();
    // A call of size n "takes" 20 n ms on the fake clock: 60 ms at n = 3 is the first over the 50 ms budget.
    const slow = () => (n: number) => {
      clock.spend(20 * n);
      return n;
    };
    const measured: number[] = [];
    const measure: Measure = async (call, batch, sampling) => {
      measured.push(1);
      return fakeMeasure()(call, batch, sampling);
    };
    const cells = await climb(fixtureSuite({ naive: slow }), 'naive', { clock: clock.now, measure });
    assert.deepEqual(
      cells.map((cell) => [cell.n, cell.status, field(cell, 'skip_reason')]),
      [
        [1, 'ok', undefined],
        [2, 'ok', undefined],
        [3, 'over-budget', undefined],
        [4, 'skipped', 'budget'],
        [5, 'skipped', 'budget'],
      ],
    );
    assert.equal(measured.length, 2, 'no samples spent on the cell over the budget');
    assert.deepEqual(
      [field(cells[2], 'verify_ms'), field(cells[2], 'result'), field(cells[2], 'median_ns')],
      [60, '3', undefined],
    );
    assert.equal(cells[2]?.message, 'one call took 60.0 ms, over the 50 ms budget');
    assert.match(cells[3]?.message ?? '', /60\.0 ms at n = 3, over the 50 ms budget/);
  });

  it('measures a variant whose time grows as n^4 at every size up to the budget: no size is predicted away', async () => {
    const clock = fakeClock();
    // 4e-6 n^4 ms: 0.083 ms at n = 12, 25 ms at 50, 48.5 ms at 59, 51.8 ms at 60 (budget 50 ms).
    const quartic = () => (n: number) => {
      clock.spend(4e-6 * n ** 4);
      return n;
    };
    const suite = fixtureSuite({ closure: quartic }, [2, 4, 8, 12, 50, 55, 59, 60, 80]);
    // Sample times that grow much faster than the calls (as a noisy ladder can): a prediction from
    // them gave up on n = 50 after n = 12 before; the measured calls decide now.
    const cells = await climb(suite, 'closure', {
      clock: clock.now,
      measure: fakeMeasure((cell) => 10 ** cell, 3),
      sizes: suite.sizes.quick,
    });
    assert.deepEqual(
      cells.map((cell) => [cell.n, cell.status]),
      [
        [2, 'ok'],
        [4, 'ok'],
        [8, 'ok'],
        [12, 'ok'],
        [50, 'ok'],
        [55, 'ok'],
        [59, 'ok'],
        [60, 'over-budget'],
        [80, 'skipped'],
      ],
    );
    assert.ok(Math.abs(Number(field(cells[4], 'verify_ms')) - 25) < 1e-9);
    assert.match(cells[8]?.message ?? '', /51\.8 ms at n = 60, over the 50 ms budget/);
  });

  it('in-process (predictGuard), does not start a call predicted far past the budget, and says it was predicted', async () => {
    // Sample times of 1 ms, 100 ms... per cell (x100 per size): the power law through n = 1 and 2
    // predicts far more than 20 budgets at n = 4, so that call is never started.
    let started = 0;
    const counted = () => (n: number) => {
      started = Math.max(started, n);
      return n;
    };
    const suite = fixtureSuite({ naive: counted }, [1, 2, 3, 4, 5]);
    const cells = await climb(suite, 'naive', {
      measure: fakeMeasure((cell) => 100 ** (cell - 1), 3),
      predictGuard: true,
    });
    assert.deepEqual(
      cells.map((cell) => [cell.n, cell.status, field(cell, 'skip_reason')]),
      [
        [1, 'ok', undefined],
        [2, 'ok', undefined],
        [3, 'skipped', 'predicted'],
        [4, 'skipped', 'predicted'],
        [5, 'skipped', 'predicted'],
      ],
    );
    assert.equal(started, 2);
    assert.match(cells[2]?.message ?? '', /^not run: predicted .* an in-process run cannot stop a call/);
    // Without the guard (a child process under the parent's deadline) nothing is predicted away.
    const unguarded = await climb(suite, 'naive', { measure: fakeMeasure((cell) => 100 ** (cell - 1), 3) });
    assert.ok(unguarded.every((cell) => cell.status === 'ok'));
  });

  it('tells the parent when the verified call starts and ends, before anything else runs', async () => {
    const events: string[] = [];
    const spy = () => (n: number) => {
      events.push(`call ${n}`);
      return n;
    };
    await climb(fixtureSuite({ naive: spy }, [1, 2]), 'naive', {
      onVerify: ({ type, n }) => void events.push(`${type} ${n}`),
    });
    assert.deepEqual(events.slice(0, 3), ['start 1', 'call 1', 'end 1']);
    assert.ok(events.indexOf('start 2') > events.indexOf('end 1'));
  });

  it('measure phase: verifies and times the sizes it is given, with no budget, counts or memory', async () => {
    const clock = fakeClock();
    const slow = () => (n: number) => {
      clock.spend(100 * n);
      return n;
    };
    const cells = await climb(fixtureSuite({ naive: slow }, [1, 2]), 'naive', {
      clock: clock.now,
      phase: 'measure',
      instances: new Map([[2, 'shared' as const]]),
    });
    const [one, two] = cells.map(expectOk);
    assert.deepEqual(
      [one?.status, one?.calls, one?.instance, two?.instance, two?.verify_ms],
      ['ok', undefined, 'per-call', 'shared', 200],
    );
    assert.equal(one?.counts_note, 'counted in the first round only');
    let created = 0;
    const stateless = (t: Tools) => {
      created++;
      return fibonacciLike(t);
    };
    await climb(fixtureSuite({ naive: stateless }, [2, 3]), 'naive', {
      phase: 'measure',
      instances: new Map([
        [2, 'shared' as const],
        [3, 'shared' as const],
      ]),
    });
    assert.equal(created, 1, 'one instance verifies and times both sizes the first round found stateless');
    assert.equal(one?.memory_note, 'measured in the first round only');
  });

  it('shares one instance for a variant found stateless, and carries the decision up the ladder', async () => {
    const clock = fakeClock();
    let created = 0;
    // Stateless: each call makes the same counted calls; the counting copy is slow from n = 3 on,
    // so n = 4 and 5 are not counted and inherit n = 3's decision.
    const stateless = (t: Tools) => {
      created++;
      const f = t.recursive((n: number): number => (n === 0 ? 0 : f(n - 1) + 1));
      return f;
    };
    const slowCopy = (t: Tools) => {
      const f = t.recursive((n: number): number => (n === 0 ? 0 : f(n - 1) + 1));
      return (n: number) => {
        clock.spend(n >= 3 ? 1000 : 0);
        return f(n);
      };
    };
    const cells = await climb(fixtureSuite({ naive: stateless }), 'naive', {
      clock: clock.now,
      counting: copyOf({ naive: slowCopy }),
    });
    assert.deepEqual(
      cells.map((cell) => [field(cell, 'instance'), field(cell, 'calls') !== undefined]),
      [
        ['shared', true],
        ['shared', true],
        ['shared', true],
        ['shared', false],
        ['shared', false],
      ],
    );
    assert.equal(
      created,
      1,
      'one instance for the ladder: the first verified call’s, which verifies and times every size',
    );
    const memoized = await climb(fixtureSuite({ map: fibonacciLike }), 'map');
    assert.ok(memoized.every((cell) => field(cell, 'instance') === 'per-call'));
  });

  it('uses the counts an earlier run found (the counts cache) instead of counting again', async () => {
    let counted = 0;
    const copy = (t: Tools) => {
      counted++;
      return fibonacciLike(t);
    };
    const known = new Map([
      [
        2,
        {
          counts: { calls: 7, cache_hits: 1, cache_misses: 2, cache_entries: 3, max_depth: 4 },
          instance: 'shared' as const,
        },
      ],
    ]);
    const cells = await climb(fixtureSuite({ map: fibonacciLike }, [2, 3]), 'map', {
      known,
      counting: copyOf({ map: copy }),
    });
    assert.deepEqual(
      [field(cells[0], 'calls'), field(cells[0], 'instance'), field(cells[1], 'instance')],
      [7, 'shared', 'per-call'],
    );
    assert.equal(counted, 1, 'only n = 3 ran the counting pass');
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

  it('skips the instrumented pass once its predicted time is over 20x the budget, and says why', async () => {
    const clock = fakeClock();
    // The timed code "takes" n ms; its counting copy 150 n ms per call, and the pass makes two
    // calls (the second tells whether the instance keeps state): a 300x slowdown. 900 ms at n = 3
    // is within 20 x 50 ms, the predicted 1,200 ms at n = 4 is not.
    const timed = () => (n: number) => {
      clock.spend(n);
      return n;
    };
    const slowCopy = () => (n: number) => {
      clock.spend(150 * n);
      return n;
    };
    const cells = await climb(fixtureSuite({ naive: timed }), 'naive', {
      clock: clock.now,
      counting: copyOf({ naive: slowCopy }),
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

/** A counting copy of some variants, as the runner loads one. */
function copyOf(variants: Record<string, VariantFactory<number, Answer>>): CountingCode {
  return { variants: variants as CountingCode['variants'], memoize };
}

/** A fixture variant with a cache that outlives a call: its answer is n, computed once per instance. */
function fibonacciLike(t: Tools) {
  const memo = t.map<number, number>();
  const f = t.recursive((n: number): number => {
    if (n === 0) return 0;
    const cached = memo.get(n);
    if (cached !== undefined) return cached;
    const value = f(n - 1) + 1;
    memo.set(n, value);
    return value;
  });
  return f;
}

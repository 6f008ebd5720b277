import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adviceVerdict, verdictInput } from '../reports/advice.ts';
import { adviceFixture, GRID_CAPACITY } from './advice-fixture.ts';
import { reportFixture } from './report-fixture.ts';

const between = (low: number, high: number) => (value: number) => value > low && value < high;

describe('verdictInput()', () => {
  const results = adviceFixture();
  const input = verdictInput(results, results.advice!);

  it('picks the fastest variant where the common caches all were timed, with their ratios and intervals', () => {
    const fastest = input.fastest!;
    assert.deepEqual([fastest.n, fastest.variant, fastest.time_ns], [16, 'array', 600]);
    // map-string 1,800 ns, closure 2,000, dict 1,500 over array's 600, each interval ±10%.
    assert.deepEqual(
      fastest.others.map((other) => other.variant),
      ['map-string', 'closure', 'dict'],
    );
    const [mapString, closure, dict] = fastest.others;
    assert.ok(between(2.99, 3.01)(mapString!.ratio) && between(2.45, 2.46)(mapString!.low));
    assert.ok(between(3.66, 3.67)(mapString!.high));
    assert.ok(between(3.33, 3.34)(closure!.ratio) && between(2.49, 2.51)(dict!.ratio));
  });

  it('takes that variant’s crossover against naive, the intervals around it and its largest speedup', () => {
    const crossover = input.crossover!;
    assert.equal(crossover.variant, 'array');
    assert.equal(crossover.n, 4);
    assert.deepEqual(crossover.variant_at, { time_ns: 150, ci_low_ns: 150 * 0.9, ci_high_ns: 150 * 1.1 });
    assert.deepEqual(crossover.naive_at, { time_ns: 400, ci_low_ns: 400 * 0.9, ci_high_ns: 400 * 1.1 });
    assert.equal(crossover.before?.n, 2);
    assert.equal(crossover.before?.variant.time_ns, 200);
    assert.equal(crossover.largest.n, 8);
    assert.ok(between(33.3, 33.4)(crossover.largest.speedup));
    assert.ok(between(27.2, 27.3)(crossover.largest.low) && between(40.7, 40.8)(crossover.largest.high));
  });

  it('reports memory of the variants that have it, failures of the derived variants only, the depth and the capacity', () => {
    assert.deepEqual(input.memory, {
      variants: [
        { variant: 'array', n: 16, retained_bytes: 2_048, entries: 256 },
        { variant: 'map-string', n: 16, retained_bytes: 20_480, entries: 256 },
      ],
    });
    // dict's error fails; closure's stack overflow is the depth's finding; lodash-default's wrong
    // answer is the audit's.
    assert.deepEqual(input.failures, [
      {
        variants: ['dict'],
        status: 'error',
        n: 32,
        message: "problem 'grid': field 'recurrence' threw at self(3, 1): boom",
      },
    ]);
    assert.deepEqual(input.depth, {
      variant: 'closure',
      reached_n: 1_376,
      reached_depth: 2_751,
      overflow_n: 1_408,
      overflow_depth: 2_815,
      note: 'the search stopped at its time limit (15 s) before n = 1,392',
    });
    const [size] = GRID_CAPACITY.sizes;
    assert.deepEqual(input.capacity, {
      factor: 2,
      sizes: [
        {
          n: 16,
          states: 256,
          unbounded_calls: 481,
          smallest_sufficient: 14,
          calls_at_smallest: 811,
          below_smallest: size!.below_smallest,
        },
      ],
      note: GRID_CAPACITY.note,
    });
    assert.equal(input.reference, 'given');
  });

  it('says why memory is missing when no compared variant has figures', () => {
    const bare = adviceFixture();
    bare.cells = bare.cells.map((cell) => {
      if (cell.status !== 'ok') return cell;
      const { retained_bytes: _retained, ...rest } = cell;
      return rest;
    });
    assert.deepEqual(verdictInput(bare, bare.advice!).memory, {
      variants: [],
      note: 'no timed cell of these variants has memory figures',
    });
    bare.options = { ...bare.options, memory_readings: 0 };
    assert.match(verdictInput(bare, bare.advice!).memory?.note ?? '', /the quick profile has no memory pass/);
  });
});

describe('adviceVerdict()', () => {
  it('writes the advice of an advise run as sentences, and nothing for a bench run', () => {
    const verdict = adviceVerdict(adviceFixture());
    assert.equal(verdict?.suite, 'grid');
    assert.equal(verdict?.sentences[0], 'Every answer was checked against the problem’s own reference.');
    assert.ok(verdict?.sentences.some((sentence) => sentence.startsWith('Use `array`: at n = 16')));
    assert.equal(adviceVerdict(reportFixture()), null);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossoverN, crossovers, crossoverText } from '../reports/crossover.ts';
import { ALPHA_CROSSOVERS, reportFixture } from './report-fixture.ts';

describe('crossoverN()', () => {
  const at = (pairs: [number, boolean][]) => pairs.map(([n, faster]) => ({ n, faster }));

  it('is the first n of the final run of faster sizes', () => {
    assert.equal(
      crossoverN(
        at([
          [1, true],
          [2, false],
          [3, true],
          [4, true],
        ]),
      ),
      3,
    );
    assert.equal(
      crossoverN(
        at([
          [1, true],
          [2, true],
        ]),
      ),
      1,
    );
  });

  it('is null when the variant is not faster at the largest size, or nothing was compared', () => {
    assert.equal(
      crossoverN(
        at([
          [1, true],
          [2, true],
          [3, false],
        ]),
      ),
      null,
    );
    assert.equal(crossoverN([]), null);
  });
});

describe('crossovers()', () => {
  const results = reportFixture();

  it('finds the crossover of every variant against naive in the fixture', () => {
    const found = Object.fromEntries(
      crossovers(results)
        .filter((c) => c.suite === 'alpha')
        .map((c) => [c.variant, c.crossover_n]),
    );
    assert.deepEqual(found, ALPHA_CROSSOVERS);
  });

  it('compares only sizes where both were timed, and says so in words', () => {
    const all = crossovers(results);
    const dict = all.find((c) => c.suite === 'alpha' && c.variant === 'dict')!;
    assert.deepEqual(dict.compared_n, [5, 10, 15, 20], 'naive was skipped at n = 40');
    assert.equal(crossoverText(dict), 'n = 10');
    const bottomUp = all.find((c) => c.suite === 'alpha' && c.variant === 'bottom-up')!;
    assert.equal(crossoverText(bottomUp), 'n = 5 (every size compared)');
    const closure = all.find((c) => c.suite === 'alpha' && c.variant === 'closure')!;
    assert.equal(crossoverText(closure), 'none measured');
  });

  it('reports nothing for a suite without naive cells', () => {
    const results = reportFixture();
    results.cells = results.cells.filter((cell) => cell.variant !== 'naive');
    assert.deepEqual(crossovers(results), []);
  });
});

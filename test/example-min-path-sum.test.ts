import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import minPathSum, { cheapestPathDijkstra, seededGrid } from '../examples/min-path-sum.ts';
import { createRng, rngFor } from '../lib/random.ts';
import { plainTools } from '../lib/tools.ts';

/** Every monotone path, enumerated: the definition itself, for small grids. */
function cheapestByEnumeration(grid: number[][]): number {
  const n = grid.length;
  const walk = (i: number, j: number): number => {
    const here = grid[i]![j]!;
    if (i === n - 1 && j === n - 1) return here;
    const options = [];
    if (i + 1 < n) options.push(walk(i + 1, j));
    if (j + 1 < n) options.push(walk(i, j + 1));
    return here + Math.min(...options);
  };
  return walk(0, 0);
}

describe('examples/min-path-sum.ts', () => {
  it('Dijkstra answers the classic 3 x 3 instance: 7 (1 → 3 → 1 → 1 → 1)', () => {
    assert.equal(
      cheapestPathDijkstra([
        [1, 3, 1],
        [1, 5, 1],
        [4, 2, 1],
      ]),
      7,
    );
  });

  it('Dijkstra equals the enumeration of all paths on seeded grids', () => {
    const rng = createRng(5);
    for (let n = 1; n <= 8; n++) {
      const grid = seededGrid(n, rng);
      assert.equal(cheapestPathDijkstra(grid), cheapestByEnumeration(grid), `n = ${n}`);
    }
  });

  it('the recurrence gives Dijkstra’s answer (naive, and explored at larger sizes)', () => {
    for (const n of [2, 5, 9]) {
      const input = minPathSum.input(n, rngFor(1, minPathSum.id, n));
      assert.equal(minPathSum.variants.naive!(plainTools)(input), cheapestPathDijkstra(input.data));
    }
    const input = minPathSum.input(300, rngFor(1, minPathSum.id, 300));
    assert.equal(input.shape?.answer, cheapestPathDijkstra(input.data));
  });
});

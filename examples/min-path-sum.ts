import { defineProblem } from '../lib/define-problem.ts';
import type { Rng } from '../lib/types.ts';

/** An n x n grid of seeded costs, 0 to 99 per cell. */
export function seededGrid(n: number, rng: Rng): number[][] {
  return Array.from({ length: n }, () => Array.from({ length: n }, () => rng.int(0, 99)));
}

/**
 * Dijkstra's algorithm from the top-left cell with a binary heap: an algorithm unrelated to the
 * recurrence (it settles cells in order of distance, not row by row), valid since costs are never
 * negative. A path pays every cell it visits, its first included.
 */
export function cheapestPathDijkstra(grid: readonly (readonly number[])[]): number {
  const n = grid.length;
  const cost = (cell: number) => grid[Math.floor(cell / n)]![cell % n]!;
  const best = new Float64Array(n * n).fill(Number.POSITIVE_INFINITY);
  const heap: [distance: number, cell: number][] = [];
  const push = (entry: [number, number]) => {
    heap.push(entry);
    for (let child = heap.length - 1; child > 0; ) {
      const parent = (child - 1) >> 1;
      if (heap[parent]![0] <= heap[child]![0]) break;
      [heap[parent], heap[child]] = [heap[child]!, heap[parent]!];
      child = parent;
    }
  };
  const pop = (): [number, number] => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let parent = 0; ; ) {
        const left = 2 * parent + 1;
        const smallest = [left, left + 1, parent]
          .filter((index) => index < heap.length)
          .reduce((a, b) => (heap[a]![0] <= heap[b]![0] ? a : b));
        if (smallest === parent) break;
        [heap[parent], heap[smallest]] = [heap[smallest]!, heap[parent]!];
        parent = smallest;
      }
    }
    return top;
  };
  best[0] = cost(0);
  push([cost(0), 0]);
  while (heap.length > 0) {
    const [distance, cell] = pop();
    if (distance > best[cell]!) continue;
    const [row, column] = [Math.floor(cell / n), cell % n];
    for (const next of [row + 1 < n ? cell + n : -1, column + 1 < n ? cell + 1 : -1]) {
      if (next !== -1 && distance + cost(next) < best[next]!) {
        best[next] = distance + cost(next);
        push([best[next]!, next]);
      }
    }
  }
  return best[n * n - 1]!;
}

export default defineProblem({
  id: 'min-path-sum',
  title: 'Cheapest monotone path through a seeded grid',
  description:
    'The least total cost of a path from the top-left to the bottom-right cell of an n x n grid of seeded costs (0 to 99), moving right or down; two-dimensional state (i, j)',
  formula:
    'C(i, j) = grid[i][j] + min(C(i - 1, j), C(i, j - 1)), one term at the borders, C(0, 0) = grid[0][0]',
  input: seededGrid,
  start: (grid) => [grid.length - 1, grid.length - 1],
  recurrence: (grid, self, i, j): number => {
    const here = grid[i]![j]!;
    if (i === 0 && j === 0) return here;
    if (i === 0) return here + self(i, j - 1);
    if (j === 0) return here + self(i - 1, j);
    return here + Math.min(self(i - 1, j), self(i, j - 1));
  },
  reference: cheapestPathDijkstra,
  sizes: [2, 4, 8, 12, 16, 32, 64, 128, 256, 512],
});

import { defineProblem } from '../lib/define-problem.ts';

/**
 * Hofstadter's G sequence (OEIS A005206), a nested recurrence: the argument of the outer call is
 * itself a value of G. Reference: the closed form G(n) = floor((n + 1) / φ), evaluated exactly in
 * BigInt as floor((floor(√(5 (n + 1)^2)) - (n + 1)) / 2), which is the same since √5 (n + 1) is
 * irrational.
 */
export function hofstadterGClosedForm(n: number): number {
  const m = BigInt(n + 1);
  return Number((isqrt(5n * m * m) - m) / 2n);
}

/** floor(√x) for x >= 0, by Newton's method on BigInt. */
function isqrt(x: bigint): bigint {
  if (x < 2n) return x;
  let root = BigInt(Math.floor(Math.sqrt(Number(x))));
  while (root * root > x) root -= 1n;
  while ((root + 1n) * (root + 1n) <= x) root += 1n;
  return root;
}

export default defineProblem({
  id: 'hofstadter-g',
  title: 'Hofstadter’s G sequence',
  description:
    'A005206: one-dimensional, with a nested call whose argument is itself a value of G; G(n) = floor((n + 1) / φ)',
  formula: 'G(n) = n - G(G(n - 1)), G(0) = 0',
  input: (n) => n,
  start: (n) => [n],
  recurrence: (_n, self, k): number => (k === 0 ? 0 : k - self(self(k - 1))),
  reference: hofstadterGClosedForm,
  sizes: [5, 10, 20, 30, 40, 100, 1_000, 10_000, 100_000],
});

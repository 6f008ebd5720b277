import { defineProblem } from '../lib/define-problem.ts';

/** The modulus of suites/fibonacci.ts, so that both compute the same numbers. */
const P = 1_000_000_007;

/**
 * F(n) mod P by fast doubling in BigInt, F(2k) = F(k)(2F(k+1) - F(k)), F(2k+1) = F(k)^2 + F(k+1)^2:
 * the reference of suites/fibonacci.ts, written here again since problem files import lib only.
 */
export function fibonacciFastDoubling(n: number): number {
  const p = BigInt(P);
  let a = 0n;
  let b = 1n;
  for (let bit = Math.floor(Math.log2(Math.max(n, 1))); bit >= 0; bit--) {
    const c = (a * ((2n * b - a + p) % p)) % p;
    const d = (a * a + b * b) % p;
    if ((n >> bit) & 1) [a, b] = [d, (c + d) % p];
    else [a, b] = [c, d];
  }
  return Number(a);
}

/**
 * The shipped Fibonacci suite's recurrence written once, as a problem file: scripts/self-cost.ts
 * times its derived variants against suites/fibonacci.ts's hand-written ones (the cost of `self`).
 * One difference besides `self`: a derived cache holds every state, F(0) and F(1) too, where the
 * hand-written ones return them before looking.
 */
export default defineProblem({
  id: 'fibonacci-problem',
  title: 'Fibonacci numbers modulo 1,000,000,007, as a problem file',
  description: 'F(n) mod 1,000,000,007: suites/fibonacci.ts written once through self',
  formula: 'F(n) = F(n-1) + F(n-2) mod P, F(0) = 0, F(1) = 1',
  input: (n) => n,
  start: (n) => [n],
  recurrence: (_n, self, k): number => (k < 2 ? k : (self(k - 1) + self(k - 2)) % P),
  reference: fibonacciFastDoubling,
  sizes: [5, 10, 15, 20, 25, 30, 100, 1_000, 10_000],
});

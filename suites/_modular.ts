/**
 * Modular arithmetic shared by the suites whose answers outgrow 2^53: they report the answer
 * modulo one prime, so every value stays an exact small integer in Number arithmetic.
 */

/** The modulus: a prime below 2^30, so a sum of two residues stays an exact small integer. */
export const P = 1_000_000_007;

/**
 * a * b mod P for residues a, b in [0, P), exact in Number arithmetic. The plain product can reach
 * 2^60, past 2^53 where doubles start rounding, so b is split at bit 15: each partial sum stays
 * below 2^46, where x - floor(x / P) * P is exact (the quotient's rounding error is far below 1 / P).
 * Floor division rather than `%`, because V8 computes `%` on non-int32 doubles with a slow fmod call.
 */
export function mulMod(a: number, b: number): number {
  const high = a * (b >>> 15);
  const sum = (high - Math.floor(high / P) * P) * 32768 + a * (b & 32767);
  return sum - Math.floor(sum / P) * P;
}

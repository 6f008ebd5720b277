import { BATCH_TARGET_NS, CALIBRATION_MS, MAX_BATCH } from './constants.ts';

/**
 * How many calls one timed sample should make so that it lasts about `targetNs`: 1 for calls that
 * are long enough on their own, otherwise ceil(target / call), capped at `maxBatch`.
 */
export function batchSize(
  callNs: number,
  targetNs: number = BATCH_TARGET_NS,
  maxBatch: number = MAX_BATCH,
): number {
  if (!(callNs > 0)) return maxBatch;
  if (callNs >= targetNs) return 1;
  return Math.min(maxBatch, Math.ceil(targetNs / callNs));
}

/** Per-call times, ns, from sample times in ms that each covered `batch` calls. */
export function perCallNs(sampleMs: readonly number[], batch: number): number[] {
  return sampleMs.map((ms) => (ms * 1e6) / batch);
}

/**
 * Estimates one call's duration, ns, by calling `call` back to back for about `budgetMs`
 * (at least twice); more stable than the first, cold, verified call.
 */
export function estimateCallNs(call: () => void, budgetMs: number = CALIBRATION_MS): number {
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(budgetMs * 1e6));
  let calls = 0;
  let now = start;
  while (calls < 2 || now < deadline) {
    call();
    calls++;
    now = process.hrtime.bigint();
  }
  return Number(now - start) / calls;
}

import { getHeapStatistics } from 'node:v8';
import { exposedGc } from './memory.ts';

/**
 * Growth of the used heap since the last full collection above which the next cell starts with a
 * full collection, bytes. A full collection cost 4-6 ms even on a child's 3-6 MB heap (50 gc() calls timed in a loop, Node 20; 10 ms under
 * tsx), which at two processes per cell of a quick run was a sixth of its sampling time; below this
 * growth the old generation holds too little garbage for a collection of it to land in a cell's
 * samples more than once (and a cell reports its median sample).
 */
export const FULL_GC_GROWTH_BYTES = 8 * 1024 * 1024;

/** Used heap after the last full collection this process made here, bytes (none yet: the first cell gets one, clearing what loading the code left). */
let usedAfterFullGc = Number.NEGATIVE_INFINITY;

/**
 * Before a cell is sampled: empties the young generation (a scavenge, ~0.1 ms), so that garbage of
 * the previous cell is not collected on this cell's time, and makes a full collection too when the
 * heap grew by FULL_GC_GROWTH_BYTES since the last one (a large cache that outlived its call and was
 * promoted). Returns which collection ran; `none` without --expose-gc.
 */
export function settleHeap(): 'none' | 'minor' | 'full' {
  const gc = exposedGc() as ((options?: { type: 'minor' | 'major' }) => void) | undefined;
  if (gc === undefined) return 'none';
  if (getHeapStatistics().used_heap_size - usedAfterFullGc > FULL_GC_GROWTH_BYTES) {
    gc();
    usedAfterFullGc = getHeapStatistics().used_heap_size;
    return 'full';
  }
  gc({ type: 'minor' });
  return 'minor';
}

import { GCProfiler, getHeapStatistics } from 'node:v8';
import { isStackOverflow, messageOf } from '../lib/errors.ts';
import { sink } from '../lib/sink.ts';
import type { MemoryFigures } from '../lib/types.ts';
import {
  ALLOCATION_ATTEMPTS,
  ALLOCATION_READINGS,
  ALLOCATION_SAMPLE_BYTES,
  ALLOCATION_WINDOW_MS,
  MAX_ALLOCATION_REPEAT,
  MAX_RETAINED_COPIES,
  RETAINED_READINGS,
  RETAINED_SAMPLE_BYTES,
  RETAINED_WINDOW_MS,
} from './constants.ts';

/** V8 heap in use plus memory outside it that V8 accounts for (ArrayBuffer backing stores), bytes. */
export function usedBytes(): number {
  const heap = getHeapStatistics();
  return heap.used_heap_size + heap.external_memory;
}

/** The global gc() that `node --expose-gc` provides, or undefined. */
export function exposedGc(): (() => void) | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  return typeof gc === 'function' ? gc : undefined;
}

/**
 * Two full collections: ArrayBuffer backing stores (typed arrays) are released only after the
 * collection that found them dead, so external memory is settled after the second. Each costs
 * about 10 ms even on a small heap, so the method uses as few as it can. (The options form
 * `gc({ type: 'major', execution: 'sync' })` frees nothing released on Node 20's V8.)
 */
function fullGc(gc: () => void): void {
  gc();
  gc();
}

/**
 * Bytes that one live result of `run` holds: heap + external memory after a full GC with `copies`
 * results alive, minus the same after they are released and collected again, divided by `copies`.
 * Measuring the release rather than the creation means code and feedback that the runs compiled
 * (which stay) cancel out. The sink is cleared first, since it may hold the previous call's result.
 */
export function measureRetained(run: () => unknown, gc: () => void, copies = 1): number {
  sink.value = undefined;
  const held = usedWhileHeld(run, gc, copies);
  sink.value = undefined;
  fullGc(gc);
  return (held - usedBytes()) / copies;
}

/**
 * Heap + external bytes after a full GC with `copies` results of `run` alive. They live only in
 * this frame and the sink, both gone when the caller collects again.
 */
function usedWhileHeld(run: () => unknown, gc: () => void, copies: number): number {
  const alive: unknown[] = [];
  for (let i = 0; i < copies; i++) alive.push(run());
  fullGc(gc);
  const held = usedBytes();
  sink.value = alive;
  return held;
}

/**
 * Bytes allocated by one `run`: heap + external growth over `repeat` runs with no GC in between,
 * divided by `repeat`. No collection is forced first (garbage already there does not change the
 * growth); a GC inside the window (seen by V8's GCProfiler) would make the figure wrong, so the
 * window is then retried with fewer runs. Undefined when every attempt saw a GC.
 */
export function measureAllocated(run: () => unknown, repeat: number): number | undefined {
  let runs = repeat;
  for (let attempt = 0; attempt < ALLOCATION_ATTEMPTS; attempt++) {
    sink.value = undefined;
    const profiler = new GCProfiler();
    profiler.start();
    const before = usedBytes();
    for (let i = 0; i < runs; i++) sink.value = run();
    const after = usedBytes();
    const collections = profiler.stop()?.statistics.length ?? 0;
    sink.value = undefined;
    if (collections === 0) return (after - before) / runs;
    runs = Math.max(1, Math.floor(runs / 4));
  }
  return undefined;
}

/** The smallest of several GC-free readings: compilation only ever adds to a window, never removes. */
function minimumAllocated(run: () => unknown, repeat: number, windows: number): number | undefined {
  const readings = Array.from({ length: windows }, () => measureAllocated(run, repeat)).filter(
    (reading): reading is number => reading !== undefined,
  );
  return readings.length === 0 ? undefined : Math.min(...readings);
}

/**
 * How many live instances one retained reading holds: enough to total about RETAINED_SAMPLE_BYTES,
 * judged by what one `retain` allocates (all a result can hold; unknown when a GC interrupted it,
 * and then 1), at most MAX_RETAINED_COPIES, and no more than `retain` (timed cold, so generously)
 * can make in RETAINED_WINDOW_MS.
 */
export function retainedCopies(retainAllocatedBytes: number | undefined, retainMs: number): number {
  if (retainAllocatedBytes === undefined) return 1;
  const bySize = Math.ceil(RETAINED_SAMPLE_BYTES / Math.max(retainAllocatedBytes, 16));
  const byTime = Math.floor(RETAINED_WINDOW_MS / Math.max(retainMs, 1e-3));
  return Math.max(1, Math.min(MAX_RETAINED_COPIES, bySize, byTime));
}

/**
 * Retained and allocated bytes of one operation. `retain` makes a fresh instance, runs it once (or,
 * for a ladder's kept stateless instance, takes the answer from that one: runners/operation.ts) and
 * returns what must stay alive (the instance and its answer); `allocate` is the operation whose
 * allocations count. After one warm-up run, allocated bytes are the minimum of three GC-free
 * windows and retained bytes the median of `readings` readings, each over as many live instances
 * as bring the total near RETAINED_SAMPLE_BYTES (retainedCopies); small allocations are measured over several
 * runs (as many as fit in ALLOCATION_WINDOW_MS, given the call's median `callNs`) so the figure is
 * not lost in the heap's granularity.
 */
export function measureMemory(
  retain: () => unknown,
  allocate: () => unknown = retain,
  readings: number = RETAINED_READINGS,
  callNs = 0,
): MemoryFigures {
  const gc = exposedGc();
  if (gc === undefined) {
    return {
      retained_bytes: null,
      allocated_bytes: null,
      memory_note: 'not measured: node runs without --expose-gc',
    };
  }
  // The first runs compile code and allocate feedback vectors, which would count as retained.
  const started = performance.now();
  sink.value = retain();
  const retainMs = performance.now() - started;
  // Light profiles take one reading of each; at most three allocation windows.
  const windows = Math.min(ALLOCATION_READINGS, readings);
  const single = minimumAllocated(allocate, 1, windows);
  const copies = retainedCopies(measureAllocated(retain, 1), retainMs);
  const retainedReadings = Array.from({ length: readings }, () => measureRetained(retain, gc, copies)).sort(
    (a, b) => a - b,
  );
  const retained = retainedReadings[Math.floor(retainedReadings.length / 2)] as number;
  let allocated = single;
  // Repeating only pays for small allocations, and only while the window stays short in time.
  const affordable = callNs > 0 ? Math.floor((ALLOCATION_WINDOW_MS * 1e6) / callNs) : MAX_ALLOCATION_REPEAT;
  if (single !== undefined && single < ALLOCATION_SAMPLE_BYTES && affordable > 1) {
    const wanted = Math.ceil(ALLOCATION_SAMPLE_BYTES / Math.max(single, 16));
    const repeat = Math.min(MAX_ALLOCATION_REPEAT, wanted, affordable);
    allocated = minimumAllocated(allocate, repeat, windows) ?? single;
  }
  return allocated === undefined
    ? {
        retained_bytes: retained,
        allocated_bytes: null,
        memory_note: 'allocation not measured: a GC ran in every attempt',
      }
    : { retained_bytes: retained, allocated_bytes: allocated };
}

/**
 * The memory figures of a cell's operation (measureMemory), absent rather than null when missing,
 * or why there are none: the memory pass calls the variant again, and a variant at the edge of the
 * stack can overflow there too.
 */
export function memoryOfOperation(
  operation: { retain: () => unknown; timed: () => unknown },
  readings: number,
  operationNs: number,
): { retained_bytes?: number; allocated_bytes?: number; memory_note?: string } {
  try {
    const { retained_bytes, allocated_bytes, memory_note } = measureMemory(
      operation.retain,
      operation.timed,
      readings,
      operationNs,
    );
    return {
      ...(retained_bytes === null ? {} : { retained_bytes }),
      ...(allocated_bytes === null ? {} : { allocated_bytes }),
      ...(memory_note === undefined ? {} : { memory_note }),
    };
  } catch (error) {
    const why = isStackOverflow(error) ? 'the memory pass overflowed the stack' : messageOf(error);
    return { memory_note: `not measured: ${why}` };
  }
}

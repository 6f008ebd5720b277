import { memoize as plainMemoize } from '../lib/memoize.ts';
import type { OperationCounts, TableConstructor, Tools } from '../lib/types.ts';

/** The memoizer's full signature, with the cache it may be given (lib/memoize.ts). */
type MemoizeWithCache = typeof plainMemoize;

/**
 * The instrumented pass's tools. They behave like the plain ones but count:
 * - calls and depth through `recursive` (and through the memoized binding of `memoize`);
 * - per call, the *last* cache lookup (a `get`/`has`/indexed read) it makes before it recurses
 *   or returns, as a hit or a miss: that is the lookup that decided whether to compute. So
 *   `key in memo` then `memo[key]` counts once, and a Map of Maps counts its inner lookup;
 * - distinct keys or cells written, as entries;
 * - outside any recursive call (bottom-up loops), each table write as one call (a loop step).
 * This pass is never timed; the timed pass uses `plainTools`. Pass a separately loaded `memoize`
 * (see instrumented.ts) so the timed memoizer never sees a counting cache.
 */
export function createCountingTools(memoize: MemoizeWithCache = plainMemoize): {
  tools: Tools;
  counts: () => OperationCounts;
  reset: () => void;
} {
  let calls = 0;
  let hits = 0;
  let misses = 0;
  let depth = 0;
  let maxDepth = 0;
  /** Active recursive calls, innermost last: the outcome of their latest lookup, until it is decided. */
  const frames: Frame[] = [];
  const entrySets: (() => number)[] = [];

  const lookup = (found: boolean) => {
    const frame = frames.at(-1);
    if (frame !== undefined && !frame.decided) frame.found = found;
  };
  const decide = (frame: Frame | undefined) => {
    if (frame === undefined || frame.decided) return;
    frame.decided = true;
    if (frame.found === true) hits++;
    else if (frame.found === false) misses++;
  };

  const recursive = <F extends (...args: never[]) => unknown>(fn: F): F =>
    ((...args: Parameters<F>) => {
      calls++;
      depth++;
      if (depth > maxDepth) maxDepth = depth;
      decide(frames.at(-1));
      const frame: Frame = { decided: false };
      frames.push(frame);
      try {
        return fn(...args);
      } finally {
        decide(frame);
        frames.pop();
        depth--;
      }
    }) as unknown as F;

  const object = <V>(): Record<string, V> => {
    const target: Record<string, V> = {};
    entrySets.push(() => Object.keys(target).length);
    return new Proxy(target, {
      get(object, key, receiver) {
        const value = Reflect.get(object, key, receiver);
        if (typeof key === 'string') lookup(value !== undefined);
        return value;
      },
      has(object, key) {
        const found = Reflect.has(object, key);
        if (typeof key === 'string') lookup(found);
        return found;
      },
    });
  };

  const map = <K, V>(): Map<K, V> => {
    const counted = new CountingMap<K, V>(lookup);
    entrySets.push(() => counted.size);
    return counted;
  };

  const table = <T extends TableConstructor>(type: T, length: number, fill: number): InstanceType<T> => {
    const target = new type(length).fill(fill) as InstanceType<T>;
    // One byte per cell instead of a Set of indices: a 3000 x 3000 table is 9 MB, not ~200 MB.
    const written = new Uint8Array(length);
    let writtenCount = 0;
    entrySets.push(() => writtenCount);
    return new Proxy(target, {
      get(array, key) {
        const index = typeof key === 'string' ? indexOf(key) : -1;
        if (index !== -1) {
          const value = array[index] as number;
          lookup(value !== fill);
          return value;
        }
        const value = Reflect.get(array, key, array);
        return typeof value === 'function' ? value.bind(array) : value;
      },
      set(array, key, value) {
        const index = typeof key === 'string' ? indexOf(key) : -1;
        if (index !== -1 && index < length) {
          if (written[index] === 0) {
            written[index] = 1;
            writtenCount++;
          }
          if (frames.length === 0) calls++;
        }
        return Reflect.set(array, key, value, array);
      },
    });
  };

  /** Calls that reached functions handed to third-party memoizers (their caches are out of sight). */
  let computed = 0;
  const tools: Tools = {
    recursive,
    object,
    map,
    table,
    memoize: (fn, keyOf) => {
      const cache = new CountingMap<unknown, ReturnType<typeof fn>>(lookup);
      entrySets.push(() => cache.size);
      return recursive(memoize(fn, keyOf, cache));
    },
    memoizeWith: (memoizer, fn) => {
      const reached = (...args: Parameters<typeof fn>) => {
        computed++;
        misses++;
        return fn(...args);
      };
      // Libraries choose their strategy from the function they are given: fast-memoize and memoizee
      // read fn.length, nano-memoize also its source text ("..." means variadic). The stand-in must
      // look like fn, or this pass counts another strategy (memoizee given length 0 keys every call
      // alike and throws "Circular invocation").
      Object.defineProperties(reached, {
        length: { value: fn.length, configurable: true },
        toString: { value: () => fn.toString(), configurable: true, writable: true },
      });
      const memoized = memoizer(reached);
      return recursive((...args) => {
        const before = computed;
        const value = memoized(...args);
        // A call the library answered never reached fn, so nothing was computed during it.
        if (computed === before) hits++;
        return value;
      });
    },
  };
  const counts = (): OperationCounts => ({
    calls,
    cache_hits: hits,
    cache_misses: misses,
    cache_entries: entrySets.reduce((sum, size) => sum + size(), 0),
    max_depth: maxDepth,
  });
  /** Starts counting calls, hits, misses and depth afresh (entries stay: the caches keep them). */
  const reset = () => {
    calls = 0;
    hits = 0;
    misses = 0;
    maxDepth = 0;
  };
  return { tools, counts, reset };
}

/** One active recursive call: whether its latest cache lookup found a value, and whether that is counted yet. */
interface Frame {
  found?: boolean;
  decided: boolean;
}

/** The array index a property key names ("12" -> 12), or -1 ("length", "fill", "01"). Called on every table access, so no RegExp. */
function indexOf(key: string): number {
  const first = key.charCodeAt(0);
  if (!(first >= 48 && first <= 57) || key.length > 15 || (first === 48 && key.length > 1)) return -1;
  const index = Number(key);
  return Number.isInteger(index) ? index : -1;
}

/** A Map that reports each `get`/`has` as a lookup. */
class CountingMap<K, V> extends Map<K, V> {
  constructor(private readonly onLookup: (found: boolean) => void) {
    super();
  }
  override get(key: K): V | undefined {
    const value = super.get(key);
    this.onLookup(value !== undefined || super.has(key));
    return value;
  }
  override has(key: K): boolean {
    const found = super.has(key);
    this.onLookup(found);
    return found;
  }
}

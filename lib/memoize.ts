/**
 * The project's generic memoizer, as a reader would write it: a higher-order function that closes
 * over its own `Map`. `keyOf` turns the arguments into one cache key; by default the first argument
 * is the key, which is right for one-argument functions only (a multi-argument function needs a
 * `keyOf`, for example `(i, j) => i * width + j`).
 */
export function memoize<A extends unknown[], R>(
  fn: (...args: A) => R,
  keyOf: (...args: A) => unknown = (...args) => args[0],
  cache: Map<unknown, R> = new Map(),
): (...args: A) => R {
  return (...args: A): R => {
    const key = keyOf(...args);
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as R;
    const value = fn(...args);
    cache.set(key, value);
    return value;
  };
}

import { memoize } from './memoize.ts';
import type { TableConstructor, Tools } from './types.ts';

/**
 * The tools of the timed pass: each is exactly what the hand-written code would do, so the
 * recursion that is timed carries no instrumentation at all.
 */
export const plainTools: Tools = {
  recursive: (fn) => fn,
  object: () => ({}),
  map: () => new Map(),
  table: <T extends TableConstructor>(type: T, length: number, fill: number) =>
    new type(length).fill(fill) as InstanceType<T>,
  memoize: (fn, keyOf) => memoize(fn, keyOf),
  memoizeWith: (memoizer, fn) => memoizer(fn),
};

import type { ArgumentFacts, StateArg } from './types.ts';

/** A cache key made from a state (the arguments after `self`). */
export type KeyFunction<K> = (state: readonly StateArg[]) => K;

/**
 * The string key of a state, exact for the states it is used on. When every argument is a Number
 * the arguments are joined with ',' ("3,4", the key people write). Otherwise each argument is
 * written with its type (strings quoted as JSON, BigInts with an `n`), which keeps `1` and `"1"`,
 * or `"a,b"` and `"a", "b"`, apart.
 */
export function stringKeyOf(numberStates: boolean, arity: number): KeyFunction<string> {
  if (!numberStates) return (state) => state.map(tagged).join(',');
  if (arity === 1) return (state) => `${state[0]}`;
  if (arity === 2) return (state) => `${state[0]},${state[1]}`;
  return (state) => state.join(',');
}

function tagged(argument: StateArg): string {
  if (typeof argument === 'string') return JSON.stringify(argument);
  return typeof argument === 'bigint' ? `${argument}n` : String(argument);
}

/** A numbering of integer states, row-major (the last argument varies fastest), from each argument's bounds. */
export interface Packing {
  /** The index of a state within the bounds, 0 to cells - 1. */
  index: KeyFunction<number>;
  /** States within the bounds: the product of the arguments' ranges. */
  cells: number;
}

/**
 * Packs integer states into one number from the smallest and largest value each argument takes
 * (found by exploring the input): index = sum of (argument - min) x stride. Undefined when an
 * argument is not always an integer, or when the product of the ranges is not a safe integer.
 */
export function packingOf(facts: readonly ArgumentFacts[]): Packing | undefined {
  const mins: number[] = [];
  const extents: number[] = [];
  for (const fact of facts) {
    if (fact.min === null || fact.max === null) return undefined;
    mins.push(fact.min);
    extents.push(fact.max - fact.min + 1);
  }
  const cells = extents.reduce((product, extent) => product * extent, 1);
  if (!Number.isSafeInteger(cells)) return undefined;
  const strides = extents.map((_, position) =>
    extents.slice(position + 1).reduce((product, extent) => product * extent, 1),
  );
  const [min0 = 0, min1 = 0] = mins;
  const [stride0 = 1] = strides;
  if (facts.length === 1) return { cells, index: (state) => (state[0] as number) - min0 };
  if (facts.length === 2) {
    return { cells, index: (state) => ((state[0] as number) - min0) * stride0 + (state[1] as number) - min1 };
  }
  return {
    cells,
    index: (state) => {
      let index = 0;
      for (let position = 0; position < mins.length; position++) {
        index += ((state[position] as number) - (mins[position] as number)) * (strides[position] as number);
      }
      return index;
    },
  };
}

import type { StateArg } from './types.ts';

/**
 * A map from states of a fixed arity to values, exact for every primitive: one `Map` level per
 * argument (SameValueZero), so no key is built and no two states share one. Used where a key must
 * not be an assumption (the explorer that checks the derived keys).
 */
export class StateStore<V> {
  readonly #root = new Map<StateArg, unknown>();

  constructor(private readonly arity: number) {}

  get(state: readonly StateArg[]): V | undefined {
    const level = this.#level(state, false);
    return level?.get(state[this.arity - 1] as StateArg) as V | undefined;
  }

  set(state: readonly StateArg[], value: V): void {
    this.#level(state, true)!.set(state[this.arity - 1] as StateArg, value);
  }

  delete(state: readonly StateArg[]): void {
    this.#level(state, false)?.delete(state[this.arity - 1] as StateArg);
  }

  /** The innermost Map of a state (created on the way when `create`), or undefined. */
  #level(state: readonly StateArg[], create: boolean): Map<StateArg, unknown> | undefined {
    let level = this.#root;
    for (let position = 0; position < this.arity - 1; position++) {
      const argument = state[position] as StateArg;
      let next = level.get(argument) as Map<StateArg, unknown> | undefined;
      if (next === undefined) {
        if (!create) return undefined;
        next = new Map();
        level.set(argument, next);
      }
      level = next;
    }
    return level;
  }
}

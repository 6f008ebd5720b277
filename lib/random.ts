import type { Rng } from './types.ts';

/**
 * FNV-1a, 32 bit: turns a text key into a seed, so that each suite and size gets its own stream
 * that does not depend on which other cells were run before it.
 */
export function hashSeed(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * mulberry32 (Tommy Ettinger): a 32-bit state generator, small and fast, with a full 2^32 period.
 * Not cryptographic; it only has to make the same inputs on every machine.
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    string: (length, alphabet) => {
      let out = '';
      for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
      return out;
    },
  };
}

/** The generator for one suite at one size: a pure function of (run seed, suite id, n). */
export function rngFor(seed: number, suiteId: string, n: number): Rng {
  return createRng(hashSeed(`${seed}:${suiteId}:${n}`));
}

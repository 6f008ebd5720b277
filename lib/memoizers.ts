import { createRequire } from 'node:module';
import lodashMemoize from 'lodash.memoize';
import memoize from 'memoize';
import memoizee from 'memoizee';
import { memoize as microMemoize } from 'micro-memoize';
import { type Answer, LIBRARY_CONFIGURATIONS, type LibraryVariant, type VariantFactory } from './types.ts';

/**
 * The npm memoizers of the audit (issue 4), each in two configurations: `default`, exactly the basic
 * usage its README shows (no options), and `tuned`, the best documented configuration for a
 * recursive function of the suite's argument shape. A suite adds all of them with
 * `libraryVariants(keyOf, build)`; `build` writes the recursion once, through the binding it is given.
 */

// Three CommonJS packages whose typings declare an ES default export: Node's ESM loader hands an
// import the whole module.exports (for nano-memoize an object, not the function), so they are
// required and typed from their own typings.
const require = createRequire(import.meta.url);
const fastMemoize = require('fast-memoize') as typeof import('fast-memoize').default;
const moize = require('moize') as typeof import('moize').default;
const { nanomemoize } = require('nano-memoize') as { nanomemoize: typeof import('nano-memoize').default };

/** What `t.memoizeWith` takes: wraps a function of the argument list A, with a cache of its own. */
export type Memoizer<A extends unknown[]> = <R>(fn: (...args: A) => R) => (...args: A) => R;

/**
 * The cache key of a multi-argument state, the one the hand-written `closure` variant uses (for
 * example `(i, j) => \`${i},${j}\``); it names every argument, so its `length` is the arity.
 * Undefined for one-argument functions, whose argument is the key.
 */
export type KeyOf<A extends unknown[]> = (...args: A) => string;

/** One configuration of one library: the memoizer and, in one sentence, what it is and why. */
interface Configuration<A extends unknown[]> {
  memoizer: Memoizer<A>;
  how: string;
}

/** Library typings want `(...args: any[]) => any`; the memoized function keeps the signature it was given. */
// biome-ignore lint/suspicious/noExplicitAny: the libraries' own typings are written against any.
type AnyFunction = (...args: any[]) => any;
const as = <A extends unknown[], R>(memoized: unknown) => memoized as (...args: A) => R;

interface Library {
  /** Variant names are `<short>-default` and `<short>-tuned`. */
  short: string;
  package: string;
  default<A extends unknown[]>(): Configuration<A>;
  tuned<A extends unknown[]>(keyOf: KeyOf<A> | undefined): Configuration<A>;
}

const LIBRARIES: readonly Library[] = [
  {
    short: 'lodash',
    package: 'lodash.memoize',
    default: () => ({
      memoizer: (fn) => as(lodashMemoize(fn as AnyFunction)),
      how: '`memoize(fn)` as in the README: the cache key is the first argument only.',
    }),
    tuned: (keyOf) => ({
      memoizer: (fn) => as(lodashMemoize(fn as AnyFunction, keyOf)),
      how:
        keyOf === undefined
          ? '`memoize(fn)`: one argument is the whole key already, so lodash has nothing to tune (same as default).'
          : '`memoize(fn, resolver)` with the resolver returning the closure variant’s key of all arguments, since lodash keys on the first argument only.',
    }),
  },
  {
    short: 'fast-memoize',
    package: 'fast-memoize',
    default: () => ({
      memoizer: (fn) => as(fastMemoize(fn as AnyFunction)),
      how: '`memoize(fn)` as in the README: a one-parameter fn (fn.length = 1) is keyed by its argument, any other by JSON.stringify of the arguments.',
    }),
    tuned: (keyOf) =>
      keyOf === undefined
        ? {
            memoizer: (fn) =>
              as(fastMemoize(fn as AnyFunction, { strategy: fastMemoize.strategies.monadic })),
            how: '`strategy: memoize.strategies.monadic`: the one-argument path stated explicitly rather than guessed from fn.length.',
          }
        : {
            memoizer: (fn) =>
              as(
                fastMemoize(fn as AnyFunction, {
                  serializer: (args) => keyOf(...(args as unknown as Parameters<typeof keyOf>)),
                }),
              ),
            how: '`serializer` returning the closure variant’s key, in place of JSON.stringify of the argument list on every call.',
          },
  },
  {
    short: 'moize',
    package: 'moize',
    default: () => ({
      memoizer: (fn) => as(moize(fn as AnyFunction)),
      how: '`moize(fn)` as in the README: maxSize defaults to 1, so only the latest result is kept.',
    }),
    tuned: () => ({
      memoizer: (fn) => as(moize(fn as AnyFunction, { maxSize: Number.POSITIVE_INFINITY })),
      how: '`maxSize: Infinity` (what `moize.infinite` applies), so that every subproblem stays cached.',
    }),
  },
  {
    short: 'micro-memoize',
    package: 'micro-memoize',
    default: () => ({
      memoizer: (fn) => as(microMemoize(fn as AnyFunction)),
      how: '`memoize(fn)` as in the README: maxSize defaults to 1, so only the latest result is kept.',
    }),
    tuned: () => ({
      memoizer: (fn) => as(microMemoize(fn as AnyFunction, { maxSize: Number.MAX_SAFE_INTEGER })),
      how: '`maxSize: Number.MAX_SAFE_INTEGER`, so that every subproblem stays cached; `Infinity` is not accepted (a maxSize that is not finite falls back to 1).',
    }),
  },
  {
    short: 'memoizee',
    package: 'memoizee',
    default: () => ({
      memoizer: (fn) => as(memoizee(fn as AnyFunction)),
      how: '`memoize(fn)` as in the README: arguments compared by identity, their number read from fn.length.',
    }),
    tuned: (keyOf) => ({
      memoizer: (fn) => as(memoizee(fn as AnyFunction, { primitive: true, length: keyOf?.length ?? 1 })),
      how: '`primitive: true` (the README’s fast mode: the arguments joined into a string key in a hash) with `length` stated, not read from fn.length.',
    }),
  },
  {
    short: 'nano-memoize',
    package: 'nano-memoize',
    default: () => ({
      memoizer: (fn) => as(nanomemoize(fn as AnyFunction)),
      how: '`nanomemoize(fn)` as in the README: a Map for one-parameter functions, a list of argument lists compared one by one otherwise.',
    }),
    tuned: (keyOf) => ({
      memoizer: (fn) => as(nanomemoize(fn as AnyFunction)),
      how:
        keyOf === undefined
          ? '`nanomemoize(fn)`: a one-parameter function already gets its Map; no documented option does better (same as default).'
          : '`nanomemoize(fn)`: no documented option keys a multi-argument function (serializer is for one argument only), so nothing to tune (same as default).',
    }),
  },
  {
    short: 'memoize',
    package: 'memoize',
    default: () => ({
      memoizer: (fn) => as(memoize(fn as AnyFunction)),
      how: '`memoize(fn)` as in the README: the cache key is the first argument only (a Map).',
    }),
    tuned: (keyOf) => ({
      memoizer: (fn) =>
        as(
          memoize(
            fn as AnyFunction,
            keyOf && { cacheKey: (args: unknown[]) => keyOf(...(args as Parameters<typeof keyOf>)) },
          ),
        ),
      how:
        keyOf === undefined
          ? '`memoize(fn)`: one argument is the whole key already, so nothing to tune (same as default).'
          : '`cacheKey` returning the closure variant’s key of all arguments, since the default keys on the first argument only.',
    }),
  },
];

/**
 * The 14 audit variants of a suite and their `libraries` metadata, for one spread each:
 * `variants: { ...handWritten, ...audit.variants }, libraries: audit.libraries`. `build` gets a
 * memoizer and returns the variant factory; it must call `t.memoizeWith(memoizer, fn)` inside the
 * factory, so that every instance gets a cache of its own.
 */
export function libraryVariants<A extends unknown[], I, O extends Answer>(
  keyOf: KeyOf<A> | undefined,
  build: (memoizer: Memoizer<A>) => VariantFactory<I, O>,
): { variants: Record<string, VariantFactory<I, O>>; libraries: Record<string, LibraryVariant> } {
  const variants: Record<string, VariantFactory<I, O>> = {};
  const libraries: Record<string, LibraryVariant> = {};
  for (const library of LIBRARIES) {
    const configurations = { default: library.default<A>(), tuned: library.tuned(keyOf) };
    for (const configuration of LIBRARY_CONFIGURATIONS) {
      const { memoizer, how } = configurations[configuration];
      const name = `${library.short}-${configuration}`;
      variants[name] = build(memoizer);
      libraries[name] = { package: library.package, configuration, how };
    }
  }
  return { variants, libraries };
}

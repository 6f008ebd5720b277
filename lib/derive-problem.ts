import { type KeyOf, libraryVariants } from './memoizers.ts';
import { type KeyFunction, packingOf, stringKeyOf } from './state-keys.ts';
import type {
  Answer,
  Derivation,
  Exploration,
  LibraryVariant,
  ProblemDefinition,
  ProblemInput,
  State,
  StateArg,
  VariantFactory,
} from './types.ts';

/** The recurrence with the types the variants need (they are written once for every state shape). */
type Recurrence = (data: unknown, self: (...state: StateArg[]) => Answer, ...state: StateArg[]) => Answer;
type Input = ProblemInput<unknown, State>;
type Factory = VariantFactory<Input, Answer>;

/** Cells an `array` variant's table may have (64 Mi cells: 512 MiB of Float64). */
export const MAX_TABLE_CELLS = 1 << 26;

/** The largest arity whose library variants get a fixed parameter list (see `fixedArity`). */
export const LIBRARY_MAX_ARITY = 4;

/** The variants derived from a problem, with a note on each, and the library metadata of the audit's. */
export interface DerivedVariants {
  variants: Record<string, Factory>;
  notes: Record<string, string>;
  libraries: Record<string, LibraryVariant>;
}

/**
 * Derives the variants of a problem, each as a reader would write it by hand around the same
 * recurrence and each through the tools, so the counting pass counts them as it counts a suite's:
 * - `naive`: `self` is the recursion itself, no cache;
 * - `dict`: a plain object keyed by the joined state (Number states only: a string state such as
 *   "constructor" would read Object.prototype);
 * - `map-string`: a Map keyed by the state as a string ("i,j");
 * - `map-packed`: a Map keyed by one number: the integer itself, or the state packed row-major from
 *   the bounds the exploration found for this input (integer states);
 * - `map-nested`: a Map of Maps, one level per argument (two or more arguments);
 * - `array`: a typed array indexed by the packed state (integer states, Number values);
 * - `closure`: the project's memoize (lib/memoize.ts), keyed like `map-string`;
 * - `lru-<c>`: a Map used as an LRU cache of c entries;
 * - the audit's npm memoizers in their default and tuned configurations (lib/memoizers.ts).
 * Which apply was decided once, from the exploration at load (`derivation`); each input's own
 * exploration (`input.shape`) gives the bounds, and a variant whose assumption fails at an input
 * throws, naming the variant and the reason.
 */
export function deriveVariants<I, S extends State, R extends Answer>(
  problem: ProblemDefinition<I, S, R>,
  derivation: Derivation,
): DerivedVariants {
  const recurrence = problem.recurrence as unknown as Recurrence;
  const { arity } = derivation;
  const stringKey = stringKeyOf(derivation.number_states, arity);
  /** The key of `closure` and `lru-<c>`: one argument is its own key (memoize's default), else the string key. */
  const exactKey: KeyFunction<unknown> = arity === 1 ? (state) => state[0] : stringKey;
  const variants: Record<string, Factory> = {};
  const notes: Record<string, string> = {};
  const add = (name: string, note: string, factory: Factory) => {
    variants[name] = factory;
    notes[name] = note;
  };

  add('naive', 'Plain recursion: `self` is the function itself, no cache.', (t) => (input) => {
    const { data } = input;
    const self = t.recursive((...state: StateArg[]): Answer => recurrence(data, self, ...state));
    return self(...input.start);
  });

  if (derivation.number_states) {
    add(
      'dict',
      'A plain object keyed by the state joined with "," (every state argument is a Number).',
      (t) => {
        const memo = t.object<Answer>();
        return (input) => {
          const { data } = input;
          const self = t.recursive((...state: StateArg[]): Answer => {
            const key = stringKey(state);
            const cached = memo[key];
            if (cached !== undefined) return cached;
            const value = recurrence(data, self, ...state);
            memo[key] = value;
            return value;
          });
          return self(...input.start);
        };
      },
    );
  }

  add('map-string', `A Map keyed by the state as a string (${keyExample(derivation)}).`, (t) => {
    const memo = t.map<string, Answer>();
    return (input) => {
      const { data } = input;
      const self = t.recursive((...state: StateArg[]): Answer => {
        const key = stringKey(state);
        const cached = memo.get(key);
        if (cached !== undefined) return cached;
        const value = recurrence(data, self, ...state);
        memo.set(key, value);
        return value;
      });
      return self(...input.start);
    };
  });

  if (derivation.integer_states) {
    add(
      'map-packed',
      arity === 1
        ? 'A Map keyed by the integer argument itself.'
        : 'A Map keyed by one number: the state packed row-major, (i - min_i) x stride_i summed, from the bounds each argument takes at this input.',
      (t) => {
        const memo = t.map<number, Answer>();
        return (input) => {
          const { data } = input;
          const key: KeyFunction<number> =
            arity === 1 ? (state) => state[0] as number : packing('map-packed', input).index;
          const self = t.recursive((...state: StateArg[]): Answer => {
            const packed = key(state);
            const cached = memo.get(packed);
            if (cached !== undefined) return cached;
            const value = recurrence(data, self, ...state);
            memo.set(packed, value);
            return value;
          });
          return self(...input.start);
        };
      },
    );
  }

  if (arity >= 2) {
    add('map-nested', `A Map of Maps, ${arity} levels, one per state argument.`, (t) => {
      const memo = t.map<StateArg, unknown>();
      return (input) => {
        const { data } = input;
        const self = t.recursive((...state: StateArg[]): Answer => {
          // Each level is stored before recursing, so deeper calls that share a prefix fill the same Map.
          let level = memo;
          for (let position = 0; position < arity - 1; position++) {
            const argument = state[position] as StateArg;
            let next = level.get(argument) as Map<StateArg, unknown> | undefined;
            if (next === undefined) {
              next = t.map<StateArg, unknown>();
              level.set(argument, next);
            }
            level = next;
          }
          const last = state[arity - 1] as StateArg;
          const cached = level.get(last) as Answer | undefined;
          if (cached !== undefined) return cached;
          const value = recurrence(data, self, ...state);
          level.set(last, value);
          return value;
        });
        return self(...input.start);
      };
    });
  }

  const { table } = derivation;
  if (table !== null) {
    const type = table.type === 'Int32Array' ? Int32Array : Float64Array;
    const { empty } = table;
    add(
      'array',
      `A ${table.type} indexed by the packed state, sized by the bounds of each argument at this input, ${empty} marking an empty cell.`,
      (t) => {
        let memo: Int32Array | Float64Array | undefined;
        let filledFor: Input | undefined;
        return (input) => {
          const { data } = input;
          const { index, cells } = packing('array', input);
          const shape = input.shape as Exploration;
          if (cells > MAX_TABLE_CELLS) {
            throw new Error(
              `array: at n = ${input.n} the table would have ${cells} cells, over ${MAX_TABLE_CELLS}`,
            );
          }
          if (
            !shape.numbers ||
            (table.type === 'Int32Array' && !shape.int32) ||
            shape.watched_seen.includes(empty)
          ) {
            throw new Error(
              `array: at n = ${input.n} the values do not fit a ${table.type} with ${empty} marking an empty cell`,
            );
          }
          // A table belongs to one input: an instance called again on it (warm mode) keeps its cells.
          if (filledFor !== input || memo === undefined) {
            memo = t.table(type, cells, empty);
            filledFor = input;
          }
          const cache = memo;
          const self = t.recursive((...state: StateArg[]): Answer => {
            const key = index(state);
            const cached = cache[key] as number;
            if (cached !== empty) return cached;
            const value = recurrence(data, self, ...state) as number;
            cache[key] = value;
            return value;
          });
          return self(...input.start);
        };
      },
    );
  }

  add(
    'closure',
    `The project's memoize (lib/memoize.ts); the recursion goes through the memoized binding${arity === 1 ? '' : ', keyed like map-string'}.`,
    (t) => {
      let data: unknown;
      const self: (...state: StateArg[]) => Answer = t.memoize(
        (...state: StateArg[]): Answer => recurrence(data, self, ...state),
        arity === 1 ? undefined : (...state: StateArg[]) => stringKey(state),
      );
      return (input) => {
        data = input.data;
        return self(...input.start);
      };
    },
  );

  const capacity = derivation.lru_capacity;
  if (capacity !== null) {
    add(
      `lru-${capacity}`,
      `A Map used as an LRU cache of ${capacity} entries, keyed like closure: the smallest capacity that kept the calls within 2x of an unbounded cache's at n = ${derivation.lru_n} (searched at load).`,
      (t) => {
        const memo = t.map<unknown, Answer>();
        return (input) => {
          const { data } = input;
          const self = t.recursive((...state: StateArg[]): Answer => {
            const key = exactKey(state);
            const cached = memo.get(key);
            if (cached !== undefined) {
              memo.delete(key);
              memo.set(key, cached);
              return cached;
            }
            const value = recurrence(data, self, ...state);
            if (memo.size >= capacity) memo.delete(memo.keys().next().value);
            memo.set(key, value);
            return value;
          });
          return self(...input.start);
        };
      },
    );
  }

  const libraries: Record<string, LibraryVariant> = {};
  if (arity <= LIBRARY_MAX_ARITY) {
    const keyOf =
      arity === 1 ? undefined : (fixedArity(arity, (...state) => stringKey(state)) as KeyOf<StateArg[]>);
    const audit = libraryVariants<StateArg[], Input, Answer>(keyOf, (memoizer) => (t) => {
      let data: unknown;
      const self: (...state: StateArg[]) => Answer = t.memoizeWith(
        memoizer,
        fixedArity(arity, (...state): Answer => recurrence(data, self, ...state)),
      );
      return (input) => {
        data = input.data;
        return self(...input.start);
      };
    });
    for (const [name, factory] of Object.entries(audit.variants)) {
      add(name, (audit.libraries[name] as LibraryVariant).how, factory);
    }
    Object.assign(libraries, audit.libraries);
  }
  return { variants, notes, libraries };
}

/** The bounds of this input's states, or an error naming the variant when the exploration found none. */
function packing(variant: string, input: Input) {
  const found = input.shape === null ? undefined : packingOf(input.shape.arguments);
  if (found === undefined) {
    const why = input.shape_note ?? 'a state argument is not always an integer';
    throw new Error(`${variant}: no bounds for the states at n = ${input.n} (${why})`);
  }
  return found;
}

/** An example of the string key, for the notes. */
function keyExample(derivation: Derivation): string {
  if (!derivation.number_states) return 'each argument written with its type, joined with ","';
  return derivation.arity === 1 ? '"12"' : `"${['i', 'j', 'k', 'l'].slice(0, derivation.arity).join(',')}"`;
}

/**
 * `body` behind a parameter list of `arity` names, as a user would write the function. npm
 * memoizers choose their strategy from it: fast-memoize and memoizee read `fn.length`, nano-memoize
 * looks for '...' in the source, so a rest parameter would make each of them do something else.
 */
function fixedArity<R>(arity: number, body: (...state: StateArg[]) => R): (...state: StateArg[]) => R {
  switch (arity) {
    case 1:
      return (a) => body(a as StateArg);
    case 2:
      return (a, b) => body(a as StateArg, b as StateArg);
    case 3:
      return (a, b, c) => body(a as StateArg, b as StateArg, c as StateArg);
    default:
      return (a, b, c, d) => body(a as StateArg, b as StateArg, c as StateArg, d as StateArg);
  }
}

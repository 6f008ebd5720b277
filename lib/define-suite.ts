import { UsageError } from './errors.ts';
import {
  type Answer,
  LADDER_PROFILES,
  type Profile,
  REQUIRED_VARIANTS,
  type RequiredVariant,
  type SuiteDefinition,
} from './types.ts';

/** Without its own `ci` ladder, a suite's ci sizes are this many of the smallest `quick` sizes. */
export const CI_SIZES = 2;

/** The sizes a suite runs in a profile. */
export function laddersFor(
  suite: Pick<SuiteDefinition<unknown, Answer>, 'sizes'>,
  profile: Profile,
): readonly number[] {
  if (profile === 'ci') return suite.sizes.ci ?? suite.sizes.quick.slice(0, CI_SIZES);
  return suite.sizes[profile];
}

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Checks a suite definition and returns it unchanged. Typing a suite through this function gives
 * the compiler the input and answer types of every variant; the checks catch what types cannot
 * (empty ladders, sizes that are not positive integers, a missing required variant).
 */
export function defineSuite<I, O extends Answer>(definition: SuiteDefinition<I, O>): SuiteDefinition<I, O> {
  const where = `suite '${String(definition.id)}'`;
  if (typeof definition.id !== 'string' || !ID_PATTERN.test(definition.id)) {
    throw new UsageError(`${where}: field 'id' must be kebab-case (a-z, 0-9, '-')`);
  }
  for (const field of ['title', 'description', 'recurrence'] as const) {
    if (typeof definition[field] !== 'string' || definition[field].trim() === '') {
      throw new UsageError(`${where}: field '${field}' must be a non-empty string`);
    }
  }
  if (definition.sequence !== undefined && typeof definition.sequence !== 'boolean') {
    throw new UsageError(`${where}: field 'sequence' must be true or false`);
  }
  if (typeof definition.input !== 'function')
    throw new UsageError(`${where}: field 'input' must be a function`);
  if (typeof definition.reference !== 'function') {
    throw new UsageError(`${where}: field 'reference' must be a function (an independent way to the answer)`);
  }
  const ladders = definition.sizes?.ci === undefined ? LADDER_PROFILES : [...LADDER_PROFILES, 'ci' as const];
  for (const profile of ladders) {
    const ladder = definition.sizes?.[profile];
    if (!Array.isArray(ladder) || ladder.length === 0) {
      throw new UsageError(`${where}: field 'sizes.${profile}' must be a non-empty list of sizes`);
    }
    ladder.forEach((n, index) => {
      if (!Number.isSafeInteger(n) || n < 1) {
        throw new UsageError(`${where}: sizes.${profile}[${index}] = ${String(n)} is not a positive integer`);
      }
      if (index > 0 && n <= (ladder[index - 1] as number)) {
        throw new UsageError(
          `${where}: sizes.${profile} must be strictly ascending (${String(n)} at ${index})`,
        );
      }
    });
  }
  for (const name of REQUIRED_VARIANTS) {
    if (typeof definition.variants?.[name] !== 'function') {
      throw new UsageError(
        `${where}: required variant '${name}' is missing (required: ${REQUIRED_VARIANTS.join(', ')})`,
      );
    }
  }
  for (const name of Object.keys(definition.libraries ?? {})) {
    if (definition.variants[name] === undefined)
      throw new UsageError(`${where}: libraries.${name} names no variant`);
  }
  for (const [name, factory] of Object.entries(definition.variants)) {
    if (!ID_PATTERN.test(name)) throw new UsageError(`${where}: variant name '${name}' must be kebab-case`);
    if (typeof factory !== 'function') throw new UsageError(`${where}: variant '${name}' must be a function`);
  }
  return definition;
}

/**
 * Variant names of a suite: the required ones first, then the extras in definition order. A suite
 * derived from a problem (lib/define-problem.ts) has only the required variants that can be derived.
 */
export function variantNames(definition: { variants: object }): string[] {
  const names = Object.keys(definition.variants);
  const extras = names.filter((name) => !REQUIRED_VARIANTS.includes(name as RequiredVariant));
  return [...REQUIRED_VARIANTS.filter((name) => names.includes(name)), ...extras];
}

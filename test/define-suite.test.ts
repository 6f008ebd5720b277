import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineSuite, variantNames } from '../lib/define-suite.ts';
import { UsageError } from '../lib/errors.ts';
import type { Answer, SuiteDefinition } from '../lib/types.ts';
import { fixtureSuite } from './helpers.ts';

function broken(change: (definition: Record<string, unknown>) => void): () => unknown {
  const definition: Record<string, unknown> = { ...fixtureSuite() };
  change(definition);
  return () => defineSuite(definition as unknown as SuiteDefinition<number, Answer>);
}

describe('defineSuite()', () => {
  it('returns a valid definition unchanged', () => {
    const suite = fixtureSuite();
    assert.equal(defineSuite(suite), suite);
  });

  it('names the suite and the field of every problem', () => {
    const cases: [string, (d: Record<string, unknown>) => void, RegExp][] = [
      ['bad id', (d) => (d.id = 'Bad Id'), /suite 'Bad Id': field 'id' must be kebab-case/],
      ['no title', (d) => (d.title = ''), /suite 'fixture': field 'title'/],
      ['no reference', (d) => delete d.reference, /field 'reference' must be a function/],
      ['no input', (d) => (d.input = 3), /field 'input' must be a function/],
      [
        'size zero',
        (d) => (d.sizes = { quick: [0, 1], default: [1], full: [1] }),
        /sizes\.quick\[0\] = 0 is not a positive integer/,
      ],
      [
        'fractional',
        (d) => (d.sizes = { quick: [1], default: [1.5], full: [2] }),
        /sizes\.default\[0\] = 1\.5/,
      ],
      [
        'descending',
        (d) => (d.sizes = { quick: [1], default: [1], full: [3, 2] }),
        /sizes\.full must be strictly ascending/,
      ],
      [
        'empty ladder',
        (d) => (d.sizes = { quick: [], default: [1], full: [1] }),
        /field 'sizes\.quick' must be a non-empty list/,
      ],
      [
        'missing variant',
        (d) => {
          const { map: _map, ...rest } = d.variants as Record<string, unknown>;
          d.variants = rest;
        },
        /required variant 'map' is missing \(required: naive, dict, map, closure, bottom-up\)/,
      ],
      ['sequence type', (d) => (d.sequence = 'yes'), /field 'sequence' must be true or false/],
    ];
    for (const [name, change, message] of cases) {
      assert.throws(
        broken(change),
        (error: unknown) => error instanceof UsageError && message.test(error.message),
        name,
      );
    }
  });
});

describe('variantNames()', () => {
  it('lists the required variants first, then the extras in definition order', () => {
    const suite = fixtureSuite({ zeta: () => (n: number) => n, array: () => (n: number) => n });
    assert.deepEqual(variantNames(suite), ['naive', 'dict', 'map', 'closure', 'bottom-up', 'zeta', 'array']);
  });
});

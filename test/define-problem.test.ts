import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_PROBLEM_SIZES, defineProblem } from '../lib/define-problem.ts';
import { variantNames } from '../lib/define-suite.ts';
import { UsageError } from '../lib/errors.ts';
import { loadSuites } from '../lib/registry.ts';
import type { Cell, ProblemDefinition, StateArg, Suite } from '../lib/types.ts';
import { compileChildCode } from '../runners/child-code.ts';
import { InputStore } from '../runners/inputs.ts';
import { runIsolated } from '../runners/isolated.ts';
import { climbLadder } from '../runners/ladder.ts';
import { discoverJob, fakeMeasure, field, TEST_OPTIONS } from './helpers.ts';

const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));

type Self = (...state: StateArg[]) => number;
/** Ways to climb k stairs with steps of 1 or 2: a valid problem to break one field at a time. */
function stairs(): Record<string, unknown> {
  return {
    id: 'stairs-test',
    title: 'Stairs',
    input: (n: number) => n,
    start: (n: number) => [n],
    recurrence: (_: number, self: Self, k: number): number => (k < 2 ? 1 : self(k - 1) + self(k - 2)),
    reference: (n: number) => {
      let [a, b] = [1, 1];
      for (let k = 1; k < n; k++) [a, b] = [b, a + b];
      return b;
    },
    sizes: [2, 4, 8],
  };
}

function define(change: (definition: Record<string, unknown>) => void = () => undefined) {
  const definition = stairs();
  change(definition);
  return defineProblem(definition as unknown as ProblemDefinition<number, [number], number>);
}

async function climb(suite: ReturnType<typeof define>, variant: string): Promise<Cell[]> {
  const loaded = { ...suite, file: 'test/problem.ts', path: '/nonexistent/problem.ts' } as unknown as Suite;
  const cells: Cell[] = [];
  const ladder = climbLadder({
    suite: loaded,
    variant,
    sizes: suite.sizes.quick,
    options: TEST_OPTIONS,
    runner: 'tinybench',
    inputs: new InputStore(loaded, 1),
    measure: fakeMeasure(),
    phase: 'discover',
  });
  for await (const cell of ladder) cells.push(cell);
  return cells;
}

describe('defineProblem()', () => {
  it('names the problem and the field of every mistake in one line', () => {
    const cases: [string, (d: Record<string, unknown>) => void, RegExp][] = [
      ['bad id', (d) => (d.id = 'Stairs Test'), /^problem 'Stairs Test': field 'id' must be kebab-case/],
      [
        'no title',
        (d) => delete d.title,
        /^problem 'stairs-test': field 'title' must be a non-empty string$/,
      ],
      ['empty description', (d) => (d.description = ' '), /field 'description' must be a non-empty string/],
      ['formula not a string', (d) => (d.formula = 3), /field 'formula' must be a non-empty string/],
      ['no input', (d) => delete d.input, /field 'input' must be a function$/],
      ['start not a function', (d) => (d.start = [1]), /field 'start' must be a function$/],
      ['no recurrence', (d) => delete d.recurrence, /field 'recurrence' must be a function$/],
      ['reference not a function', (d) => (d.reference = 3), /field 'reference' must be a function/],
      ['empty sizes', (d) => (d.sizes = []), /field 'sizes' must be a non-empty list of sizes/],
      ['size zero', (d) => (d.sizes = [0, 1]), /sizes\[0\] = 0 is not a positive integer/],
      ['fractional size', (d) => (d.sizes = [1, 2.5]), /sizes\[1\] = 2\.5 is not a positive integer/],
      ['descending sizes', (d) => (d.sizes = [4, 2]), /field 'sizes' must be strictly ascending \(2 at 1\)/],
      [
        'input throws',
        (d) =>
          (d.input = () => {
            throw new Error('no data');
          }),
        /field 'input' threw at n = 2: no data/,
      ],
      [
        'start throws',
        (d) =>
          (d.start = () => {
            throw new Error('oops');
          }),
        /field 'start' threw at n = 2: oops/,
      ],
      [
        'start not an array',
        (d) => (d.start = (n: number) => n),
        /field 'start' must return a non-empty array of arguments \(got 2\)/,
      ],
      [
        'start empty',
        (d) => (d.start = () => []),
        /field 'start' must return a non-empty array of arguments \(got \[\]\)/,
      ],
      [
        'start with an object',
        (d) => (d.start = (n: number) => [{ n }]),
        /field 'start' returned a object at position 0; state arguments must be numbers, strings, bigints or booleans/,
      ],
      [
        'start of the wrong arity',
        (d) => (d.start = (n: number) => [n, 0]),
        /^problem 'stairs-test': field 'start' returns 2 argument\(s\) but field 'recurrence' declares 1 after \(input, self\)/,
      ],
    ];
    for (const [name, change, expected] of cases) {
      assert.throws(
        () => define(change),
        (error: unknown) =>
          error instanceof UsageError && expected.test(error.message) && !error.message.includes('\n'),
        name,
      );
    }
  });

  it('returns a suite: the problem’s sizes in every profile, the variants it derived, its notes', () => {
    const suite = define();
    assert.deepEqual(suite.sizes, { quick: [2, 4, 8], default: [2, 4, 8], full: [2, 4, 8] });
    assert.deepEqual(variantNames(suite).slice(0, 6), [
      'naive',
      'dict',
      'closure',
      'map-string',
      'map-packed',
      'array',
    ]);
    assert.equal(suite.description, 'Stairs.');
    assert.match(suite.recurrence, /self\(k\s*-\s*1\)\s*\+\s*self\(k\s*-\s*2\)/);
    assert.equal(define((d) => (d.formula = 'S(k) = S(k-1) + S(k-2)')).recurrence, 'S(k) = S(k-1) + S(k-2)');
    assert.equal(suite.derivation.probe_n, 8);
    assert.equal(suite.derivation.reference, 'given');
    assert.ok(Object.keys(suite.notes ?? {}).every((name) => name in suite.variants));
    assert.deepEqual(define((d) => delete d.sizes).sizes.quick, DEFAULT_PROBLEM_SIZES);
  });

  it('says when no independent reference was given, and checks against the recurrence', async () => {
    const suite = define((d) => delete d.reference);
    assert.equal(suite.derivation.reference, 'recurrence');
    assert.match(
      suite.description,
      /No independent reference was given: every variant is checked against the recurrence/,
    );
    const cells = await climb(suite, 'map-string');
    assert.deepEqual(
      cells.map((cell) => [cell.status, field(cell, 'result')]),
      [
        ['ok', '2'],
        ['ok', '5'],
        ['ok', '34'],
      ],
    );
  });

  it('runs a recurrence that throws into error cells naming the field and the state', async () => {
    const suite = define(
      (d) =>
        (d.recurrence = (_: number, self: Self, k: number): number => {
          if (k === 5) throw new Error('no step from 5');
          return k < 2 ? 1 : self(k - 1) + self(k - 2);
        }),
    );
    assert.match(
      suite.derivation.probe_note ?? '',
      /n = 8: field 'recurrence' threw at self\(5\): no step from 5/,
    );
    const cells = await climb(suite, 'closure');
    assert.deepEqual(
      cells.map((cell) => cell.status),
      ['ok', 'ok', 'error'],
    );
    assert.match(
      cells[2]?.message ?? '',
      /problem 'stairs-test': field 'recurrence' threw at self\(5\): no step from 5/,
    );
  });

  it('runs a reference that disagrees into wrong-answer cells', async () => {
    const cells = await climb(
      define((d) => (d.reference = (n: number) => n)),
      'array',
    );
    assert.deepEqual(
      cells.map((cell) => [cell.status, cell.message]),
      [
        ['ok', undefined],
        ['wrong-answer', 'expected 4 (reference), got 5'],
        ['skipped', 'wrong answer at n = 4'],
      ],
    );
  });

  it('derives no npm-memoizer variants past four state arguments, and fewer strategies for strings', () => {
    const five = defineProblem({
      id: 'five',
      title: 'Five arguments',
      input: (n) => n,
      start: (n) => [n, 0, 0, 0, 0],
      recurrence: (_, self, a, b, c, d, e): number => (a === 0 ? b + c + d + e : self(a - 1, b + 1, c, d, e)),
      sizes: [3],
    });
    assert.deepEqual(Object.keys(five.libraries ?? {}), []);
    assert.ok('map-nested' in five.variants && 'array' in five.variants);
    const words = defineProblem({
      id: 'words',
      title: 'Suffixes',
      input: (n) => 'ab'.repeat(n),
      start: (text) => [text],
      recurrence: (_, self, text): number => (text === '' ? 0 : 1 + self(text.slice(1))),
      sizes: [2, 4],
    });
    assert.deepEqual(words.derivation.probe?.arguments, [{ kinds: ['string'], min: null, max: null }]);
    assert.ok(
      !('dict' in words.variants) && !('map-packed' in words.variants) && !('array' in words.variants),
    );
  });
});

describe('a problem file', () => {
  it('is a suite file: the registry loads the examples as suites', async () => {
    const suites = await loadSuites(EXAMPLES);
    assert.deepEqual(
      suites.map((suite) => [suite.id, suite.file]),
      [
        ['fibonacci-problem', 'examples/fibonacci.ts'],
        ['hofstadter-g', 'examples/hofstadter-g.ts'],
        ['min-path-sum', 'examples/min-path-sum.ts'],
      ],
    );
  });

  it('derives the same variants whatever the stack size of the process that loads it', async () => {
    const script = `
      import suite from './examples/hofstadter-g.ts';
      console.log(Object.keys(suite.variants).join(' '));`;
    const variantsWith = (kib: number) =>
      execFileSync(
        process.execPath,
        [`--stack-size=${kib}`, '--import', 'tsx', '--input-type=module', '-e', script],
        {
          cwd: new URL('..', import.meta.url),
          encoding: 'utf8',
        },
      ).trim();
    const [suite] = (await loadSuites(EXAMPLES)).filter((candidate) => candidate.id === 'hofstadter-g');
    const here = Object.keys(suite!.variants).join(' ');
    assert.equal(variantsWith(300), here);
    assert.equal(variantsWith(4000), here);
  });

  it('runs in a compiled child process, counted by a copy of its own', async () => {
    const [suite] = (await loadSuites(EXAMPLES)).filter((candidate) => candidate.id === 'min-path-sum');
    const code = await compileChildCode([suite!.path]);
    try {
      const compiled = (await import(pathToFileURL(code.suiteModule(suite!.path)).href)).default;
      const counting = (
        await import(`${pathToFileURL(code.suiteModule(suite!.path)).href}?instance=counting`)
      ).default;
      assert.notEqual(counting.variants.array, compiled.variants.array);
      assert.deepEqual(Object.keys(compiled.variants), Object.keys(suite!.variants));
      const job = discoverJob({ suite: suite!, variant: 'array', sizes: [2, 8, 16] });
      const cells: Cell[] = [];
      const options = { ...TEST_OPTIONS, isolate: 'process' as const };
      for await (const cell of runIsolated({ job, options, code })) cells.push(cell);
      assert.deepEqual(
        cells.map((cell) => [cell.n, cell.status, field(cell, 'calls'), field(cell, 'cache_entries')]),
        [2, 8, 16].map((n) => [n, 'ok', 2 * n * n - 2 * n + 1, n * n]),
      );
    } finally {
      await code.dispose();
    }
  });
});

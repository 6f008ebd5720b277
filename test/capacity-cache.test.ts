import assert from 'node:assert/strict';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { CapacityCurve } from '../lib/types.ts';
import { type CurveParameters, capacityCodeKeys, openCapacityCache } from '../runners/capacity-cache.ts';
import { tempDir } from './helpers.ts';

const DEFINE_PROBLEM = fileURLToPath(new URL('../lib/define-problem.ts', import.meta.url));

/** A problem file importing a helper beside it (absolute imports, so it can live in a temporary folder). */
function problemSource(comment: string): string {
  return `// ${comment}
import { defineProblem } from '${DEFINE_PROBLEM}';
import { MODULUS } from './helper.ts';
export default defineProblem({
  id: 'keyed',
  title: 'Fibonacci modulo a helper constant',
  input: (n) => n,
  start: (n) => [n],
  recurrence: (_n, self, k): number => (k < 2 ? k : (self(k - 1) + self(k - 2)) % MODULUS),
  sizes: [4, 8],
});
`;
}

const PARAMETERS: CurveParameters = {
  seed: 1,
  sizes: [4, 8],
  variant: 'closure',
  factor: 2,
  curve_limit_factor: 10,
  max_calls: 100,
};

const CURVE: CapacityCurve = {
  suite: 'keyed',
  variant: 'closure',
  factor: 2,
  curve_limit_factor: 10,
  max_calls: 100,
  sizes: [],
  stopped_by: 'call-limit',
  note: 'at n = 4 an unbounded cache makes more than 100 calls; larger sizes were not run',
};

describe('capacityCodeKeys()', () => {
  let dir = '';
  let file = '';
  before(async () => {
    dir = await tempDir('memobench-capacity-keys-');
    file = join(dir, 'keyed.ts');
    await writeFile(join(dir, 'helper.ts'), 'export const MODULUS = 1_000_007;\n');
    await writeFile(file, problemSource('first'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('gives a suite file the same key until the file, or a file it imports, changes', async () => {
    const first = (await capacityCodeKeys([file])).get(file);
    assert.match(first ?? '', /^[0-9a-f]{32}$/);
    assert.equal((await capacityCodeKeys([file])).get(file), first);
    // Any edit to the file itself counts, even one the bundle would not show.
    await writeFile(file, problemSource('second'));
    const edited = (await capacityCodeKeys([file])).get(file);
    assert.ok(edited !== undefined && edited !== first);
    await writeFile(join(dir, 'helper.ts'), 'export const MODULUS = 1_000_009;\n');
    const helper = (await capacityCodeKeys([file])).get(file);
    assert.ok(helper !== undefined && helper !== edited);
  });

  it('gives no key to a file that cannot be bundled', async () => {
    const broken = join(dir, 'broken.ts');
    await writeFile(broken, 'export default defineProblem({ id: ');
    assert.equal((await capacityCodeKeys([broken])).size, 0);
  });
});

describe('openCapacityCache()', () => {
  let dir = '';
  before(async () => {
    dir = await tempDir('memobench-capacity-store-');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('returns what was stored for the same key and parameters, and nothing otherwise', async () => {
    const cache = openCapacityCache(join(dir, 'nested', 'cache'));
    assert.equal(await cache.get('key', PARAMETERS), undefined);
    await cache.set('key', PARAMETERS, CURVE);
    assert.deepEqual(await cache.get('key', PARAMETERS), CURVE);
    assert.equal(await cache.get('other key', PARAMETERS), undefined);
    assert.equal(await cache.get('key', { ...PARAMETERS, seed: 2 }), undefined);
  });

  it('reads a damaged file as missing', async () => {
    const cache = openCapacityCache(dir);
    await cache.set('key', PARAMETERS, CURVE);
    for (const name of await readdir(dir)) {
      if (name.endsWith('.json')) await writeFile(join(dir, name), '{"suite": 1}');
    }
    assert.equal(await cache.get('key', PARAMETERS), undefined);
  });
});

import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { countingCodeKeys, openCountsCache } from '../runners/counts-cache.ts';
import { tempDir } from './helpers.ts';

const DEFINE_SUITE = fileURLToPath(new URL('../lib/define-suite.ts', import.meta.url));

/** A suite file whose naive variant adds `extra` to its recursion (any change to the code). */
const suiteText = (extra: string) => `
import { defineSuite } from ${JSON.stringify(DEFINE_SUITE)};
const id = () => (n: number) => n;
export default defineSuite<number, number>({
  id: 'tmp', title: 'T', description: 'D', recurrence: 'f(n) = n',
  complexity: { naive: 'O(n)', memoized: 'O(n)' },
  input: (n) => n, reference: (n) => n,
  sizes: { quick: [1], default: [1], full: [1] },
  variants: {
    naive: (t) => { const f = t.recursive((n: number): number => (n === 0 ? 0 : f(n - 1) + 1${extra})); return f; },
    dict: id, map: id, closure: id, 'bottom-up': id,
  },
});
`;

const ladder = { variant: 'naive', cache_mode: 'cold' as const, seed: 1 };
const counted = {
  counts: { calls: 11, cache_hits: 0, cache_misses: 0, cache_entries: 0, max_depth: 11 },
  instance: 'shared' as const,
};

describe('countingCodeKeys()', () => {
  it('keys a suite by its code: the same file gives the same key, a changed file a new one', async () => {
    const dir = await tempDir();
    const file = join(dir, 'tmp.ts');
    const other = join(dir, 'other.ts');
    await writeFile(file, suiteText(''));
    await writeFile(other, suiteText(''));
    const keys = await countingCodeKeys([file, other]);
    const first = keys.get(file);
    assert.match(first ?? '', /^[0-9a-f]{32}$/);
    assert.equal((await countingCodeKeys([file])).get(file), first);
    await writeFile(file, suiteText(' + 0'));
    const changed = (await countingCodeKeys([file, other])).get(file);
    assert.notEqual(changed, first);
    assert.equal(
      (await countingCodeKeys([other])).get(other),
      keys.get(other),
      'the unchanged file keeps its key',
    );
  });

  it('gives no key (no caching) for code that cannot be bundled', async () => {
    const dir = await tempDir();
    const broken = join(dir, 'broken.ts');
    await writeFile(broken, 'import { nothing } from "./missing.ts";\nexport default nothing;\n');
    assert.equal((await countingCodeKeys([broken])).size, 0);
  });
});

describe('openCountsCache()', () => {
  it('keeps what a counting pass found for the next run of the same code, and nothing for other code', async () => {
    const dir = await tempDir();
    const dir2 = join(dir, 'cache');
    const dirFile = join(await tempDir(), 'tmp.ts');
    await writeFile(dirFile, suiteText(''));
    const key = (await countingCodeKeys([dirFile])).get(dirFile) as string;
    const store = openCountsCache(dir2);
    store.record(key, ladder, 10, counted);
    await store.flush();

    const next = openCountsCache(dir2);
    assert.deepEqual([...(await next.known(key, ladder))], [[10, counted]]);
    assert.equal((await next.known(key, { ...ladder, seed: 2 })).size, 0, 'another seed, other inputs');
    assert.equal((await next.known(key, { ...ladder, cache_mode: 'warm' })).size, 0);
    assert.equal((await next.known(key, { ...ladder, variant: 'dict' })).size, 0);

    // A changed suite file is other code: its entries are never found under the new key.
    await writeFile(dirFile, suiteText(' + 0'));
    const changed = (await countingCodeKeys([dirFile])).get(dirFile) as string;
    assert.equal((await openCountsCache(dir2).known(changed, ladder)).size, 0);
  });

  it('merges with what another run wrote meanwhile, and reads a damaged file as empty', async () => {
    const dir = await tempDir();
    const a = openCountsCache(dir);
    const b = openCountsCache(dir);
    a.record('k', ladder, 1, counted);
    b.record('k', ladder, 2, counted);
    await a.flush();
    await b.flush();
    assert.deepEqual([...(await openCountsCache(dir).known('k', ladder)).keys()].sort(), [1, 2]);
    await writeFile(join(dir, 'k.json'), '{"naive/cold/1/1": {"counts": "wrong"}}');
    assert.equal((await openCountsCache(dir).known('k', ladder)).size, 0);
  });
});

import assert from 'node:assert/strict';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { UsageError } from '../lib/errors.ts';
import { createRunDir } from '../scripts/run-dir.ts';
import { tempDir } from './helpers.ts';

describe('createRunDir()', () => {
  it('never reuses a folder: runs started in the same second get distinct folders', async () => {
    const root = await tempDir();
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const date = new Date('2026-11-24T12:34:56Z');
      const dirs = await Promise.all([1, 2, 3].map(() => createRunDir('quick', undefined, date)));
      assert.equal(new Set(dirs).size, 3);
      assert.deepEqual((await readdir(join(root, 'results'))).sort(), [
        '20261124-123456-quick',
        '20261124-123456-quick-2',
        '20261124-123456-quick-3',
      ]);
    } finally {
      process.chdir(cwd);
    }
  });

  it('accepts a new or empty --out folder and refuses a non-empty one', async () => {
    const root = await tempDir();
    assert.equal(await createRunDir('quick', join(root, 'new')), join(root, 'new'));
    assert.equal(await createRunDir('quick', join(root, 'new')), join(root, 'new'), 'empty folder is fine');
    await writeFile(join(root, 'new', 'results.json'), '{}');
    await assert.rejects(
      createRunDir('quick', join(root, 'new')),
      (error: unknown) => error instanceof UsageError && /folder exists and is not empty/.test(error.message),
    );
  });
});

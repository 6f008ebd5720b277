import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from './helpers.ts';

const ROOT = join(import.meta.dirname, '..');

/** scripts/install-node.sh with its cache in `cache` and npm pointed at `registry`. */
function install(cache: string, args: string[], registry = 'http://127.0.0.1:9/') {
  return spawnSync('bash', [join(ROOT, 'scripts', 'install-node.sh'), ...args], {
    encoding: 'utf8',
    // Port 9 (discard) on the loopback: npm fails at once, no request leaves the machine.
    env: {
      ...process.env,
      MEMOBENCH_NODE_CACHE: cache,
      npm_config_registry: registry,
      npm_config_fetch_retries: '0',
    },
  });
}

/** A stand-in `node` binary in the cache that reports `version`. */
async function fakeNode(cache: string, major: string, version: string): Promise<string> {
  const bin = join(cache, major, 'node_modules', 'node', 'bin');
  await mkdir(bin, { recursive: true });
  const node = join(bin, 'node');
  await writeFile(node, `#!/bin/sh\necho ${version}\n`);
  await chmod(node, 0o755);
  return node;
}

describe('scripts/install-node.sh', () => {
  it('prints the binary of a major version already installed, and only that on stdout', async () => {
    const cache = await tempDir();
    try {
      const node = await fakeNode(cache, '22', 'v22.23.3');
      const run = install(cache, ['22']);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout, `${node}\n`);
      assert.match(run.stderr, /Node v22\.23\.3 is already installed/);
    } finally {
      await rm(cache, { recursive: true, force: true });
    }
  });

  it('says in one line why it cannot install, and fails', async () => {
    const cache = await tempDir();
    try {
      // Another major in the folder is not taken for the one asked.
      await fakeNode(cache, '24', 'v20.20.2');
      const run = install(cache, ['24']);
      assert.equal(run.status, 1);
      assert.equal(run.stdout, '');
      const lines = run.stderr.trim().split('\n');
      assert.equal(lines.length, 1, run.stderr);
      assert.match(
        lines[0] ?? '',
        /^install-node: cannot install Node 24: 'npm install node@24' failed .*install\.log$/,
      );
      assert.ok((await readFile(join(cache, '24', 'install.log'), 'utf8')).length > 0, 'npm output kept');
    } finally {
      await rm(cache, { recursive: true, force: true });
    }
  });

  it('rejects a missing or malformed version with exit code 2', () => {
    for (const args of [[], ['v22'], ['latest']]) {
      const run = install('/nonexistent', args);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, /^install-node: usage: /);
    }
  });
});

import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(import.meta.dirname, '..');
const read = (path: string) => readFile(join(ROOT, path), 'utf8');

/**
 * Test files that start processes but stay off the other Node versions, and why. Everything else
 * that starts a process runs there: the child processes are where Node versions differ (how V8
 * dies, what it prints, signals, compiled child code, tsx's loader, heap figures).
 */
const NODE_20_ONLY: Record<string, string> = {
  'test/cli.test.ts': 'runs bench only into usage errors, which stop before any child process',
  'test/report-regenerate.test.ts': 'runs report, which starts no child process (about 60 s a version)',
  'test/commands-ab.test.ts': 'ab times git revisions on the Node that benchmarks (about 50 s a version)',
  'test/install-node.test.ts': 'tests the script that installs the other versions',
  'test/commands-ab-instructions.test.ts':
    'runs ab --measure instructions only into usage errors (git, no benchmark)',
  'test/instructions-e2e.test.ts':
    'tier 1 counts under valgrind with the Node that benchmarks; counts compare only within one Node version',
  'test/define-problem.test.ts':
    'its one child run loads a problem file through the compiled-child path that child-code.test.ts covers',
};

/** The files `npm run test:children` passes to node --test. */
async function childrenTests(): Promise<string[]> {
  const scripts = JSON.parse(await read('package.json')).scripts as Record<string, string>;
  const command = scripts['test:children'] ?? '';
  assert.match(command, /^node --import tsx --test /);
  return command.split(' ').filter((word) => word.startsWith('test/'));
}

describe('.ci/run on Node 22 and 24', () => {
  it('runs the whole check on the machine’s Node, then test:children on 22 and 24, then the benchmarks', async () => {
    const lines = (await read('.ci/run')).split('\n').filter((line) => !line.startsWith('#'));
    const at = (pattern: RegExp) => lines.findIndex((line) => pattern.test(line));
    const loop = at(/^for major in 22 24; do$/);
    assert.ok(at(/npm run check$/) >= 0 && at(/npm run check$/) < loop);
    assert.ok(at(/="\$\(bash scripts\/install-node\.sh "\$major"\)"$/) > loop);
    const run = at(/npm run test:children$/);
    assert.match(lines[run] ?? '', /^\s+PATH="\$\(dirname "\$node_bin"\):\$PATH" npm run test:children$/);
    assert.ok(run > loop && run < at(/^done$/));
    // Benchmarks keep the machine's Node: they come after the loop, whose PATH was its own.
    assert.ok(at(/^npm run bench -- /) > at(/^done$/) && at(/^\s*npm run bench:check /) > at(/^done$/));
  });

  it('runs tier 1 against HEAD~1 after the tests, deepening a shallow clone, and says so when there is no parent', async () => {
    const text = await read('.ci/run');
    const lines = text.split('\n').filter((line) => !line.startsWith('#'));
    const at = (pattern: RegExp) => lines.findIndex((line) => pattern.test(line));
    assert.ok(
      at(/^bash scripts\/install-valgrind\.sh/) >= 0 &&
        at(/^bash scripts\/install-valgrind\.sh/) < at(/npm run check$/),
    );
    const tier1 = at(
      /^\s+npm run bench -- ab --base HEAD~1 --measure instructions --profile ci --audit --suite fibonacci,lcs,knapsack,stairs --out /,
    );
    assert.ok(tier1 > at(/^done$/));
    assert.ok(at(/git fetch --quiet --deepen=1/) < tier1);
    assert.match(text, /echo "== tier 1 skipped: HEAD has no parent commit here/);
  });

  it('test:children runs every test file that starts a process, except those set apart with a reason', async () => {
    const listed = await childrenTests();
    // This file only names the patterns.
    const files = (await readdir(join(ROOT, 'test'))).filter(
      (name) => name.endsWith('.test.ts') && name !== 'ci-node-versions.test.ts',
    );
    for (const name of files) {
      const path = `test/${name}`;
      const text = await read(path);
      const startsProcesses = /from 'node:child_process'|\b(runIsolated|spawnChild|compileChildCode)\(/.test(
        text,
      );
      if (!startsProcesses || path in NODE_20_ONLY) continue;
      assert.ok(
        listed.includes(path),
        `${path} starts processes: add it to test:children or to NODE_20_ONLY`,
      );
    }
    for (const path of listed)
      assert.ok(files.includes(path.slice('test/'.length)), `${path} does not exist`);
    for (const path of Object.keys(NODE_20_ONLY)) assert.ok(!listed.includes(path), path);
  });
});

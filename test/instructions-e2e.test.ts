/**
 * Tier 1 end to end under valgrind, on one small ladder: this checkout against a copy of itself
 * whose stairs/dict does extra work once per operation (dict builds an instance per operation). Skipped (with the reason) where valgrind
 * or a C compiler is missing. About 5 valgrind processes of a few seconds each.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { instructionOutcome } from '../checks/instructions.ts';
import { instructionGate } from '../scripts/commands/_tier1.ts';
import { cellPlan } from '../runners/instructions/plan.ts';
import { tempDir } from './helpers.ts';

const ROOT = join(import.meta.dirname, '..');

/** Why the test cannot run here, or undefined. */
function missing(): string | undefined {
  for (const [tool, args] of [
    ['valgrind', ['--version']],
    [process.env.CC ?? 'cc', ['--version']],
  ] as const) {
    try {
      execFileSync(tool, args, { stdio: 'ignore' });
    } catch {
      return `${tool} is not installed (bash scripts/install-valgrind.sh)`;
    }
  }
  return undefined;
}

/** A copy of this checkout's suites and lib whose stairs/dict runs `iterations` more loop steps per operation. */
async function slowerCopy(iterations: number): Promise<string> {
  const copy = await tempDir();
  for (const name of ['lib', 'suites', 'package.json'])
    await cp(join(ROOT, name), join(copy, name), { recursive: true });
  await symlink(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  const file = join(copy, 'suites', 'stairs.ts');
  const text = await readFile(file, 'utf8');
  const from = '    dict: (t) => {\n';
  assert.ok(text.includes(from));
  const burn = `let burnSink = 0;\nfunction burn(r: number): number {\n  for (let i = 0; i < r; i++) burnSink = (burnSink + i) | 0;\n  return burnSink;\n}\n`;
  await writeFile(file, `${burn}${text.replace(from, `${from}      burn(${iterations});\n`)}`);
  return copy;
}

describe('instructionGate() under valgrind', { skip: missing() }, () => {
  it('flags a regression of a few percent in the changed ladder only, after an A/A self-check that agrees', {
    timeout: 300_000,
  }, async () => {
    // 40 loop steps of about 13 instructions each: tens of percent of stairs/dict's operation.
    const head = await slowerCopy(40);
    const ladders = ['dict', 'map'].map((variant) => ({
      suite: 'stairs',
      variant,
      file: 'stairs.cjs',
      cells: [cellPlan(4, 1_000), cellPlan(8, 10_000)],
    }));
    const result = await instructionGate({
      base: ROOT,
      head,
      dir: await tempDir(),
      ladders,
      seed: 1,
      cache_mode: 'cold',
      threshold_pct: 1,
      jobs: 2,
      progress: () => {},
    });
    const verdicts = result.rows.map((row) => `${row.variant}/${row.n} ${row.verdict}`);
    assert.deepEqual(verdicts, [
      'dict/4 regressed',
      'dict/8 regressed',
      'map/4 unchanged',
      'map/8 unchanged',
    ]);
    // 40 steps of the loop cost about 537 instructions (13.4 each) on top of the operation.
    for (const row of result.rows.slice(0, 2)) {
      const added = (row.head ?? 0) - (row.base ?? 0);
      assert.ok(added > 450 && added < 650, `n = ${row.n}: ${added} instructions added per operation`);
    }
    assert.deepEqual(result.confirmed, ['stairs/dict']);
    assert.equal(result.self_check.disagreeing.length, 0);
    assert.ok(result.self_check.cells >= 2);
    assert.equal(instructionOutcome(result.rows, result.self_check), 'regressed');
  });
});

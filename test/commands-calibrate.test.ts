import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { calibrateCommand } from '../scripts/commands/calibrate.ts';
import { runFixture } from './checks-fixture-runs.ts';
import { tempDir } from './helpers.ts';

async function capture(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await calibrateCommand(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

describe('npm run bench -- calibrate', () => {
  it('prints the calibration of two runs and writes it on request', async () => {
    const a = await runFixture(21);
    const b = await runFixture(22);
    const file = join(await tempDir(), 'calibration.md');
    const result = await capture([a.dir, b.dir, '--markdown', file]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /\| time per call, all suites \| \d+ \| \d+ \(\d+\.\d%\) \|/);
    assert.equal(await readFile(file, 'utf8'), result.stdout);
  });

  it('exits 2 with one line naming a run that is not there', async () => {
    const result = await capture(['/nonexistent/run-a', '/nonexistent/run-b']);
    assert.equal(result.code, 2);
    assert.equal(result.stderr.trim().split('\n').length, 1);
    assert.match(result.stderr, /nonexistent\/run-a: no such folder or file/);
  });
});

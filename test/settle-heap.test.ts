import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { settleHeap } from '../runners/settle-heap.ts';

const MODULE = fileURLToPath(new URL('../runners/settle-heap.ts', import.meta.url));

describe('settleHeap()', () => {
  it('does nothing without --expose-gc', () => {
    assert.equal(settleHeap(), 'none');
  });

  it('collects fully when the heap grew by more than the threshold since, else only the young generation', () => {
    // In a process with gc exposed: the first call collects fully (the heap grew from 0), the next
    // only scavenges, and 16 MB of new live data brings a full collection back.
    const script = `
      const { settleHeap } = await import(${JSON.stringify(MODULE)});
      const seen = [settleHeap(), settleHeap()];
      const kept = Array.from({ length: 400_000 }, (_, i) => ({ i, s: 'x' + i }));
      seen.push(settleHeap(), settleHeap(), kept.length > 0 ? 'kept' : '');
      console.log(seen.join(' '));`;
    const output = execFileSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script],
      { encoding: 'utf8' },
    );
    assert.equal(output.trim(), 'full minor full minor kept');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { partInstructions } from '../runners/instructions/callgrind-output.ts';

/** A callgrind output with --combine-dumps=yes: a header, then one part per dump. */
function output(summaries: string[], events = 'Ir'): string {
  const parts = summaries.map(
    (summary, i) => `part: ${i + 1}\ndesc: Trigger: Client Request\nfn=(1) main\n0 5\nsummary: ${summary}\n`,
  );
  return `# callgrind format\nversion: 1\ncreator: callgrind-3.19.0\ncmd: node harness.cjs\nevents: ${events}\n\n${parts.join('\n')}totals: 1\n`;
}

describe('partInstructions()', () => {
  it('reads the Ir summary of every part, in order', () => {
    assert.deepEqual(partInstructions(output(['120000', '888', '119500', '42'])), [120000, 888, 119500, 42]);
  });

  it('reads the Ir column when other events come first', () => {
    assert.deepEqual(partInstructions(output(['7 1000 3', '9 2000 4'], 'Dr Ir Dw')), [1000, 2000]);
  });

  it('reads a single-dump file without part lines', () => {
    const text = '# callgrind format\nevents: Ir\nfn=(1) main\n0 5\nsummary: 5\n';
    assert.deepEqual(partInstructions(text), [5]);
  });

  it('refuses what is not callgrind output, a file without Ir, an unreadable summary and a lost part', () => {
    assert.throws(() => partInstructions('hello'), /not a callgrind output file/);
    assert.throws(() => partInstructions(output(['1'], 'Dr')), /without an Ir event/);
    assert.throws(() => partInstructions(output(['x'])), /unreadable summary line/);
    const lost = output(['1', '2']).replace(/summary: 2\n/, '');
    assert.throws(() => partInstructions(lost), /2 parts but 1 summaries/);
  });
});

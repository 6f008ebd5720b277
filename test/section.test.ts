import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Table } from '../lib/types.ts';
import { htmlWriter, markdownWriter, type SectionWriter } from '../reports/section.ts';

const table: Table<string> = {
  title: 'Rows',
  sortable: false,
  rows: ['<b>x</b>'],
  columns: [{ header: 'text', text: (row) => row }],
};

/** One section written through any writer: the same calls for both outputs. */
function section<Out>(write: SectionWriter<Out>): Out[] {
  return [write.heading('Claims <checked>'), write.paragraph('text | *x*', '“Quote”'), write.table(table)];
}

describe('markdownWriter', () => {
  it('writes a level-2 heading, a paragraph with its lead in bold, and the table, escaped', () => {
    assert.deepEqual(section(markdownWriter), [
      '## Claims \\<checked\\>',
      '**“Quote”** text \\| \\*x\\*',
      '**Rows**\n\n| text |\n|---|\n| \\<b\\>x\\</b\\> |',
    ]);
  });
});

describe('htmlWriter', () => {
  it('writes the same section as HTML elements, escaped', () => {
    assert.deepEqual(section(htmlWriter), [
      '<h2>Claims &#60;checked&#62;</h2>',
      '<p><strong>“Quote”</strong> text | *x*</p>',
      '<table><caption>Rows</caption><thead><tr><th scope="col">text</th></tr></thead><tbody>\n<tr><td>&#60;b&#62;x&#60;/b&#62;</td></tr>\n</tbody></table>',
    ]);
    assert.equal(htmlWriter.paragraph('plain'), '<p>plain</p>');
  });
});

describe('code spans in a paragraph', () => {
  it('are code in both outputs, their text shown as it is and the prose around them escaped', () => {
    const text = 'Use `map-string` or `<b>` | *x*, not `';
    assert.equal(markdownWriter.paragraph(text), 'Use `map-string` or `<b>` \\| \\*x\\*, not \\`');
    assert.equal(
      htmlWriter.paragraph(text),
      '<p>Use <code>map-string</code> or <code>&#60;b&#62;</code> | *x*, not `</p>',
    );
  });
});

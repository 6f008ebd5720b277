import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adviceVerdict } from '../reports/advice.ts';
import { htmlWriter, markdownWriter } from '../reports/section.ts';
import { VERDICT_NOTES, verdictSection } from '../reports/verdict-section.ts';
import { adviceFixture } from './advice-fixture.ts';
import { reportFixture } from './report-fixture.ts';

describe('verdictSection()', () => {
  it('opens an advise run with its verdict in sentences, then the table per suite and how to read it', () => {
    const results = adviceFixture();
    const sentences = adviceVerdict(results)?.sentences ?? [];
    const blocks = verdictSection(results, markdownWriter);
    assert.equal(blocks[0], '## Verdict');
    assert.equal(blocks[1], `**grid:** ${sentences[0]}`);
    assert.equal(blocks.length, 1 + sentences.length + 2);
    // Variant names are code spans, in Markdown and in HTML.
    assert.ok(blocks.some((block) => block.startsWith('Use `array`: at n = 16')));
    assert.match(blocks.at(-2) ?? '', /^\*\*Verdict per suite\*\*\n\n\| suite \|/);
    assert.equal(blocks.at(-1), markdownWriter.paragraph(VERDICT_NOTES));
    const html = verdictSection(results, htmlWriter).join('\n');
    assert.match(html, /<p>Use <code>array<\/code>: at n = 16/);
  });

  it('opens a bench run with the table alone', () => {
    const blocks = verdictSection(reportFixture(), htmlWriter);
    assert.equal(blocks.length, 3);
    assert.equal(blocks[0], '<h2>Verdict</h2>');
    assert.match(blocks[1] ?? '', /^<table class="sortable"><caption>Verdict per suite<\/caption>/);
  });
});

import { htmlEscape, markdownSafe } from '../lib/escape.ts';
import { htmlTable, markdownTable } from '../lib/tables.ts';
import type { Table } from '../lib/types.ts';

/**
 * A section of prose and tables written once and put into summary.md and report.html alike: the
 * section calls a writer, and each output supplies its own. Text is plain, but for code spans in
 * backticks; the writers escape it.
 */
export interface SectionWriter<Out> {
  heading(text: string): Out;
  /** A paragraph; `lead`, when given, is stressed before the text. */
  paragraph(text: string, lead?: string): Out;
  table<Row>(table: Table<Row>): Out;
}

/**
 * A paragraph's text with its code spans (`name`, e.g. a variant) written by `code` and the rest by
 * `prose`, each escaping for its output: a verdict names variants the way a terminal shows them.
 */
function withCode(text: string, prose: (text: string) => string, code: (text: string) => string): string {
  return text
    .split(/`([^`\n]+)`/)
    .map((part, index) => (index % 2 === 1 ? code(part) : prose(part)))
    .join('');
}

/** Writes a section as Markdown blocks (join them with blank lines). */
export const markdownWriter: SectionWriter<string> = {
  heading: (text) => `## ${markdownSafe(text)}`,
  // A code span shows its text as it is, so only the text itself goes in: no escapes to show.
  paragraph: (text, lead) =>
    (lead === undefined ? '' : `**${markdownSafe(lead)}** `) +
    withCode(text, markdownSafe, (code) => `\`${code}\``),
  table: (table) => markdownTable(table).join('\n'),
};

/** Writes a section as HTML elements. */
export const htmlWriter: SectionWriter<string> = {
  heading: (text) => `<h2>${htmlEscape(text)}</h2>`,
  paragraph: (text, lead) =>
    `<p>${lead === undefined ? '' : `<strong>${htmlEscape(lead)}</strong> `}${withCode(text, htmlEscape, (code) => `<code>${htmlEscape(code)}</code>`)}</p>`,
  table: htmlTable,
};

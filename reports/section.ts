import { htmlEscape, markdownSafe } from '../lib/escape.ts';
import { htmlTable, markdownTable } from '../lib/tables.ts';
import type { Table } from '../lib/types.ts';

/**
 * A section of prose and tables written once and put into summary.md and report.html alike: the
 * section calls a writer, and each output supplies its own. Text is plain; the writers escape it.
 */
export interface SectionWriter<Out> {
  heading(text: string): Out;
  /** A paragraph; `lead`, when given, is stressed before the text. */
  paragraph(text: string, lead?: string): Out;
  table<Row>(table: Table<Row>): Out;
}

/** Writes a section as Markdown blocks (join them with blank lines). */
export const markdownWriter: SectionWriter<string> = {
  heading: (text) => `## ${markdownSafe(text)}`,
  paragraph: (text, lead) => (lead === undefined ? '' : `**${markdownSafe(lead)}** `) + markdownSafe(text),
  table: (table) => markdownTable(table).join('\n'),
};

/** Writes a section as HTML elements. */
export const htmlWriter: SectionWriter<string> = {
  heading: (text) => `<h2>${htmlEscape(text)}</h2>`,
  paragraph: (text, lead) =>
    `<p>${lead === undefined ? '' : `<strong>${htmlEscape(lead)}</strong> `}${htmlEscape(text)}</p>`,
  table: htmlTable,
};

import { htmlEscape, markdownSafe } from './escape.ts';
import type { Table, TableColumn } from './types.ts';

/**
 * The two renderers of a Table (lib/types.ts): Markdown for summary.md and the checks, HTML for
 * report.html. Every text of a table is escaped here and nowhere else, headers and title included.
 */

/** The table as GitHub-flavoured Markdown lines: its title in bold, a blank line, then the table. */
export function markdownTable<Row>(table: Table<Row>): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const rows = table.rows.map((row) =>
    line(
      table.columns.map((column) => {
        const text = markdownSafe(column.text(row));
        return column.strong?.(row) ? `**${text}**` : text;
      }),
    ),
  );
  return [
    ...(table.title === undefined ? [] : [`**${markdownSafe(table.title)}**`, '']),
    line(table.columns.map((column) => markdownSafe(column.header))),
    `|${table.columns.map((column) => (column.numeric ? '---:' : '---')).join('|')}|`,
    ...rows,
  ];
}

function headerCell<Row>(column: TableColumn<Row>, sortable: boolean): string {
  const header = htmlEscape(column.header);
  // The unit says what a numeric column sorts by, since its text may use other units (µs, ms, s).
  const numeric = column.numeric
    ? ` data-type="number" class="num" title="${htmlEscape(`sorted by value (${column.unit})`)}"`
    : '';
  return `<th scope="col"${numeric}>${sortable ? `<button type="button">${header}</button>` : header}</th>`;
}

function bodyCell<Row>(column: TableColumn<Row>, row: Row): string {
  const text = htmlEscape(column.text(row));
  const content = column.strong?.(row) ? `<strong>${text}</strong>` : text;
  if (!column.numeric) return `<td>${content}</td>`;
  const key = column.sort(row);
  const sort = key !== undefined && Number.isFinite(key) ? ` data-sort="${key}"` : '';
  return `<td class="num"${sort}>${content}</td>`;
}

/** The table as one HTML element; a sortable one gets buttons in its headers (report.html's client script sorts). */
export function htmlTable<Row>(table: Table<Row>): string {
  const caption = table.title === undefined ? '' : `<caption>${htmlEscape(table.title)}</caption>`;
  const head = table.columns.map((column) => headerCell(column, table.sortable)).join('');
  const body = table.rows
    .map((row) => `<tr>${table.columns.map((column) => bodyCell(column, row)).join('')}</tr>`)
    .join('\n');
  return `<table${table.sortable ? ' class="sortable"' : ''}>${caption}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/**
 * Text from suites (ids, titles, answers, messages) goes into CSV, Markdown and HTML; these keep
 * it inert there.
 */

/** A spreadsheet treats a cell starting with = + - @ (or tab/CR) as a formula; a leading quote keeps it text. */
export function csvSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?n?$/.test(text) ? `'${text}` : text;
}

/** Escapes Markdown table syntax and inline HTML. */
export function markdownSafe(text: string): string {
  return text.replace(/[\\|`*_<>[\]]/g, (ch) => `\\${ch}`).replace(/\r?\n/g, ' ');
}

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

/** Escapes text for HTML element content and quoted attribute values. */
export function htmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * JSON that is safe inside a <script> element: every <, > and & becomes a \u escape (so neither
 * "</script>" nor "<!--" can appear), and so do U+2028/U+2029. JSON.parse reads it back unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Reads a callgrind output file written with `--combine-dumps=yes`: one part per dump (each
 * CALLGRIND_DUMP_STATS of the harness, then the one callgrind writes when the process ends), each
 * with a `summary:` line, the instructions (event Ir) counted since the counters were last zeroed.
 * Only the summaries are read; the per-function costs below them are not needed.
 */

/** The instructions of each part, in order: the harness's segments first, then the end-of-process dump. */
export function partInstructions(text: string): number[] {
  if (!text.startsWith('# callgrind format')) throw new Error('not a callgrind output file');
  const events = /^events:\s*(.+)$/m.exec(text)?.[1]?.trim().split(/\s+/) ?? [];
  const column = events.indexOf('Ir');
  if (column === -1) throw new Error(`callgrind output without an Ir event (events: ${events.join(' ')})`);
  const parts: number[] = [];
  for (const match of text.matchAll(/^summary:\s*(.+)$/gm)) {
    const value = Number((match[1] as string).trim().split(/\s+/)[column]);
    if (!Number.isSafeInteger(value)) throw new Error(`unreadable summary line: ${match[0]}`);
    parts.push(value);
  }
  const declared = [...text.matchAll(/^part:\s*\d+$/gm)].length;
  if (declared !== parts.length && !(declared === 0 && parts.length === 1)) {
    throw new Error(`callgrind output has ${declared} parts but ${parts.length} summaries`);
  }
  return parts;
}

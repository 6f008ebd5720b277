import type { Results } from '../lib/types.ts';
import { adviceVerdict } from './advice.ts';
import { runVerdictRows, runVerdictTable } from './run-verdict.ts';
import type { SectionWriter } from './section.ts';

/** How the verdict table's columns are read, stated under it. */
export const VERDICT_NOTES =
  'Memoization pays from: the smallest n from which a variant is faster than naive with separated 95% intervals at every larger n both were timed at (the earliest such variant). Fastest cache: the fastest variant but naive at the largest n every verified variant but naive was timed at. Bytes per entry: retained bytes after one call over cache entries, of the fastest variant that keeps its entries. Deepest top-down n: the largest n a recursive variant was timed at below its first stack overflow (depth: frames, exact). Smallest sufficient LRU capacity: the fewest entries of an LRU cache whose calls stay within 2x of an unbounded cache’s, at the largest n of the exact capacity curve.';

/**
 * The opening section of summary.md and report.html, the answer before the evidence: an advise
 * run's verdict in sentences, then one row per suite; written once, for both outputs.
 */
export function verdictSection<Out>(results: Results, writer: SectionWriter<Out>): Out[] {
  const advice = adviceVerdict(results);
  return [
    writer.heading('Verdict'),
    ...(advice === null
      ? []
      : advice.sentences.map((sentence, index) =>
          index === 0 ? writer.paragraph(sentence, `${advice.suite}:`) : writer.paragraph(sentence),
        )),
    writer.table(runVerdictTable(runVerdictRows(results))),
    writer.paragraph(VERDICT_NOTES),
  ];
}

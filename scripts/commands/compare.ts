import { compareRuns } from '../../checks/compare.ts';
import { comparisonMarkdown } from '../../checks/markdown.ts';
import type { Comparison } from '../../checks/types.ts';
import { writeFileAtomic } from '../../lib/atomic-write.ts';
import { messageOf, UsageError } from '../../lib/errors.ts';
import { type CommandIo, EXIT, guard, nonEmptyPath, parse, program } from '../cli-kit.ts';
import { addCompareOptions, loadRun, settingsFrom } from './_program.ts';

/** Writes a report file, as a one-line UsageError when the path cannot be written. */
export async function writeReport(path: string, contents: string): Promise<void> {
  try {
    await writeFileAtomic(path, contents);
  } catch (error) {
    throw new UsageError(`cannot write ${path}: ${messageOf(error)}`);
  }
}

/** The comparison as JSON (every cell, with full precision). */
export function comparisonJson(comparison: Comparison): string {
  return `${JSON.stringify(comparison, null, 1)}\n`;
}

/**
 * `npm run bench -- compare <runA> <runB>`: compares two result sets and prints the comparison as
 * Markdown. Exit 0: nothing regressed; 1: an exact field differs or a cell regressed; 2: bad input.
 */
export async function compareCommand(argv: string[], io: CommandIo): Promise<number> {
  return guard('memobench compare', io, async () => {
    const command = addCompareOptions(
      program(
        'npm run bench -- compare',
        'Compares run B (after) with run A (before): exact fields (answers, operation counts, complexity ' +
          'class) always; times per cell with statistics when both ran on the same machine, else only the ' +
          'ratios between variants of each run. Exit 0: nothing regressed; 1: regressed or an exact field ' +
          'differs; 2: bad input.',
        io,
      ),
    )
      .argument('<runA>', 'run folder or results.json before the change')
      .argument('<runB>', 'run folder or results.json after the change')
      .option('--json <file>', 'also write the comparison as JSON (every cell)', nonEmptyPath('--json'))
      .option('--markdown <file>', 'also write the Markdown printed here', nonEmptyPath('--markdown'));
    if (parse(command, argv) === null) return EXIT.ok;
    const [pathA, pathB] = command.args as [string, string];
    const options = command.opts();
    const [runA, runB] = await Promise.all([loadRun(pathA), loadRun(pathB)]);
    const comparison = compareRuns(
      runA.results,
      runB.results,
      { a: runA.file, b: runB.file },
      settingsFrom(options),
    );
    const markdown = comparisonMarkdown(comparison);
    io.stdout(markdown);
    if (typeof options.json === 'string') await writeReport(options.json, comparisonJson(comparison));
    if (typeof options.markdown === 'string') await writeReport(options.markdown, markdown);
    return comparison.failed ? EXIT.failure : EXIT.ok;
  });
}

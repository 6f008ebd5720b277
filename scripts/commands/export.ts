import { Option } from 'commander';
import { exportText } from '../../checks/exports.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../../lib/types.ts';
import { type CommandIo, EXIT, guard, nonEmptyPath, parse, program } from '../cli-kit.ts';
import { loadRun } from './_program.ts';
import { writeReport } from './compare.ts';

/**
 * `npm run bench -- export <run> --format github-action-benchmark|bencher [--out file]`: the run's
 * median times per call (and exact call counts for Bencher) in another tool's input format.
 * Without --out the JSON goes to stdout. Exit 0 written; 2 bad input.
 */
export async function exportCommand(argv: string[], io: CommandIo): Promise<number> {
  return guard('memobench export', io, async () => {
    const command = program(
      'npm run bench -- export',
      "Writes a run's results in the input format of github-action-benchmark (customSmallerIsBetter) " +
        'or Bencher (Bencher Metric Format JSON). Exit 0: written; 2: bad input.',
      io,
    )
      .argument('<run>', 'run folder or results.json')
      .addOption(new Option('--format <name>', 'output format').choices(EXPORT_FORMATS).makeOptionMandatory())
      .option('--out <file>', 'write to this file instead of stdout', nonEmptyPath('--out'));
    if (parse(command, argv) === null) return EXIT.ok;
    const { results } = await loadRun(command.args[0] as string);
    const options = command.opts();
    const text = exportText(results, options.format as ExportFormat);
    if (typeof options.out === 'string') {
      await writeReport(options.out, text);
      io.stdout(`Wrote ${options.out} (${options.format})\n`);
    } else io.stdout(text);
    return EXIT.ok;
  });
}

import { calibrationMarkdown } from '../../checks/calibration-markdown.ts';
import { calibrate } from '../../checks/calibration.ts';
import { type CommandIo, EXIT, guard, nonEmptyPath, parse, program } from '../cli-kit.ts';
import { loadRun } from './_program.ts';
import { writeReport } from './compare.ts';

/**
 * `npm run bench -- calibrate <runA> <runB>`: how many of run B's times and speedups lie inside run
 * A's 95% intervals (two runs of the same code on the same machine). Exit 0, or 2 on bad input: a
 * calibration reports, it does not judge.
 */
export async function calibrateCommand(argv: string[], io: CommandIo): Promise<number> {
  return guard('memobench calibrate', io, async () => {
    const command = program(
      'npm run bench -- calibrate',
      "Checks run A's 95% intervals against run B, an independent run of the same code on the same " +
        "machine: the share of run B's medians and speedups (over naive and bottom-up) inside them, the " +
        'intervals’ median half-width and how far figures moved. Exit 0; 2: bad input.',
      io,
    )
      .argument('<runA>', 'run folder or results.json whose intervals are tested')
      .argument('<runB>', 'run folder or results.json of the second run')
      .option('--markdown <file>', 'also write the Markdown printed here', nonEmptyPath('--markdown'));
    if (parse(command, argv) === null) return EXIT.ok;
    const [pathA, pathB] = command.args as [string, string];
    const [runA, runB] = await Promise.all([loadRun(pathA), loadRun(pathB)]);
    const markdown = calibrationMarkdown(calibrate(runA.results, runB.results, [runA.file, runB.file]));
    io.stdout(markdown);
    const file = command.opts().markdown;
    if (typeof file === 'string') await writeReport(file, markdown);
    return EXIT.ok;
  });
}

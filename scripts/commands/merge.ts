import { join, relative } from 'node:path';
import { mergeShards } from '../../checks/merge-shards.ts';
import { writeResults } from '../../lib/results-file.ts';
import { writeReports } from '../../reports/write-reports.ts';
import { type CommandIo, EXIT, guard, nonEmptyPath, parse, program } from '../cli-kit.ts';
import { createRunDir } from '../run-dir.ts';
import { loadRun } from './_program.ts';

/**
 * `npm run bench -- merge <dirs...> --out <dir>`: joins the result sets of a run made in shards
 * (`--shard i/n`, every other option the same) into the one the unsharded run would have written,
 * with results.json and every report. Exit 0 merged; 2 bad input (a shard missing or given twice,
 * other options, overlapping cells, an incomplete shard, an --out folder that is not empty).
 */
export async function mergeCommand(argv: string[], io: CommandIo): Promise<number> {
  return guard('memobench merge', io, async () => {
    const command = program(
      'npm run bench -- merge',
      'Joins the result sets of the shards of one run (--shard 1/n ... n/n, same options otherwise) ' +
        'into one result set, equal on every exact field to the unsharded run. Exit 0: merged; 2: bad input.',
      io,
    )
      .argument('<dirs...>', 'the run folders (or results.json files) of every shard')
      .requiredOption(
        '--out <dir>',
        'folder to write the merged result set into (new or empty)',
        nonEmptyPath('--out'),
      );
    if (parse(command, argv) === null) return EXIT.ok;
    const targets = command.args;
    const sets = await Promise.all(
      targets.map(async (target) => {
        const { file, results } = await loadRun(target);
        return { source: file, results };
      }),
    );
    const merged = mergeShards(sets, ['memobench', 'merge', ...argv].join(' '));
    const dir = await createRunDir(merged.options.profile, command.opts().out as string);
    await writeResults(join(dir, 'results.json'), merged);
    const written = await writeReports(dir, merged);
    io.stdout(
      `Merged ${sets.length} shards (${merged.cells.length} cells) into ${relative('.', dir) || dir}/: results.json, ${written.join(', ')}\n`,
    );
    return EXIT.ok;
  });
}

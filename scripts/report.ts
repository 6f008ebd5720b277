import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { messageOf, UsageError } from '../lib/errors.ts';
import { readResults } from '../lib/results-file.ts';
import { writeReports } from '../reports/write-reports.ts';
import { type CommandIo, EXIT, runMain } from './cli-kit.ts';
import { locateResults } from './commands/_program.ts';

const HELP = `Usage: npm run report -- <run-dir>

Rebuilds every report of an earlier run from its results.json alone, without measuring again:
results.csv, charts/*.vl.json, charts/*.svg, charts/*.png, report.html and summary.md.
<run-dir> is the folder a bench run wrote (or the path of its results.json).

Options:
  -h, --help  show this help

Exit codes: 0 reports written, 2 bad input (no such folder, no or invalid results.json), 1 other failure.

Example:
  npm run report -- results/20260101-120000-quick
`;

async function main(argv: string[], io: CommandIo): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: { help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // parseArgs explains at length; one line naming the option is enough here.
    const option = /'([^']+)'/.exec(messageOf(error))?.[1];
    throw new UsageError(
      option ? `unknown option '${option}' (valid: --help)` : `${messageOf(error)} (see --help)`,
    );
  }
  if (parsed.values.help) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  const [target, ...extra] = parsed.positionals;
  if (target === undefined) throw new UsageError('missing <run-dir> (see --help)');
  if (extra.length > 0) throw new UsageError(`one run folder at a time (got also ${JSON.stringify(extra)})`);
  const file = await locateResults(target);
  const dir = dirname(file);
  const results = await readResults(file);
  if (!results.complete) {
    io.stderr(`memobench report: ${file} is from an unfinished run; reporting the cells it has\n`);
  }
  const written = await writeReports(dir, results);
  io.stdout(`Wrote ${join(dir, '/')}: ${written.join(', ')}\n`);
  return EXIT.ok;
}

void runMain('memobench report', (io) => main(process.argv.slice(2), io));

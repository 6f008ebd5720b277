import { relative } from 'node:path';
import { laddersFor, variantNames } from '../lib/define-suite.ts';
import { messageOf, UsageError } from '../lib/errors.ts';
import { loadSuites } from '../lib/registry.ts';
import type { Profile, Suite } from '../lib/types.ts';
import { planLadders, selectSuites, shardLadders } from '../runners/plan.ts';
import { FAILURE_STATUSES, runBench } from '../runners/run.ts';
import { summarizeRun, summaryText } from '../reports/summary.ts';
import { writeReports } from '../reports/write-reports.ts';
import { parseBenchArgs, resolveOptions } from './cli.ts';
import { createRunDir } from './run-dir.ts';

/** Exit codes: 0 all verified, 1 a variant was wrong or failed, 2 bad input. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

function listSuites(suites: readonly Suite[], profile: Profile): string {
  return suites
    .map((suite) => {
      const sizes = laddersFor(suite, profile).join(', ');
      return `${suite.id}: ${suite.title}\n  variants: ${variantNames(suite).join(', ')}\n  sizes (${profile}): ${sizes}`;
    })
    .join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseBenchArgs(argv);
  if (args.help) return EXIT.ok;
  const all = await loadSuites();
  const suites = selectSuites(all, args.suites);
  if (args.list) {
    process.stdout.write(`${listSuites(suites, args.profile)}\n`);
    return EXIT.ok;
  }
  const options = resolveOptions(args);
  const plan = shardLadders(planLadders(suites, options.variants, options.profile), options.shard);
  const dir = await createRunDir(options.profile, args.out);
  const where = options.isolate === 'process' ? 'each in its own child process' : 'all in this process';
  process.stderr.write(
    `memobench: ${plan.length} ladders (${where}), profile ${options.profile}, cache ${options.cache_mode}, runner ${options.runner}; writing to ${relative('.', dir) || dir}\n`,
  );
  const results = await runBench({
    options,
    suites: suites.filter((suite) => plan.some((ladder) => ladder.suite === suite)),
    plan,
    dir,
    command: ['memobench', ...argv].join(' '),
    progress: process.stderr,
  });
  const written = await writeReports(dir, results);
  process.stdout.write(`\n${summaryText(summarizeRun(results))}\n\n`);
  process.stdout.write(
    `Run took ${(results.elapsed_ms / 1000).toFixed(1)} s. Wrote ${relative('.', dir) || dir}/: results.json, ${written.join(', ')}\n`,
  );
  const failures = results.cells.filter((cell) => FAILURE_STATUSES.has(cell.status));
  for (const cell of failures) {
    process.stderr.write(
      `memobench: ${cell.status}: ${cell.suite} / ${cell.variant} / n = ${cell.n}: ${cell.message ?? ''}\n`,
    );
  }
  return failures.length > 0 ? EXIT.failure : EXIT.ok;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`memobench: ${messageOf(error)}\n`);
    process.exitCode = error instanceof UsageError ? EXIT.usage : EXIT.failure;
  },
);

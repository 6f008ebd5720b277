import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';

/** The workflow files, parsed: the steps that matter are checked, not the text. */
interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  'continue-on-error'?: boolean;
  'timeout-minutes'?: number;
  strategy?: { matrix?: Record<string, unknown[]> };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const ROOT = join(import.meta.dirname, '..');
async function workflow(name: string): Promise<Workflow> {
  return parse(await readFile(join(ROOT, '.github', 'workflows', name), 'utf8')) as Workflow;
}
/** A GitHub expression as written in the workflow, e.g. expression('matrix.node') is "${{ matrix.node }}". */
const expression = (name: string) => `\${{ ${name} }}`;
const runs = (job: Job) => job.steps.map((step) => step.run ?? '').join('\n');

describe('.github/workflows/bench.yml', () => {
  it('runs on pull requests with Node 20, 22 and 24', async () => {
    const file = await workflow('bench.yml');
    assert.ok('pull_request' in file.on);
    const job = file.jobs.check as Job;
    assert.deepEqual(job.strategy?.matrix?.node, [20, 22, 24]);
    const setup = job.steps.find((step) => step.uses?.startsWith('actions/setup-node'));
    assert.equal(setup?.with?.['node-version'], expression('matrix.node'));
  });

  it('installs, tests, then runs bench:check into a known folder', async () => {
    const job = (await workflow('bench.yml')).jobs.check as Job;
    const commands = job.steps.map((step) => step.run ?? '');
    const at = (pattern: RegExp) => commands.findIndex((command) => pattern.test(command));
    assert.ok(at(/^npm ci\b/) >= 0);
    assert.ok(at(/^npm test$/) > at(/^npm ci\b/));
    assert.ok(at(/^npm run bench:check -- --time none --out bench-run$/) > at(/^npm test$/));
  });

  it('writes the verdict to the job summary and uploads the run folder and report.html, even after a failure', async () => {
    const job = (await workflow('bench.yml')).jobs.check as Job;
    const summary = job.steps.find((step) => step.run?.includes('$GITHUB_STEP_SUMMARY'));
    assert.equal(summary?.if, 'always()');
    assert.match(summary?.run ?? '', /bench-run\/check\.md/);
    const upload = job.steps.find((step) => step.uses?.startsWith('actions/upload-artifact'));
    assert.equal(upload?.if, 'always()');
    assert.match(String(upload?.with?.path), /bench-run\//);
    assert.match(String(upload?.with?.path), /report\.html/);
  });
});

describe('.github/workflows/bench.yml, tier 2', () => {
  it('runs ab --measure time against the pull request’s base commit, with the history to check it out', async () => {
    const job = (await workflow('bench.yml')).jobs.tier2 as Job;
    const checkout = job.steps.find((step) => step.uses?.startsWith('actions/checkout'));
    assert.equal(checkout?.with?.['fetch-depth'], 0);
    const ab = job.steps.find((step) => /npm run bench -- ab\b/.test(step.run ?? '')) as Step & {
      env?: Record<string, string>;
    };
    assert.match(
      ab.run ?? '',
      /^npm run bench -- ab --base "\$BASE" --measure time --profile ci .*--out tier2-run$/,
    );
    assert.match(ab.env?.BASE ?? '', /github\.event\.pull_request\.base\.sha/);
    assert.ok(
      job.steps.findIndex((step) => step.run?.startsWith('npm ci')) < job.steps.indexOf(ab),
      'installs first',
    );
  });

  it('is advisory: only the command’s blocking exit fails it, within the 10 minutes plus setup', async () => {
    const job = (await workflow('bench.yml')).jobs.tier2 as Job;
    assert.notEqual(job['continue-on-error'], true, 'a blocking regression (exit 1) must fail the job');
    assert.doesNotMatch(runs(job), /--block-pct|\|\| true/, 'the default blocking threshold, not waived');
    assert.ok((job['timeout-minutes'] ?? 360) <= 20);
  });

  it('writes the Markdown table to the job summary and uploads the rounds, even after a failure', async () => {
    const job = (await workflow('bench.yml')).jobs.tier2 as Job;
    const summary = job.steps.find((step) => step.run?.includes('$GITHUB_STEP_SUMMARY'));
    assert.equal(summary?.if, 'always()');
    assert.match(summary?.run ?? '', /tier2-run\/ab\.md/);
    const upload = job.steps.find((step) => step.uses?.startsWith('actions/upload-artifact'));
    assert.equal(upload?.if, 'always()');
    assert.match(String(upload?.with?.path), /tier2-run\//);
  });
});

describe('.github/workflows/bench.yml: tier 1', () => {
  it('runs on pull requests against the base commit, with the full history and valgrind installed first', async () => {
    const file = await workflow('bench.yml');
    assert.ok('pull_request' in file.on);
    const job = file.jobs.tier1 as Job & { 'continue-on-error'?: boolean };
    assert.notEqual(job['continue-on-error'], true, 'tier 1 blocks');
    const checkout = job.steps.find((step) => step.uses?.startsWith('actions/checkout'));
    assert.equal(checkout?.with?.['fetch-depth'], 0);
    const commands = job.steps.map((step) => step.run ?? '');
    const at = (pattern: RegExp) => commands.findIndex((command) => pattern.test(command));
    const tier1 = at(
      /npm run bench -- ab --base "\$BASE" --measure instructions --profile ci --audit --out tier1$/,
    );
    assert.ok(at(/^npm ci\b/) >= 0 && at(/^bash scripts\/install-valgrind\.sh$/) > at(/^npm ci\b/));
    assert.ok(tier1 > at(/^bash scripts\/install-valgrind\.sh$/));
    assert.match(
      String((job.steps[tier1] as Step & { env?: Record<string, string> }).env?.BASE),
      /github\.event\.pull_request\.base\.sha/,
    );
  });

  it('puts the Markdown table in the job summary and uploads the folder, even after a failure', async () => {
    const job = (await workflow('bench.yml')).jobs.tier1 as Job;
    const summary = job.steps.find((step) => step.run?.includes('$GITHUB_STEP_SUMMARY'));
    assert.equal(summary?.if, 'always()');
    assert.match(summary?.run ?? '', /cat tier1\/instructions\.md >> "\$GITHUB_STEP_SUMMARY"/);
    const upload = job.steps.find((step) => step.uses?.startsWith('actions/upload-artifact'));
    assert.equal(upload?.if, 'always()');
    assert.match(String(upload?.with?.path), /tier1\//);
  });
});

describe('.github/workflows/bench-sharded.yml', () => {
  it('runs every shard i/n of the ci profile and uploads each', async () => {
    const job = (await workflow('bench-sharded.yml')).jobs.shard as Job;
    const shards = job.strategy?.matrix?.shard as number[];
    assert.deepEqual(
      shards,
      Array.from({ length: shards.length }, (_, i) => i + 1),
    );
    assert.match(
      runs(job),
      new RegExp(`--profile ci --audit --shard \\$\\{\\{ matrix.shard \\}\\}/${shards.length} --out shard-`),
    );
    const upload = job.steps.find((step) => step.uses?.startsWith('actions/upload-artifact'));
    assert.equal(upload?.with?.name, `shard-${expression('matrix.shard')}`);
  });

  it('merges all shards after they finish, then checks the merged run', async () => {
    const file = await workflow('bench-sharded.yml');
    const count = ((file.jobs.shard as Job).strategy?.matrix?.shard ?? []).length;
    const merge = file.jobs.merge as Job;
    assert.equal(merge.needs, 'shard');
    const download = merge.steps.findIndex((step) => step.uses?.startsWith('actions/download-artifact'));
    const mergeStep = merge.steps.findIndex((step) => /npm run bench -- merge/.test(step.run ?? ''));
    assert.ok(download >= 0 && mergeStep > download);
    const command = merge.steps[mergeStep]?.run ?? '';
    for (let i = 1; i <= count; i++) assert.match(command, new RegExp(`shards/shard-${i}\\b`));
    assert.match(command, /--out merged/);
    assert.match(runs(merge), /npm run bench:check -- --time none --run merged/);
  });
});

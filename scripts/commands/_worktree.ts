/**
 * A base revision checked out beside this one, for the commands that compare two revisions (ab,
 * and bench:check with --base): a temporary git worktree, installed, and removed afterwards.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { messageOf, UsageError } from '../../lib/errors.ts';
import { type CommandIo, EXIT } from '../cli-kit.ts';

const run = promisify(execFile);

/** Runs git in `cwd`; its failure is a UsageError with git's message. */
export async function git(cwd: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run('git', args, { cwd, maxBuffer: 1 << 24 });
    return stdout.trim();
  } catch (error) {
    throw new UsageError(
      `git ${args.join(' ')}: ${messageOf((error as { stderr?: string }).stderr || error)}`,
    );
  }
}

/** Runs a child to completion, its output going to `io.stderr`; resolves with its exit code. */
export function child(command: string, args: string[], cwd: string, io: CommandIo): Promise<number> {
  return new Promise((resolve, reject) => {
    const proc = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    proc.stdout.on('data', (chunk: Buffer) => io.stderr(chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => io.stderr(chunk.toString()));
    proc.on('error', reject);
    proc.on('close', (code) => resolve(code ?? EXIT.failure));
  });
}

/** Installs the base checkout: this checkout's node_modules when the lockfiles are identical, else npm ci. */
async function install(root: string, worktree: string, io: CommandIo): Promise<string> {
  const read = (dir: string) => readFile(join(dir, 'package-lock.json'), 'utf8').catch(() => null);
  const [mine, theirs] = await Promise.all([read(root), read(worktree)]);
  if (mine !== null && mine === theirs) {
    await symlink(join(root, 'node_modules'), join(worktree, 'node_modules'), 'dir');
    return 'reused this checkout’s node_modules (identical package-lock.json)';
  }
  io.stderr('memobench ab: package-lock.json differs: npm ci in the base checkout\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const code = await child(npm, ['ci', '--no-audit', '--no-fund'], worktree, io);
  if (code !== 0) throw new UsageError(`npm ci failed in the base checkout (exit ${code})`);
  return 'installed with npm ci (package-lock.json differs)';
}

/** The full commit of `ref` in the repository at `root`; an unknown one is a UsageError. */
export async function commitOf(root: string, ref: string): Promise<string> {
  return git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).catch(() => {
    throw new UsageError(`unknown git revision '${ref}' (a branch, tag or commit of ${root})`);
  });
}

/**
 * Checks out commit `sha` of the repository at `root` in a temporary worktree, installs it, runs
 * `body` on its folder, and removes it again, even on failure (unless `keep`, for debugging).
 */
export async function withBaseWorktree<T>(
  root: string,
  sha: string,
  io: CommandIo,
  keep: boolean,
  body: (worktree: string) => Promise<T>,
): Promise<T> {
  const worktree = await mkdtemp(join(tmpdir(), 'memobench-ab-'));
  let added = false;
  try {
    await git(root, ['worktree', 'add', '--detach', worktree, sha]);
    added = true;
    io.stderr(
      `memobench ab: base ${sha.slice(0, 10)} in ${worktree}: ${await install(root, worktree, io)}\n`,
    );
    return await body(worktree);
  } finally {
    if (!keep) {
      // Unlink the borrowed node_modules first, so that nothing below can reach this checkout's copy.
      await unlink(join(worktree, 'node_modules')).catch(() => undefined);
      if (added) await git(root, ['worktree', 'remove', '--force', worktree]).catch(() => undefined);
      await rm(worktree, { recursive: true, force: true });
      if (added) await git(root, ['worktree', 'prune']).catch(() => undefined);
    }
  }
}

import { mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { messageOf, UsageError } from '../lib/errors.ts';

/** Where runs go when --out is not given (git-ignored). */
export const RESULTS_ROOT = 'results';

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/**
 * Creates a new, empty run folder. Without `out`, `results/<date>-<time>-<profile>` with a suffix
 * when that exists: mkdir without `recursive` fails on an existing folder, so two runs started at
 * once never share one. With `out`, the folder may exist only if it is empty.
 */
export async function createRunDir(profile: string, out?: string, date: Date = new Date()): Promise<string> {
  if (out !== undefined) {
    const dir = resolve(out);
    let entries: string[] | undefined;
    try {
      entries = await readdir(dir);
    } catch {
      entries = undefined;
    }
    if (entries !== undefined && entries.length > 0) {
      throw new UsageError(`--out ${out}: folder exists and is not empty (choose a new or empty folder)`);
    }
    try {
      await mkdir(dir, { recursive: true });
    } catch (error) {
      throw new UsageError(`--out ${out}: cannot create folder: ${messageOf(error)}`);
    }
    return dir;
  }
  const root = resolve(RESULTS_ROOT);
  await mkdir(root, { recursive: true });
  const base = `${stamp(date)}-${profile}`;
  for (let attempt = 1; ; attempt++) {
    const dir = join(root, attempt === 1 ? base : `${base}-${attempt}`);
    try {
      await mkdir(dir);
      return dir;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new UsageError(`cannot create run folder ${dir}: ${messageOf(error)}`);
      }
    }
  }
}

/** The lock file a running bench keeps in its run folder. */
export const LOCK_FILE = '.memobench.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims a run folder for this process (a lock file holding the pid, created exclusively), so a
 * run and a resume, or two resumes, never write into the same folder. A lock left by a process
 * that no longer exists is taken over. Returns the release function.
 */
export async function lockRunDir(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(path, String(process.pid), { flag: 'wx' });
      return async () => {
        await unlink(path).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new UsageError(`cannot lock ${dir}: ${messageOf(error)}`);
      const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(owner) && owner > 0 && alive(owner)) {
        throw new UsageError(
          `${dir} is in use by another memobench (process ${owner}); wait for it or stop it`,
        );
      }
      await unlink(path).catch(() => undefined);
    }
  }
  throw new UsageError(`cannot lock ${dir}: another process keeps taking it`);
}

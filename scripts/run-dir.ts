import { access, constants, mkdir, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { messageOf, UsageError } from '../lib/errors.ts';

/** Where runs go when --out is not given (git-ignored). */
export const RESULTS_ROOT = 'results';

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code;

/**
 * Creates the folder `dir` (absolute) and its missing parents, one level at a time, each tried
 * once. Not `mkdir({ recursive: true })`: Node 20's version retries the parent whenever the child's mkdir
 * says ENOENT, which /proc answers for any new name, so `--out /proc/x` spun at 100% CPU forever.
 * Throws an Error whose message names the path that could not be made and why.
 */
export async function makeFolders(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let path = dir; ; path = dirname(path)) {
    const info = await stat(path).catch((error: unknown) => {
      // ENOTDIR: a parent is a file; the next level up says which one.
      if (codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR') return null;
      throw error;
    });
    if (info?.isDirectory()) break;
    if (info !== null) throw new Error(`${path} exists and is not a folder`);
    missing.unshift(path);
    if (dirname(path) === path) break;
  }
  for (const path of missing) {
    try {
      await mkdir(path);
    } catch (error) {
      if (codeOf(error) === 'EEXIST') {
        // Made meanwhile by someone else: fine if it is a folder (a dangling link is not).
        const folder = await stat(path).then(
          (info) => info.isDirectory(),
          () => false,
        );
        if (folder) continue;
        throw new Error(`${path} exists and is not a folder`);
      }
      // Its parent exists (it was found or made just before), so ENOENT means the file system refuses new names there.
      if (codeOf(error) === 'ENOENT')
        throw new Error(`${dirname(path)} accepts no new folders (${messageOf(error)})`);
      throw error;
    }
  }
}

/**
 * Creates a new, empty run folder. Without `out`, `results/<date>-<time>-<profile>` with a suffix
 * when that exists: mkdir without `recursive` fails on an existing folder, so two runs started at
 * once never share one. With `out` (--out), the folder may exist only if it is empty; a folder that
 * cannot be made or written is a one-line UsageError, before anything is measured.
 */
export async function createRunDir(profile: string, out?: string, date: Date = new Date()): Promise<string> {
  if (out !== undefined) {
    if (out === '') throw new UsageError("--out needs a path (got '')");
    const dir = resolve(out);
    try {
      await makeFolders(dir);
    } catch (error) {
      throw new UsageError(`--out ${out}: cannot create folder: ${messageOf(error)}`);
    }
    const entries = await readdir(dir).catch((error: unknown) => {
      throw new UsageError(`--out ${out}: cannot read folder: ${messageOf(error)}`);
    });
    if (entries.length > 0) {
      throw new UsageError(`--out ${out}: folder exists and is not empty (choose a new or empty folder)`);
    }
    await access(dir, constants.W_OK | constants.X_OK).catch((error: unknown) => {
      throw new UsageError(`--out ${out}: cannot write into folder: ${messageOf(error)}`);
    });
    return dir;
  }
  const root = resolve(RESULTS_ROOT);
  try {
    await makeFolders(root);
  } catch (error) {
    throw new UsageError(`cannot create ${root}: ${messageOf(error)}`);
  }
  const base = `${stamp(date)}-${profile}`;
  for (let attempt = 1; ; attempt++) {
    const dir = join(root, attempt === 1 ? base : `${base}-${attempt}`);
    try {
      await mkdir(dir);
      return dir;
    } catch (error) {
      if (codeOf(error) !== 'EEXIST') {
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
    return codeOf(error) === 'EPERM';
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
      if (codeOf(error) !== 'EEXIST') throw new UsageError(`cannot lock ${dir}: ${messageOf(error)}`);
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

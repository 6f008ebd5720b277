import { randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const CHILD_ENTRY = fileURLToPath(new URL('./child.ts', import.meta.url));
/** lib/memoize.ts, which the counting pass imports a second copy of. */
export const MEMOIZE_ENTRY = fileURLToPath(new URL('../lib/memoize.ts', import.meta.url));
/**
 * Compiled child code goes inside the project, so that its package imports (tinybench, the npm
 * memoizers) resolve to the project's node_modules as they do from the sources.
 */
const CACHE_DIR = fileURLToPath(new URL('../node_modules/.cache/memobench/', import.meta.url));

/** The code a child process runs, and how: the TypeScript sources through tsx, or a compiled copy. */
export interface ChildCode {
  /** The child's entry module. */
  entry: string;
  /** Node flags the entry needs (tsx's loader for the sources, none compiled). */
  loader: readonly string[];
  /** The module a child imports for a suite file. */
  suiteModule: (suitePath: string) => string;
  /** The module of lib/memoize.ts, imported again as the counting pass's own copy. */
  memoizeModule: string;
  /** Deletes compiled files; nothing for the sources. */
  dispose: () => Promise<void>;
}

/** How children's code is bundled: plain ES modules for this Node, packages left as imports of node_modules. */
export const BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outExtension: { '.js': '.mjs' },
  logLevel: 'silent',
} as const;

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * Bundles entry points in memory as children run them (BUNDLE_OPTIONS), for hashing: the contents
 * of each output by its `out` name, or undefined when the code cannot be bundled. The caches of
 * exact counts and capacity curves key their entries by such contents.
 */
export async function bundleInMemory(
  entries: readonly { in: string; out: string }[],
): Promise<Map<string, Uint8Array> | undefined> {
  try {
    const { outputFiles } = await build({
      ...BUNDLE_OPTIONS,
      entryPoints: [...entries],
      absWorkingDir: PROJECT_ROOT,
      outdir: join(PROJECT_ROOT, 'in-memory'),
      write: false,
    });
    return new Map(
      entries.map((entry) => [
        entry.out,
        outputFiles.find((file) => file.path.endsWith(`/${entry.out}.mjs`))?.contents ?? new Uint8Array(),
      ]),
    );
  } catch {
    return undefined;
  }
}

/** The sources as they are, loaded through tsx: about 0.2 s more start-up per child. */
export const SOURCE_CODE: ChildCode = {
  entry: CHILD_ENTRY,
  loader: ['--import', import.meta.resolve('tsx')],
  suiteModule: (suitePath) => suitePath,
  memoizeModule: MEMOIZE_ENTRY,
  dispose: async () => undefined,
};

/**
 * Compiles the child's code with esbuild (the compiler tsx itself uses, so the JavaScript is the
 * same) into plain ES modules, so a child starts in about 0.1 s instead of 0.3 s through tsx's
 * loader: a run of 212 ladders spends ~50 s less starting processes. The runner is one bundle;
 * each suite and lib/memoize.ts are bundled on their own, because the counting pass imports a
 * second instance of each (`?instance=counting`) and must get its own copy of every function in
 * it, not a chunk shared with the timed code. Packages stay imports of node_modules, so `cacheDir`
 * must lie inside the project for children to import the result (tests that only compile pass a
 * temporary folder).
 */
export async function compileChildCode(
  suitePaths: readonly string[],
  cacheDir = CACHE_DIR,
): Promise<ChildCode> {
  await removeOrphans(cacheDir);
  const dir = join(cacheDir, `${process.pid}-${randomBytes(4).toString('hex')}`);
  const common = BUNDLE_OPTIONS;
  const suites = [...new Set(suitePaths)];
  const suiteOut = new Map(suites.map((path, index) => [path, `suite-${index}`]));
  try {
    // Splitting keeps benny (loaded only with --runner benny) out of the children that do not use it.
    await build({
      ...common,
      entryPoints: { child: CHILD_ENTRY },
      splitting: true,
      outdir: join(dir, 'runner'),
    });
    await build({
      ...common,
      entryPoints: [
        { in: MEMOIZE_ENTRY, out: 'memoize' },
        ...suites.map((path) => ({ in: path, out: suiteOut.get(path) as string })),
      ],
      outdir: join(dir, 'code'),
    });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    entry: join(dir, 'runner', 'child.mjs'),
    loader: [],
    suiteModule: (suitePath) => {
      const out = suiteOut.get(suitePath);
      if (out === undefined) throw new Error(`suite file not compiled: ${suitePath}`);
      return join(dir, 'code', `${out}.mjs`);
    },
    memoizeModule: join(dir, 'code', 'memoize.mjs'),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * Deletes compiled code left by runs that died without cleaning up (killed with SIGKILL, say):
 * folders named after a process id that no longer exists.
 */
async function removeOrphans(cacheDir: string): Promise<void> {
  const entries = await readdir(cacheDir).catch(() => [] as string[]);
  for (const entry of entries) {
    const pid = Number(entry.split('-')[0]);
    if (Number.isInteger(pid) && pid > 0 && !isAlive(pid)) {
      await rm(join(cacheDir, entry), { recursive: true, force: true });
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { UsageError } from '../../lib/errors.ts';

/**
 * The code a harness process runs, as CommonJS scripts it can evaluate synchronously
 * (runners/instructions/harness.ts): the process never yields to the event loop, so nothing that
 * depends on timing (a posted GC task, the order of file reads) can run between two measured cells.
 *
 * - One bundle per suite of a revision, with everything it imports from that revision: lib/ and
 *   the npm memoizers. The harness evaluates it again for every ladder, so each ladder gets fresh
 *   function literals (fresh type feedback, fresh code), as it would in a process of its own.
 * - One bundle of this checkout's operation builder (runners/operation.ts), the same code for both
 *   revisions, also evaluated again per ladder: its closures wrap every measured call, and V8
 *   keeps feedback per function literal, so sharing them between ladders would make their call
 *   sites megamorphic.
 * - The harness itself.
 */

/** The harness's entry (runs inside valgrind). */
const HARNESS_ENTRY = fileURLToPath(new URL('./harness.ts', import.meta.url));
/** What the harness evaluates per ladder around a revision's variants. */
const OPERATION_ENTRY = fileURLToPath(new URL('../operation.ts', import.meta.url));

/** What a revision's suite bundle exports (its entry is generated, so a revision without them fails here). */
function suiteEntry(suiteFile: string): string {
  const from = (path: string) => JSON.stringify(`./${path}`);
  return [
    `export { default } from ${from(`suites/${suiteFile}`)};`,
    `export { plainTools } from ${from('lib/tools.ts')};`,
    `export { memoize } from ${from('lib/memoize.ts')};`,
  ].join('\n');
}

/**
 * CommonJS for the harness's synchronous evaluation, everything bundled in (no package is loaded
 * from node_modules at run time: a file read per ladder would differ between the revisions'
 * paths), not minified (the measured code is the code as written). Symlinks are kept as paths, so
 * a base checkout that borrows this checkout's node_modules bundles the same text.
 */
const COMMON = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  preserveSymlinks: true,
  write: true,
  logLevel: 'silent',
  // Only createRequire used import.meta.url (see createRequireShim).
  define: { 'import.meta.url': '""' },
} as const;

/**
 * `createRequire(import.meta.url)` then `require('<package>')` (lib/memoizers.ts loads three
 * CommonJS packages that way) would load the package from node_modules at run time. This plugin
 * hands such a file a `createRequire` whose `require` returns the package bundled in, for every
 * package the file names in a `require('...')` call: the same package code, loaded the same lazy
 * way, with no file read while the harness runs.
 */
function createRequireShim(): Plugin {
  return {
    name: 'memobench-create-require',
    setup(build) {
      build.onResolve({ filter: /^(node:)?module$/ }, (args) =>
        args.importer.includes('/node_modules/')
          ? undefined
          : { path: args.importer, namespace: 'memobench-create-require' },
      );
      build.onLoad({ filter: /.*/, namespace: 'memobench-create-require' }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        const names = [...new Set([...text.matchAll(/\brequire\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]))];
        const cases = names
          .map((name) => `case ${JSON.stringify(name)}: return require(${JSON.stringify(name)});`)
          .join('\n');
        return {
          contents: `export function createRequire() {\n  return (name) => {\n    switch (name) {\n${cases}\n    }\n    throw new Error('memobench: ' + name + ' is not bundled for the instruction harness');\n  };\n}\n`,
          loader: 'js',
          resolveDir: join(args.path, '..'),
        };
      });
    },
  };
}

/** The suite files of a revision: `suites/*.ts` but helpers (`_*.ts`), sorted, as lib/registry.ts loads them. */
export async function suiteFiles(root: string): Promise<string[]> {
  const names = await readdir(join(root, 'suites')).catch(() => {
    throw new UsageError(`${root} has no suites/ folder`);
  });
  return names.filter((file) => file.endsWith('.ts') && !file.startsWith('_')).sort();
}

/** The file of a suite bundle in `outDir`: `<suite file without .ts>.cjs`. */
export function suiteBundle(outDir: string, suiteFile: string): string {
  return join(outDir, suiteFile.replace(/\.ts$/, '.cjs'));
}

/** Bundles every suite of the revision checked out at `root` into `outDir` (created afresh). */
export async function bundleRevision(root: string, outDir: string): Promise<string[]> {
  const files = await suiteFiles(root);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  for (const file of files) {
    try {
      await build({
        ...COMMON,
        stdin: {
          contents: suiteEntry(file),
          resolveDir: root,
          sourcefile: `memobench-${file}`,
          loader: 'ts',
        },
        absWorkingDir: root,
        outfile: suiteBundle(outDir, file),
        plugins: [createRequireShim()],
      });
    } catch (error) {
      const first = (error as { errors?: { text: string }[] }).errors?.[0]?.text;
      throw new UsageError(`cannot bundle suites/${file} of ${root}: ${first ?? String(error)}`);
    }
  }
  return files;
}

/** Bundles this checkout's harness and operation builder into `outDir`; returns their files. */
export async function bundleHarness(outDir: string): Promise<{ harness: string; operation: string }> {
  await mkdir(outDir, { recursive: true });
  const harness = join(outDir, 'harness.cjs');
  const operation = join(outDir, 'operation.cjs');
  await build({ ...COMMON, entryPoints: [HARNESS_ENTRY], outfile: harness });
  await build({ ...COMMON, entryPoints: [OPERATION_ENTRY], outfile: operation });
  return { harness, operation };
}

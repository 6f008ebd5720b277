import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { access, mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { messageOf, UsageError } from '../../lib/errors.ts';

const run = promisify(execFile);

/** The addon's C source (callgrind client requests as Node-API functions). */
export const ADDON_SOURCE = fileURLToPath(new URL('./callgrind-addon.c', import.meta.url));

/** Where built addons are kept, inside the project (npm ci empties it, and it is rebuilt in half a second). */
export const ADDON_CACHE_DIR = fileURLToPath(
  new URL('../../node_modules/.cache/memobench/', import.meta.url),
);

/** Where valgrind's headers are looked for (Debian's `valgrind` package puts them in /usr/include/valgrind). */
const VALGRIND_INCLUDE = ['/usr/include', '/usr/local/include'];

/**
 * The callgrind addon, built on first use with the system's C compiler (`cc`, or $CC) and cached
 * under node_modules/.cache/memobench/, keyed by the source, the compiler and the architecture:
 * no node-gyp, no download. Throws a UsageError of one line when it cannot be built.
 */
export async function callgrindAddon(cacheDir = ADDON_CACHE_DIR): Promise<string> {
  const compiler = process.env.CC ?? 'cc';
  const source = await readFile(ADDON_SOURCE);
  const key = createHash('sha256')
    .update(source)
    .update(`${compiler} ${process.arch} ${process.platform}`)
    .digest('hex')
    .slice(0, 16);
  const target = join(cacheDir, `callgrind-addon-${key}.node`);
  const built = await access(target).then(
    () => true,
    () => false,
  );
  if (built) return target;
  const include = await firstWithHeader(VALGRIND_INCLUDE);
  if (include === undefined) {
    throw new UsageError(
      'instructions need valgrind’s headers (valgrind/callgrind.h), which are not installed here (Debian/Ubuntu: sudo apt-get install valgrind)',
    );
  }
  await mkdir(cacheDir, { recursive: true });
  // Built under a temporary name and renamed, so that two runs building at once never load half a file.
  const partial = `${target}.${process.pid}.tmp`;
  try {
    await run(compiler, ['-O2', '-shared', '-fPIC', `-I${include}`, '-o', partial, ADDON_SOURCE]);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? `no C compiler (${compiler}) is installed (Debian/Ubuntu: sudo apt-get install gcc)`
        : `${compiler} failed: ${messageOf((error as { stderr?: string }).stderr || error)}`;
    throw new UsageError(`cannot build the callgrind addon: ${why}`);
  }
  await rename(partial, target);
  return target;
}

/** The first include folder that has valgrind/callgrind.h. */
async function firstWithHeader(folders: readonly string[]): Promise<string | undefined> {
  for (const folder of folders) {
    const found = await access(join(folder, 'valgrind', 'callgrind.h')).then(
      () => true,
      () => false,
    );
    if (found) return folder;
  }
  return undefined;
}

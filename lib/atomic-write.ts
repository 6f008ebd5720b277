import { rename, writeFile } from 'node:fs/promises';

let counter = 0;

/**
 * Writes a file so that readers only ever see the old or the new contents, never half of one:
 * write a temporary file beside it, then rename it over the target (atomic on one file system).
 */
export async function writeFileAtomic(path: string, contents: string | Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.${counter++}.tmp`;
  await writeFile(temporary, contents);
  await rename(temporary, path);
}

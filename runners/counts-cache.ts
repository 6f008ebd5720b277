import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { writeFileAtomic } from '../lib/atomic-write.ts';
import { type CacheMode, type CountedOperation, INSTANCE_MODES } from '../lib/types.ts';
import { bundleInMemory, MEMOIZE_ENTRY } from './child-code.ts';

/**
 * Where exact counts are kept between runs: beside the compiled child code, in
 * node_modules/.cache/memobench/counts/. node_modules is git-ignored and belongs to one checkout
 * and one install, so the cache never travels with the sources, and it goes away with the
 * packages it depends on (`npm ci` starts a new one); node_modules/.cache is where tools keep
 * such caches by convention.
 */
export const COUNTS_CACHE_DIR = fileURLToPath(
  new URL('../node_modules/.cache/memobench/counts/', import.meta.url),
);

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
/** The counting pass's code: the cache modes' operations, the counting tools and what they import. */
const COUNTING_ENTRY = fileURLToPath(new URL('./operation.ts', import.meta.url));
/** The npm memoizers' code is outside the bundles (imports of node_modules); their versions are in here. */
const LOCKFILE = join(PROJECT_ROOT, 'package-lock.json');

/** Which ladder a cached result belongs to, within one suite's code. */
export interface CountsLadder {
  variant: string;
  cache_mode: CacheMode;
  seed: number;
}

/**
 * The key of the code that makes each suite's counts: a content hash of the suite bundled as a
 * child runs it (the suite file and everything it imports), of lib/memoize.ts and the counting
 * pass's code bundled the same way, and of package-lock.json (the npm memoizers the audit counts
 * through). Any change to any of them gives a new key, and the old entries are never read again.
 * One esbuild pass in memory; undefined (no caching) when a suite cannot be bundled.
 */
export async function countingCodeKeys(suitePaths: readonly string[]): Promise<Map<string, string>> {
  const suites = [...new Set(suitePaths)];
  const names = new Map(suites.map((path, index) => [path, `suite-${index}`]));
  const outputs = await bundleInMemory([
    { in: COUNTING_ENTRY, out: 'counting' },
    { in: MEMOIZE_ENTRY, out: 'memoize' },
    ...suites.map((path) => ({ in: path, out: names.get(path) as string })),
  ]);
  if (outputs === undefined) return new Map();
  const contents = (name: string) => outputs.get(name) ?? new Uint8Array();
  const common = createHash('sha256')
    .update(contents('counting'))
    .update(contents('memoize'))
    .update(await readFile(LOCKFILE).catch(() => new Uint8Array()))
    .digest();
  return new Map(
    suites.map((path) => [
      path,
      createHash('sha256')
        .update(common)
        .update(contents(names.get(path) as string))
        .digest('hex')
        .slice(0, 32),
    ]),
  );
}

const count = z.number().int().nonnegative();
const entrySchema = z.object({
  counts: z.object({
    calls: count,
    cache_hits: count,
    cache_misses: count,
    cache_entries: count,
    max_depth: count,
  }),
  instance: z.enum(INSTANCE_MODES),
});
const fileSchema = z.record(z.string(), entrySchema);

/** Exact counts and instance modes from earlier runs of the same code. */
export interface CountsStore {
  /** What is known for a ladder, by size (nothing for a key or ladder never recorded). */
  known(key: string, ladder: CountsLadder): Promise<Map<number, CountedOperation>>;
  /** Records what a counting pass found (kept in memory until flush). */
  record(key: string, ladder: CountsLadder, n: number, counted: CountedOperation): void;
  /** Writes what was recorded, merged with what other runs wrote meanwhile, atomically. */
  flush(): Promise<void>;
}

const entryKey = (ladder: CountsLadder, n: number) =>
  `${ladder.variant}/${ladder.cache_mode}/${ladder.seed}/${n}`;

/**
 * The counts cache in `dir`: one JSON file per code key. A file that cannot be read or does not
 * match the schema counts as empty, so a damaged cache costs a counting pass, never a wrong count.
 */
export function openCountsCache(dir: string = COUNTS_CACHE_DIR): CountsStore {
  const files = new Map<string, Record<string, CountedOperation>>();
  const dirty = new Set<string>();
  const fileOf = (key: string) => join(dir, `${key}.json`);
  const read = async (key: string): Promise<Record<string, CountedOperation>> => {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(await readFile(fileOf(key), 'utf8')));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  };
  const load = async (key: string) => {
    let entries = files.get(key);
    if (entries === undefined) {
      entries = await read(key);
      files.set(key, entries);
    }
    return entries;
  };
  return {
    async known(key, ladder) {
      const entries = await load(key);
      const prefix = entryKey(ladder, 0).slice(0, -1);
      return new Map(
        Object.entries(entries)
          .filter(([name]) => name.startsWith(prefix))
          .map(([name, counted]) => [Number(name.slice(prefix.length)), counted]),
      );
    },
    record(key, ladder, n, counted) {
      const entries = files.get(key) ?? {};
      entries[entryKey(ladder, n)] = counted;
      files.set(key, entries);
      dirty.add(key);
    },
    async flush() {
      if (dirty.size === 0) return;
      await mkdir(dir, { recursive: true });
      for (const key of dirty) {
        const merged = { ...(await read(key)), ...files.get(key) };
        files.set(key, merged);
        await writeFileAtomic(fileOf(key), `${JSON.stringify(merged)}\n`);
      }
      dirty.clear();
    },
  };
}

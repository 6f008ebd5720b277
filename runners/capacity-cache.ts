import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { writeFileAtomic } from '../lib/atomic-write.ts';
import { capacityCurveSchema } from '../lib/results-file.ts';
import type { CapacityCurve } from '../lib/types.ts';

/**
 * Where capacity curves are kept between runs: node_modules/.cache/memobench/capacity/, beside the
 * compiled child code. node_modules is git-ignored and belongs to one checkout and one install, so
 * the cache never travels with the sources; node_modules/.cache is where tools keep such caches.
 */
export const CAPACITY_CACHE_DIR = fileURLToPath(
  new URL('../node_modules/.cache/memobench/capacity/', import.meta.url),
);

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The code that computes a curve: the LRU runs, the memoizer whose cache they bound, the seeded inputs. */
const CAPACITY_ENTRY = fileURLToPath(new URL('./capacity.ts', import.meta.url));

/**
 * The key of each suite's curves: a content hash of the suite file as it is on disk (any edit, even
 * to a comment, gives a new key), of the suite bundled with everything it imports (a change to a
 * helper it imports does too), and of the capacity code bundled the same way; plus the V8 version,
 * since where a top-down recursion overflows the stack, which ends a curve, depends on V8's frames.
 * One esbuild pass in memory; a suite that cannot be bundled gets no key, and is never cached.
 */
export async function capacityCodeKeys(suitePaths: readonly string[]): Promise<Map<string, string>> {
  const suites = [...new Set(suitePaths)];
  const names = new Map(suites.map((path, index) => [path, `suite-${index}`]));
  let outputs: { path: string; contents: Uint8Array }[];
  try {
    outputs = (
      await build({
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        packages: 'external',
        logLevel: 'silent',
        entryPoints: [
          { in: CAPACITY_ENTRY, out: 'capacity' },
          ...suites.map((path) => ({ in: path, out: names.get(path) as string })),
        ],
        absWorkingDir: PROJECT_ROOT,
        outdir: join(PROJECT_ROOT, 'capacity-key'),
        write: false,
      })
    ).outputFiles;
  } catch {
    return new Map();
  }
  const contents = (name: string) => outputs.find((file) => file.path.endsWith(`/${name}.js`))?.contents;
  const code = contents('capacity');
  if (code === undefined) return new Map();
  const keys = new Map<string, string>();
  for (const path of suites) {
    const bundle = contents(names.get(path) as string);
    const source = await readFile(path).catch(() => undefined);
    if (bundle === undefined || source === undefined) continue;
    const hash = createHash('sha256')
      .update(process.versions.v8)
      .update(code)
      .update(bundle)
      .update(source)
      .digest('hex');
    keys.set(path, hash.slice(0, 32));
  }
  return keys;
}

/** The parameters a curve was computed with; part of the cache key, so other ones compute it again. */
export interface CurveParameters {
  seed: number;
  sizes: readonly number[];
  variant: string;
  factor: number;
  curve_limit_factor: number;
  max_calls: number | null;
}

/** Curves from earlier runs of the same code with the same parameters. */
export interface CapacityStore {
  get(codeKey: string, parameters: CurveParameters): Promise<CapacityCurve | undefined>;
  /** Writes a curve atomically (one file per code key and parameters). */
  set(codeKey: string, parameters: CurveParameters, curve: CapacityCurve): Promise<void>;
}

/**
 * The capacity cache in `dir`. A file that cannot be read or does not match the schema counts as
 * missing, so a damaged cache costs a computation, never a wrong curve.
 */
export function openCapacityCache(dir: string = CAPACITY_CACHE_DIR): CapacityStore {
  const fileOf = (codeKey: string, parameters: CurveParameters) => {
    const hash = createHash('sha256').update(codeKey).update(JSON.stringify(parameters)).digest('hex');
    return join(dir, `${hash.slice(0, 32)}.json`);
  };
  return {
    async get(codeKey, parameters) {
      try {
        const parsed = capacityCurveSchema.safeParse(
          JSON.parse(await readFile(fileOf(codeKey, parameters), 'utf8')),
        );
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
    async set(codeKey, parameters, curve) {
      await mkdir(dir, { recursive: true });
      await writeFileAtomic(fileOf(codeKey, parameters), `${JSON.stringify(curve)}\n`);
    },
  };
}

/**
 * Shows, with numbers, what running the instrumented (counting) pass costs the timed pass.
 * For a few variants: the median time per call of the plain code, then again after one counting
 * call through (a) the same module instance and (b) a separately loaded copy, as the runner does.
 * Run: npm run instrumentation-cost  (each case in a fresh process, medians of 15 rounds).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatNs } from '../lib/format.ts';
import { quantile } from '../lib/stats.ts';
import { plainTools } from '../lib/tools.ts';
import type { Answer, VariantFactory } from '../lib/types.ts';
import { SOURCE_CODE } from '../runners/child-code.ts';
import { createCountingTools } from '../runners/counting-tools.ts';
import { loadCountingCode } from '../runners/instrumented.ts';

const SUITE = fileURLToPath(new URL('../suites/fibonacci.ts', import.meta.url));
const CASES = ['bottom-up', 'dict', 'closure'] as const;
const N = 1000;
const ROUNDS = 15;
const CALLS = 2000;

/** Median time per call, ns, of `call` over ROUNDS rounds of CALLS calls. */
function medianNs(call: () => unknown): number {
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < CALLS; i++) call();
    rounds.push(Number(process.hrtime.bigint() - start) / CALLS);
  }
  return quantile(
    rounds.sort((a, b) => a - b),
    0.5,
  );
}

async function measureCase(variant: string, counting: 'same' | 'separate'): Promise<[number, number]> {
  const suite = (await import(pathToFileURL(SUITE).href)).default as {
    variants: Record<string, VariantFactory<number, Answer>>;
  };
  const factory = suite.variants[variant]!;
  const timed = () => factory(plainTools)(N);
  const before = medianNs(timed);
  if (counting === 'same') {
    factory(createCountingTools().tools)(N);
  } else {
    const copy = await loadCountingCode(SUITE, SOURCE_CODE.memoizeModule);
    copy.variants[variant]!(createCountingTools(copy.memoize).tools)(N);
  }
  return [before, medianNs(timed)];
}

const [variant, counting] = process.argv.slice(2);
if (variant !== undefined && (counting === 'same' || counting === 'separate')) {
  process.stdout.write(JSON.stringify(await measureCase(variant, counting)));
} else {
  process.stdout.write(`fibonacci, n = ${N}: median time per call before and after one counting call (ns)\n`);
  for (const name of CASES) {
    for (const mode of ['same', 'separate'] as const) {
      const child = execFileSync(process.execPath, [
        '--import',
        'tsx',
        fileURLToPath(import.meta.url),
        name,
        mode,
      ]);
      const [before, after] = JSON.parse(child.toString()) as [number, number];
      const where =
        mode === 'same' ? 'counted in the same module instance' : 'counted in a separate copy (the runner)';
      process.stdout.write(
        `  ${name.padEnd(9)} ${where.padEnd(40)} ${formatNs(before).padStart(9)} -> ${formatNs(after).padStart(9)}  (${(after / before).toFixed(2)}x)\n`,
      );
    }
  }
}

/**
 * A synthetic noise model for the statistics tests of checks/: per-call timings that look like the
 * ones memobench measures, with seeded noise, so that detection rates can be tested without timing
 * anything. Calibrated on real ci runs on a shared 2-core machine (two runs of the same code with
 * --repeat 3): process medians of one cell typically differ by 1-3%, a few cells are bimodal across
 * processes (10-40%), now and then one process is much slower (up to 2x), and within one process
 * samples scatter by a few percent with a heavy right tail (GC, interrupts).
 */
import { createRng, hashSeed } from '../lib/random.ts';
import { parseResults } from '../lib/results-file.ts';
import type { Cell, OkCell, Results, Rng } from '../lib/types.ts';
import { okCell } from './helpers.ts';

/** The parameters of the model (all spreads are standard deviations of the natural log). */
export interface NoiseModel {
  /** Processes per cell and run (the checks' default: ab --rounds 5, or --repeat 5). */
  processes: number;
  /** Stored samples per process (memobench keeps at most 1,000). */
  samples: number;
  /** Spread of a process's level around the cell's true median. */
  between: number;
  /** Spread of one sample around its process's level. */
  within: number;
  /** Chance that a sample is an outlier, and the largest outlier factor (uniform from 1.5). */
  sampleOutlierRate: number;
  sampleOutlierMax: number;
  /** Chance that a whole process is slow (contention, a worse JIT decision), and the largest factor (uniform from 1.2). */
  processOutlierRate: number;
  processOutlierMax: number;
  /** Share of cells whose processes spread much more (`noisyBetween`), like closure variants here. */
  noisyShare: number;
  noisyBetween: number;
}

/** The default model; the tests' claims ("10% caught in 95% of trials") hold for it. */
export const DEFAULT_NOISE: NoiseModel = {
  processes: 5,
  samples: 1000,
  between: 0.02,
  within: 0.05,
  sampleOutlierRate: 0.02,
  sampleOutlierMax: 10,
  processOutlierRate: 0.01,
  processOutlierMax: 2,
  noisyShare: 0.1,
  noisyBetween: 0.15,
};

/** A standard normal draw (Box-Muller). */
export function gaussian(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

/** The k-th smallest value (0-based) of a scratch array, by quickselect (Hoare); reorders the array. */
function select(values: Float64Array, k: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const pivot = values[(low + high) >> 1] as number;
    let i = low;
    let j = high;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const t = values[i] as number;
        values[i] = values[j] as number;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) high = j;
    else if (k >= i) low = i;
    else return values[k] as number;
  }
  return values[k] as number;
}

/** Median as runners/stats.ts defines it (mean of the two middle values for an even count). */
function medianOf(values: readonly number[]): number {
  const scratch = new Float64Array(values);
  const n = scratch.length;
  const upper = select(scratch, n >> 1);
  return n % 2 === 1 ? upper : (select(scratch, (n >> 1) - 1) + upper) / 2;
}

/** Per-call samples (ns) of one process of a cell whose true median is `medianNs`. */
export function processSamples(rng: Rng, medianNs: number, between: number, model: NoiseModel): number[] {
  let level = medianNs * Math.exp(between * gaussian(rng));
  if (rng.next() < model.processOutlierRate) level *= 1.2 + rng.next() * (model.processOutlierMax - 1.2);
  const out: number[] = [];
  for (let i = 0; i < model.samples; i++) {
    let x = level * Math.exp(model.within * gaussian(rng));
    if (rng.next() < model.sampleOutlierRate) x *= 1.5 + rng.next() * (model.sampleOutlierMax - 1.5);
    out.push(x);
  }
  return out;
}

/** One cell as a run with `model.processes` processes would store it. */
export function syntheticCell(
  rng: Rng,
  id: { suite: string; variant: string; n: number },
  medianNs: number,
  between: number,
  model: NoiseModel,
): OkCell {
  const processes = Array.from({ length: model.processes }, () =>
    processSamples(rng, medianNs, between, model),
  );
  const medians = processes.map(medianOf);
  const pooled = ([] as number[]).concat(...processes);
  return {
    // What the checks read is set below; okCell's other statistics (all from the median) stand in
    // for a real cell's, which the checks do not need.
    ...okCell(id.variant, id.n, medianOf(pooled)),
    ...id,
    calls: id.n,
    samples: pooled.length,
    samples_ns: pooled,
    processes: model.processes,
    ...(model.processes > 1 ? { process_medians_ns: medians } : {}),
  };
}

/** What one synthetic grid is: cell count, which cells are slowed and by how much. */
export interface GridSpec {
  cells: number;
  /** Indices of the slowed cells in run B. */
  slowed: readonly number[];
  /** Factor by which they are slowed, e.g. 1.1. */
  factor: number;
  seed: number;
  model?: NoiseModel;
}

/**
 * A results file with every field the checks read. The frame goes through the schema (so that
 * fields added later get their defaults); the cells are attached afterwards, as validating 10^5
 * synthetic samples per run would only slow the tests.
 */
export function syntheticResults(cells: Cell[], repeat: number): Results {
  const frame = parseResults(
    {
      schema_version: 2,
      tool: 'memobench',
      environment: {
        node: 'v20.0.0',
        v8: '11',
        os: 'linux 6',
        arch: 'x64',
        cpu_model: 'Synthetic CPU',
        cpu_cores: 2,
        total_memory_bytes: 1,
        git_commit: null,
        command: 'synthetic',
        date: '2026-01-01T00:00:00.000Z',
      },
      options: {
        profile: 'ci',
        suites: [],
        variants: [],
        budget_ms: 1,
        time_ms: 1,
        warmup_ms: 1,
        min_samples: 1,
        seed: 1,
        runner: 'tinybench',
        cache_mode: 'cold',
        isolate: 'process',
        repeat,
        cell_timeout_ms: 1,
        stack_size_kb: null,
        shard: null,
      },
      suites: [],
      cells: [],
      elapsed_ms: 0,
      complete: true,
    },
    'synthetic',
  );
  return { ...frame, cells };
}

/**
 * Two runs of a grid of cells on one machine: identical code except the `slowed` cells in B. Each
 * cell has its own true median (50 ns to 50 µs) and, for a `noisyShare` of cells, a much larger
 * spread between processes; the slowed cells are ordinary ones, so a test is not flattered by them.
 */
export function syntheticPair(spec: GridSpec): { a: Results; b: Results } {
  const model = spec.model ?? DEFAULT_NOISE;
  const rng = createRng(hashSeed(`grid:${spec.seed}`));
  const cellsA: Cell[] = [];
  const cellsB: Cell[] = [];
  const slowed = new Set(spec.slowed);
  for (let index = 0; index < spec.cells; index++) {
    const id = { suite: 'synthetic', variant: `v${index}`, n: 10 };
    const median = 50 * 1000 ** rng.next();
    const noisy = !slowed.has(index) && rng.next() < model.noisyShare;
    const between = noisy ? model.noisyBetween : model.between;
    cellsA.push(syntheticCell(rng, id, median, between, model));
    cellsB.push(syntheticCell(rng, id, median * (slowed.has(index) ? spec.factor : 1), between, model));
  }
  return { a: syntheticResults(cellsA, model.processes), b: syntheticResults(cellsB, model.processes) };
}

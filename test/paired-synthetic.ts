/**
 * Simulated tier-2 runs for the tests of checks/sequential.ts: per cell and round, the log ratio of
 * head's process median over base's, with seeded noise shaped like this project's 2-core machine
 * (test/checks-synthetic.ts has the process-level figures it comes from): processes of one cell
 * differ by about 2% (a difference of two: 2.8%), a tenth of the cells are bimodal (15% per
 * process), one process in a hundred is disturbed (1.2x to 2x slower), and the machine drifts
 * linearly between the runs of a round (DRIFT per run), which ABBA must cancel.
 */
import {
  evaluateLook,
  closeOpen,
  FIRST_LOOK_ROUNDS,
  ROUNDS_PER_LOOK,
  anyOpen,
} from '../checks/sequential.ts';
import { roundOrder } from '../checks/paired-rounds.ts';
import type { PairedCell, PairedPrior, SequentialSettings, TrackedCell } from '../checks/types.ts';
import { createRng, hashSeed } from '../lib/random.ts';
import type { Rng } from '../lib/types.ts';
import { gaussian } from './checks-synthetic.ts';

/** The parameters of the model (spreads are standard deviations of the natural log of one process median). */
export interface PairedNoise {
  between: number;
  noisyShare: number;
  noisyBetween: number;
  processOutlierRate: number;
  processOutlierMax: number;
  /** Log drift of the machine from one run to the next within a round. */
  drift: number;
}

export const PAIRED_NOISE: PairedNoise = {
  between: 0.02,
  noisyShare: 0.1,
  noisyBetween: 0.15,
  processOutlierRate: 0.01,
  processOutlierMax: 2,
  drift: 0.01,
};

/** One process's log level around the cell's true log median. */
function processLog(rng: Rng, sd: number, noise: PairedNoise): number {
  let level = sd * gaussian(rng);
  if (rng.next() < noise.processOutlierRate)
    level += Math.log(1.2 + rng.next() * (noise.processOutlierMax - 1.2));
  return level;
}

/** What one simulated tier-2 run is: cells, which are slowed and by how much. */
export interface PairedSpec {
  cells: number;
  slowed: readonly number[];
  factor: number;
  seed: number;
  noise?: PairedNoise;
}

/** The result of one simulated run: the cells' results, rounds taken, the last prior. */
export interface SimulatedRun {
  cells: PairedCell[];
  rounds: number;
  prior: PairedPrior;
}

/**
 * Tier 2 on simulated cells, as ab runs it: rounds in ABBA blocks, a look after each block from
 * FIRST_LOOK_ROUNDS on, only cells still open measured again, at most settings.max_rounds. The
 * slowed cells are calm ones (a test is not flattered by them).
 */
export function simulateRun(spec: PairedSpec, settings: SequentialSettings): SimulatedRun {
  const noise = spec.noise ?? PAIRED_NOISE;
  const rng = createRng(hashSeed(`paired:${spec.seed}`));
  const slowed = new Set(spec.slowed);
  const spreads = Array.from({ length: spec.cells }, (_, index) =>
    !slowed.has(index) && rng.next() < noise.noisyShare ? noise.noisyBetween : noise.between,
  );
  let cells: TrackedCell[] = spreads.map((_, index) => ({
    id: { suite: 'synthetic', variant: `v${index}`, runner: 'tinybench', n: 10 },
    rounds: [],
    looks: [],
    result: null,
  }));
  let prior: PairedPrior = { sd_pct: null, df: 0, cells: 0 };
  let round = 0;
  while (round < settings.max_rounds && (round < FIRST_LOOK_ROUNDS || anyOpen(cells))) {
    round++;
    const order = roundOrder(round);
    // The second run of a round is one drift step later than the first.
    const baseDrift = order === 'base-first' ? 0 : noise.drift;
    const headDrift = order === 'base-first' ? noise.drift : 0;
    cells = cells.map((cell, index) => {
      if (cell.result !== null && cell.result.basis !== 'open') return cell;
      const sd = spreads[index] as number;
      const base = Math.exp(processLog(rng, sd, noise) + baseDrift) * 1000;
      const head =
        Math.exp(processLog(rng, sd, noise) + headDrift) * 1000 * (slowed.has(index) ? spec.factor : 1);
      return { ...cell, rounds: [...cell.rounds, { round, order, base_ns: base, head_ns: head }] };
    });
    if (round >= FIRST_LOOK_ROUNDS && (round - FIRST_LOOK_ROUNDS) % ROUNDS_PER_LOOK === 0) {
      const look = evaluateLook(cells, settings);
      cells = look.cells;
      prior = look.prior;
    }
  }
  return { cells: closeOpen(cells).map((cell) => cell.result as PairedCell), rounds: round, prior };
}

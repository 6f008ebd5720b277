/**
 * Tier 1 of the CI gate (issue 11): instructions per operation of a base and a head checkout, in
 * two passes, and the A/A self-check.
 *
 * 1. Screening: every cell, one valgrind process per side, both sides at once.
 * 2. Confirmation: every ladder that moved by the threshold in the screening (either direction)
 *    is measured again on both sides, a process per ladder.
 *    These figures replace the screening's: a long screening process is not deterministic enough
 *    to give a verdict (its A/A flagged cells), a process per ladder is.
 * 3. A/A: a fixed sample of ladders spread over the plan, and the first of the confirmed ones, are
 *    measured on head a second time in the confirmation layout; they must agree within
 *    SELF_CHECK_TOLERANCE_PCT before any verdict (checks/instructions.ts).
 */
import { join } from 'node:path';
import {
  compareInstructions,
  movedLadders,
  SELF_CHECK_TOLERANCE_PCT,
  sampleLadders,
  selfCheck,
} from '../../checks/instructions.ts';
import { variantKey } from '../../lib/cell-key.ts';
import type { CacheMode, InstructionCell, InstructionGateResult } from '../../lib/types.ts';
import { callgrindAddon } from '../../runners/instructions/addon.ts';
import { bundleHarness, bundleRevision } from '../../runners/instructions/bundle.ts';
import { SELF_CHECK_LADDERS } from '../../runners/instructions/constants.ts';
import { measureSide, type PlannedLadder, processSlots } from '../../runners/instructions/side.ts';
import { valgrindVersion } from '../../runners/instructions/valgrind.ts';

export interface GateOptions {
  /** The base revision's checkout. */
  base: string;
  /** This checkout. */
  head: string;
  /** Work folder (bundles, plans, callgrind output). */
  dir: string;
  ladders: readonly PlannedLadder[];
  seed: number;
  cache_mode: CacheMode;
  threshold_pct: number;
  /** valgrind processes at once. */
  jobs: number;
  progress: (line: string) => void;
}

/** Cells of `cells` whose ladder is in `keys`, replaced by their figure in `better`. */
function replaced(cells: readonly InstructionCell[], better: readonly InstructionCell[]): InstructionCell[] {
  const again = new Map(better.map((cell) => [`${variantKey(cell)}/${cell.n}`, cell]));
  return cells.map((cell) => again.get(`${variantKey(cell)}/${cell.n}`) ?? cell);
}

/** Runs tier 1: screening, confirmation of what moved, A/A self-check; the verdicts are the caller's. */
export async function instructionGate(options: GateOptions): Promise<InstructionGateResult> {
  const { dir, ladders, progress } = options;
  // Folder names of one length on every side: the plans and paths a process sees differ in one
  // word, never in size.
  const valgrind = await valgrindVersion();
  const sides = { base: join(dir, 'base'), head: join(dir, 'head'), again: join(dir, 'rept') };
  const files = {
    ...(await bundleHarness(join(dir, 'harness'))),
    addon: await callgrindAddon(),
    seed: options.seed,
    cache_mode: options.cache_mode,
  };
  const bundles = { base: join(sides.base, 'bundles'), head: join(sides.head, 'bundles') };
  await bundleRevision(options.base, bundles.base);
  await bundleRevision(options.head, bundles.head);
  const slots = processSlots(options.jobs);
  const side = (
    bundle: string,
    chosen: readonly PlannedLadder[],
    layout: 'screening' | 'confirmation',
    at: string,
  ) => measureSide({ files, bundles: bundle, ladders: chosen, layout, dir: at, slots });

  progress(`screening ${ladders.length} ladders, one valgrind process per side`);
  const [screenBase, screenHead] = await Promise.all([
    side(bundles.base, ladders, 'screening', join(sides.base, 'screen')),
    side(bundles.head, ladders, 'screening', join(sides.head, 'screen')),
  ]);
  const screened = compareInstructions(screenBase.cells, screenHead.cells, options.threshold_pct);
  const confirmed = movedLadders(screened, options.threshold_pct);
  const keys = ladders.map(variantKey);
  const sample = [
    ...new Set([...sampleLadders(keys, SELF_CHECK_LADDERS), ...confirmed.slice(0, SELF_CHECK_LADDERS)]),
  ];
  const pick = (chosen: readonly string[]) => ladders.filter((ladder) => chosen.includes(variantKey(ladder)));
  progress(
    `confirming ${confirmed.length} ladder(s) that moved by ${options.threshold_pct}% or more, and the A/A sample of ${sample.length}, a process per ladder`,
  );
  const [confirmBase, confirmHead, again] = await Promise.all([
    side(bundles.base, pick(confirmed), 'confirmation', join(sides.base, 'confirm')),
    side(
      bundles.head,
      pick([...new Set([...confirmed, ...sample])]),
      'confirmation',
      join(sides.head, 'confirm'),
    ),
    side(bundles.head, pick(sample), 'confirmation', join(sides.again, 'confirm')),
  ]);
  const rows = compareInstructions(
    replaced(screenBase.cells, confirmBase.cells),
    replaced(
      screenHead.cells,
      confirmHead.cells.filter((cell) => confirmed.includes(variantKey(cell))),
    ),
    options.threshold_pct,
  );
  const inSample = (cells: readonly InstructionCell[]) =>
    cells.filter((cell) => sample.includes(variantKey(cell)));
  const runs = [screenBase, screenHead, confirmBase, confirmHead, again];
  return {
    rows,
    self_check: selfCheck(inSample(confirmHead.cells), again.cells, SELF_CHECK_TOLERANCE_PCT),
    confirmed,
    sample,
    cpu_s: runs.reduce((sum, run) => sum + run.cpu_s, 0),
    processes: runs.reduce((sum, run) => sum + run.processes, 0),
    valgrind,
  };
}

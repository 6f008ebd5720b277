/**
 * The instruction harness: what runs inside valgrind (callgrind, instrumentation off at start).
 * Started by runners/instructions/valgrind.ts as `node <V8 pins> harness.cjs <plan.json>`.
 *
 * It is one synchronous script from its first line to its last: it never awaits, so node's event
 * loop never turns while it runs, and no task V8 or node posts (a scavenge job, a finished file
 * read) can run at a moment that depends on timing. It reads no clock. What it executes is fixed
 * by the plan (InstructionHarnessPlan): the cells, their order, warm-up and segment sizes.
 *
 * Per ladder: a fresh instance of the revision's suite bundle and of the operation builder (new
 * function literals, as in a process of its own). Per cell, in plan order: make the input, verify
 * one answer, decide with the counting pass whether the operation shares one instance (as the time
 * path does), build the operation and a loop of its own (a new function literal per cell), then
 * warm up with `warmup_ops` operations. Once every cell is warmed up, the segments of each, each after a minor GC (so that no
 * scavenge falls inside one): CALLGRIND_ZERO_STATS, `units x segment_ops` operations,
 * CALLGRIND_DUMP_STATS. The parent reads the dumps in order (HarnessManifest says whose they are).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { compileFunction } from 'node:vm';
import { messageOf } from '../../lib/errors.ts';
import type { memoize } from '../../lib/memoize.ts';
import { rngFor } from '../../lib/random.ts';
import { sink } from '../../lib/sink.ts';
import type {
  Answer,
  HarnessCell,
  HarnessManifest,
  InstanceMode,
  InstructionHarnessPlan,
  InstructionLadderPlan,
  Suite,
  Tools,
  VariantFactory,
} from '../../lib/types.ts';
import type * as OperationModule from '../operation.ts';
import { answerText, classifyError } from '../verify.ts';

/** The callgrind client requests (runners/instructions/callgrind-addon.c). */
interface Callgrind {
  start(): void;
  zero(): void;
  dump(): void;
  running(): number;
}

/** What a revision's suite bundle exports (runners/instructions/bundle.ts). */
interface SuiteBundle {
  default: Suite;
  plainTools: Tools;
  memoize: typeof memoize;
}

type Gc = (options: { type: 'minor' | 'major'; execution: 'sync' }) => void;

const planPath = process.argv[2];
if (planPath === undefined) throw new Error('usage: node harness.cjs <plan.json>');
const plan = JSON.parse(readFileSync(planPath, 'utf8')) as InstructionHarnessPlan;
const nodeRequire = createRequire(planPath);
const addon = { exports: {} as Callgrind };
process.dlopen(addon, plan.addon);
const callgrind = addon.exports;
const gc = (globalThis as { gc?: Gc }).gc;
if (gc === undefined) throw new Error('the harness needs node --expose-gc');

/** Source texts, read once: every ladder evaluates them again. */
const sources = new Map<string, string>();

/**
 * Evaluates a CommonJS bundle as a new module instance. The tag makes each instance's source text
 * unique, so that V8's compilation cache cannot hand back functions of an earlier instance; the
 * file name is the same for both revisions (no path of either reaches the heap).
 */
function evaluate<T>(file: string, name: string, tag: string): T {
  let source = sources.get(file);
  if (source === undefined) {
    source = readFileSync(file, 'utf8');
    sources.set(file, source);
  }
  const module = { exports: {} };
  const wrapper = compileFunction(`${source}\n// ${tag}\n`, ['exports', 'require', 'module'], {
    filename: `memobench:${name}`,
  });
  wrapper(module.exports, nodeRequire, module);
  return module.exports as T;
}

/** A cell waiting for its segments. */
interface Ready {
  cell: HarnessCell;
  reference: string;
  run: (ops: number) => void;
  segmentOps: number;
  /** An instance made after the warm-up, kept alive so that its optimised code is held strongly. */
  keep: unknown;
}

const cells: HarnessCell[] = [];
const ready: Ready[] = [];

function measure({ cell, reference, run, segmentOps }: Ready): void {
  try {
    for (const units of plan.pattern) {
      gc?.({ type: 'minor', execution: 'sync' });
      callgrind.zero();
      run(units * segmentOps);
      callgrind.dump();
      cell.segments.push(units * segmentOps);
    }
    const last = answerText(sink.value as Answer);
    if (last !== reference) {
      cell.status = 'wrong-answer';
      cell.message = `a measured operation answered ${last}, expected ${reference}`;
    }
  } catch (error) {
    Object.assign(cell, classifyError(error));
    cell.message = `while measured: ${cell.message}`;
  }
}

/** Prepares the cells of one ladder for measurement; a failed cell stops the ladder. */
function ladder(index: number, spec: InstructionLadderPlan): void {
  const tag = `ladder ${index}: ${spec.suite}/${spec.variant}`;
  const name = `${spec.suite}.cjs`;
  if (!existsSync(spec.bundle)) {
    // A suite that only the other revision has: its cells are not compared.
    for (const { n } of spec.cells) {
      const message = 'the revision has no such suite file';
      cells.push({ suite: spec.suite, variant: spec.variant, n, status: 'skipped', message, segments: [] });
    }
    return;
  }
  const side = evaluate<SuiteBundle>(spec.bundle, name, `${tag} (measured)`);
  const counting = evaluate<SuiteBundle>(spec.bundle, name, `${tag} (counting)`);
  const operations = evaluate<typeof OperationModule>(plan.operation, 'operation.cjs', tag);
  const suite = side.default;
  const factory = suite.variants[spec.variant] as VariantFactory<unknown, Answer> | undefined;
  let stopped: string | undefined;
  for (const { n, warmup_ops, segment_ops } of spec.cells) {
    const cell: HarnessCell = { suite: spec.suite, variant: spec.variant, n, status: 'ok', segments: [] };
    cells.push(cell);
    if (stopped !== undefined || factory === undefined) {
      cell.status = 'skipped';
      cell.message = stopped ?? `the revision has no variant '${spec.variant}'`;
      continue;
    }
    let reference: string;
    let input: unknown;
    try {
      input = suite.input(n, rngFor(plan.seed, suite.id, n));
      reference = answerText(suite.reference(input));
    } catch (error) {
      cell.status = 'error';
      cell.message = `input or reference failed at n = ${n}: ${messageOf(error)}`;
      stopped = `failed at n = ${n}`;
      continue;
    }
    try {
      const answer = answerText(factory(side.plainTools)(input));
      if (answer !== reference) {
        cell.status = 'wrong-answer';
        cell.message = `expected ${reference} (reference), got ${answer}`;
        stopped = `wrong answer at n = ${n}`;
        continue;
      }
      const spec0 = { mode: plan.cache_mode, suite, factory, input, n, seed: plan.seed };
      cell.instance = instanceMode(operations, spec0, counting, spec.variant, reference);
      const operation = operations.buildOperation({
        ...spec0,
        instance: cell.instance,
        tools: side.plainTools,
      });
      if (plan.cache_mode !== 'cold' && answerText(operation.timed()) !== reference) {
        cell.status = 'wrong-answer';
        cell.message = `expected ${reference} (reference) in ${plan.cache_mode} mode`;
        stopped = `wrong answer at n = ${n}`;
        continue;
      }
      const cellTag = JSON.stringify(`${tag}/${n}`);
      const run = new Function(
        'timed',
        'sink',
        `/* ${cellTag} */\nreturn function run(ops) {\n  for (let i = 0; i < ops; i++) sink.value = timed();\n};`,
      )(operation.timed, sink) as (ops: number) => void;
      run(warmup_ops);
      const entry: Ready = { cell, reference, run, segmentOps: segment_ops, keep: operation.retain() };
      ready.push(entry);
    } catch (error) {
      Object.assign(cell, classifyError(error));
      stopped = `failed at n = ${n}`;
    }
  }
}

/** The counting pass's verdict on instances (per-call when it cannot tell), as runners/counting-step.ts decides. */
function instanceMode(
  operations: typeof OperationModule,
  spec: OperationModule.OperationSpec<unknown>,
  counting: SuiteBundle,
  variant: string,
  reference: string,
): InstanceMode {
  const factory = counting.default.variants[variant] as VariantFactory<unknown, Answer> | undefined;
  if (factory === undefined) return 'per-call';
  try {
    const counted = operations.countOperation({ ...spec, counting: { factory, memoize: counting.memoize } });
    return answerText(counted.answer) === reference ? counted.instance : 'per-call';
  } catch {
    return 'per-call';
  }
}

// Every cell is verified and warmed up first, uninstrumented; then instrumentation is switched on
// once (each start flushes valgrind's translation cache) and every cell is measured in plan order.
plan.ladders.forEach((spec, index) => {
  ladder(index, spec);
});
gc({ type: 'major', execution: 'sync' });
callgrind.start();
for (const entry of ready) measure(entry);
const manifest: HarnessManifest = { on_valgrind: callgrind.running(), cells };
writeFileSync(plan.manifest, JSON.stringify(manifest));

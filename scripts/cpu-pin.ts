/**
 * Pinning tier 2's runs to one CPU (Linux, `taskset` from util-linux): both sides of every round run
 * on the same core, so that base and head see the same cache, frequency and neighbours, and the
 * scheduler does not move a measurement between cores. Where taskset is missing or refused (macOS,
 * a container without it), the runs are not pinned and the report says so.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { UsageError } from '../lib/errors.ts';

const run = promisify(execFile);

/** How the rounds are run: the command prefix (empty when not pinned), the CPU and a sentence for the report. */
export interface Pinning {
  prefix: string[];
  cpu: number | null;
  note: string;
}

/** `--pin`: `auto` (the last CPU this process may use, when taskset works), `off`, or a CPU number. */
export type PinRequest = 'auto' | 'off' | number;

/** A Linux CPU list ("0-3,6,8-9") as numbers. */
export function parseCpuList(text: string): number[] {
  return text
    .trim()
    .split(',')
    .filter((part) => part !== '')
    .flatMap((part) => {
      const [from, to = from] = part.split('-').map(Number) as [number, number?];
      if (!Number.isInteger(from) || !Number.isInteger(to) || to < from)
        throw new Error(`not a CPU list: ${text}`);
      return Array.from({ length: to - from + 1 }, (_, i) => from + i);
    });
}

/** The CPUs this process may run on, by `taskset -cp <pid>`; null when taskset is missing or fails. */
export async function allowedCpus(): Promise<number[] | null> {
  try {
    const { stdout } = await run('taskset', ['-cp', String(process.pid)]);
    return parseCpuList(stdout.split(':').at(-1) ?? '');
  } catch {
    return null;
  }
}

/** Whether taskset can start a process on `cpu` here (a container may list CPUs it may not set); null when it can, else why not. */
export async function pinRefusal(cpu: number): Promise<string | null> {
  try {
    await run('taskset', ['-c', String(cpu), 'true']);
    return null;
  } catch (error) {
    const text = (error as { stderr?: string }).stderr?.trim() || String(error);
    return text.split('\n')[0] as string;
  }
}

/** The parser of `--pin`. */
export function pinRequest(text: string): PinRequest {
  if (text === 'auto' || text === 'off') return text;
  const cpu = Number(text);
  if (text.trim() === '' || !Number.isSafeInteger(cpu) || cpu < 0)
    throw new UsageError(`--pin must be auto, off or a CPU number (got '${text}')`);
  return cpu;
}

/**
 * Where to run the rounds. The last allowed CPU by default: the first is the one Linux tends to give
 * interrupts and other processes. A CPU that this process may not use, or that taskset cannot set,
 * is bad input when asked for by number; with `auto` the runs are then not pinned, and the note says why.
 */
export async function choosePinning(
  request: PinRequest,
  probe: () => Promise<number[] | null> = allowedCpus,
  refusal: (cpu: number) => Promise<string | null> = pinRefusal,
): Promise<Pinning> {
  if (request === 'off') return { prefix: [], cpu: null, note: 'not pinned (--pin off)' };
  const cpus = await probe();
  if (cpus === null || cpus.length === 0) {
    if (request !== 'auto') throw new UsageError(`--pin ${request}: taskset is not available here`);
    return { prefix: [], cpu: null, note: 'not pinned: taskset is not available here' };
  }
  const cpu = request === 'auto' ? (cpus.at(-1) as number) : request;
  if (!cpus.includes(cpu))
    throw new UsageError(`--pin ${cpu}: this process may run only on CPUs ${cpus.join(', ')}`);
  const refused = await refusal(cpu);
  if (refused !== null) {
    if (request !== 'auto') throw new UsageError(`--pin ${cpu}: taskset refused: ${refused}`);
    return { prefix: [], cpu: null, note: `not pinned: taskset refused CPU ${cpu} (${refused})` };
  }
  return {
    prefix: ['taskset', '-c', String(cpu)],
    cpu,
    note: `pinned to CPU ${cpu} (of ${cpus.join(', ')}) with taskset: both sides, every round`,
  };
}

import { execFile, spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { UsageError } from '../../lib/errors.ts';
import type { HarnessManifest, InstructionHarnessPlan } from '../../lib/types.ts';
import { partInstructions } from './callgrind-output.ts';
import { V8_PINS, VALGRIND_OPTIONS } from './constants.ts';

/** One harness process under valgrind: what it did, the instructions of its dumps, and what it cost. */
export interface HarnessRun {
  manifest: HarnessManifest;
  /** Instructions of each callgrind part, in order (the harness's segments, then the end of the process). */
  parts: number[];
  /** CPU time of the process (user + system), s. */
  cpu_s: number;
  /** Its wall time, s. */
  wall_s: number;
}

/** The files of one process in its folder; the names have the same length in every folder. */
export const PROCESS_FILES = {
  plan: 'plan.json',
  manifest: 'manifest.json',
  callgrind: 'callgrind.out',
} as const;

/**
 * The child's whole environment: only PATH, so that both revisions' processes start with the same
 * bytes (no NODE_OPTIONS, no variable of different length), and C collation.
 */
function childEnvironment(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' };
}

/**
 * Runs `plan` in one valgrind process, in `dir` (its working folder, where its files go). The
 * process runs under `sh -c '...; times'` so that its CPU time can be read (node cannot read a
 * child's resource usage). Rejects when valgrind is missing (UsageError, one line) or the
 * harness fails (the end of its stderr).
 */
export async function runHarness(
  plan: Omit<InstructionHarnessPlan, 'manifest'>,
  dir: string,
  harness: string,
  signal?: AbortSignal,
): Promise<HarnessRun> {
  const planFile = join(dir, PROCESS_FILES.plan);
  const full: InstructionHarnessPlan = { ...plan, manifest: join(dir, PROCESS_FILES.manifest) };
  await writeFile(planFile, JSON.stringify(full));
  const args = [
    ...VALGRIND_OPTIONS,
    `--callgrind-out-file=${join(dir, PROCESS_FILES.callgrind)}`,
    process.execPath,
    ...V8_PINS,
    harness,
    planFile,
  ];
  // `times` prints the shell's and then its children's user and system time, on fd 3.
  const script = '"$@"; status=$?; times >&3; exit $status';
  const started = process.hrtime.bigint();
  const { code, stderr, times } = await new Promise<{ code: number; stderr: string; times: string }>(
    (resolve, reject) => {
      const child = spawn('sh', ['-c', script, 'sh', 'valgrind', ...args], {
        cwd: dir,
        env: childEnvironment(),
        stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
        signal,
      });
      let stderr = '';
      let times = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString()).slice(-20_000);
      });
      child.stdio[3]?.on('data', (chunk: Buffer) => {
        times += chunk.toString();
      });
      child.on('error', reject);
      child.on('close', (status) => resolve({ code: status ?? 1, stderr, times }));
    },
  );
  const wall_s = Number(process.hrtime.bigint() - started) / 1e9;
  if (code === 127 && /valgrind: (not found|No such file)/.test(stderr)) {
    throw new UsageError(valgrindMissing());
  }
  if (code !== 0) {
    throw new Error(
      `the instruction harness failed (exit ${code}): ${stderr.trim().split('\n').slice(-8).join(' | ')}`,
    );
  }
  const manifest = JSON.parse(await readFile(full.manifest, 'utf8')) as HarnessManifest;
  if (manifest.on_valgrind === 0) throw new Error('the harness did not run under valgrind');
  const parts = partInstructions(await readFile(join(dir, PROCESS_FILES.callgrind), 'utf8'));
  return { manifest, parts, cpu_s: childCpuSeconds(times), wall_s };
}

/** The children's user + system time from the output of `times` (second line: "0m3.120s 0m0.410s"), s. */
export function childCpuSeconds(times: string): number {
  const line = times.trim().split('\n')[1] ?? '';
  const seconds = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return seconds.reduce((sum, value) => sum + value, 0);
}

/** The one line said when valgrind is not installed. */
export function valgrindMissing(): string {
  return 'instructions need valgrind, which is not installed here (Debian/Ubuntu: sudo apt-get install valgrind; or bash scripts/install-valgrind.sh)';
}

/** valgrind's version (`valgrind-3.19.0`); a UsageError of one line when it is not installed. */
export async function valgrindVersion(): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)('valgrind', ['--version']);
    return stdout.trim();
  } catch {
    throw new UsageError(valgrindMissing());
  }
}

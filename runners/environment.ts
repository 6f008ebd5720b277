import { execFileSync } from 'node:child_process';
import { cpus, platform, release, totalmem } from 'node:os';
import type { Environment } from '../lib/types.ts';

/** The git commit of the checkout memobench runs from, or null outside git. */
function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return null;
  }
}

/** Describes this machine and process, for the results file. */
export function readEnvironment(command: string, date: Date = new Date()): Environment {
  const cores = cpus();
  return {
    node: process.version,
    v8: process.versions.v8,
    os: `${platform()} ${release()}`,
    arch: process.arch,
    cpu_model: cores[0]?.model.trim() ?? 'unknown',
    cpu_cores: cores.length,
    total_memory_bytes: totalmem(),
    git_commit: gitCommit(),
    command,
    date: date.toISOString(),
  };
}

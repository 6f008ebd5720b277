import { Bench } from 'tinybench';
import type { Measure } from '../lib/types.ts';
import { WARMUP_ITERATIONS } from './constants.ts';

/**
 * The default backend. tinybench times each task-function call with process.hrtime; one
 * task-function call is one sample and runs `batch` calls of the variant. Timer-overhead
 * subtraction is off: batching keeps samples far above the timer's cost instead.
 */
export const measureWithTinybench: Measure = async (call, batch, sampling) => {
  const bench = new Bench({
    time: sampling.time_ms,
    iterations: sampling.min_samples,
    warmup: sampling.warmup_ms > 0,
    warmupTime: sampling.warmup_ms,
    warmupIterations: WARMUP_ITERATIONS,
    timestampProvider: 'hrtimeNow',
    retainSamples: true,
    throws: true,
  });
  bench.add('cell', () => {
    for (let i = 0; i < batch; i++) call();
  });
  const [task] = bench.runSync();
  const result = task?.result;
  if (result === undefined || !('latency' in result) || result.latency.samples === undefined) {
    throw new Error(`tinybench returned no samples (state: ${result?.state ?? 'none'})`);
  }
  return [...result.latency.samples];
};

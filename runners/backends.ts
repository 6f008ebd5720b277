import { type Measure, RUNNER_NAMES, type RunnerChoice, type RunnerName } from '../lib/types.ts';
import { measureWithTinybench } from './tinybench.ts';

/** The timing backends by name. benny is loaded only when asked for (it pulls in benchmark.js). */
export async function backend(name: RunnerName): Promise<Measure> {
  if (name === 'tinybench') return measureWithTinybench;
  const { measureWithBenny } = await import('./benny.ts');
  return measureWithBenny;
}

/** The backends a --runner choice runs, tinybench first. */
export function runnersOf(choice: RunnerChoice): RunnerName[] {
  return choice === 'both' ? [...RUNNER_NAMES] : [choice];
}

import { pathToFileURL } from 'node:url';
import type { memoize } from '../lib/memoize.ts';
import type { Answer, VariantFactory } from '../lib/types.ts';

/** What the instrumented (counting) pass runs: its own copies of the variants and of memoize. */
export interface CountingCode {
  variants: Record<string, VariantFactory<unknown, Answer>>;
  memoize: typeof memoize;
}

/**
 * Loads a second, separate module instance of a suite file (and of lib/memoize.ts) for the
 * counting pass. V8 keeps type feedback per function literal, so running the timed code's own
 * functions on counting Proxies once would make them polymorphic and slow the timed pass down
 * (measured: bottom-up Fibonacci 3.4x slower). A different module URL gives different functions.
 * The modules come from the child's code (runners/child-code.ts: the sources, or their compiled
 * copies; a compiled bundle has no ../lib beside it, so nothing here is resolved from this file).
 */
export async function loadCountingCode(suiteModule: string, memoizeModule: string): Promise<CountingCode> {
  const suite = (await import(`${pathToFileURL(suiteModule).href}?instance=counting`)).default;
  const { memoize } = await import(`${pathToFileURL(memoizeModule).href}?instance=counting`);
  return { variants: suite.variants, memoize };
}

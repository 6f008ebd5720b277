import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../lib/atomic-write.ts';
import type { Results } from '../lib/types.ts';
import { cellsToCsv } from './csv.ts';
import { renderSvg } from './render.ts';
import { summarizeRun, summaryMarkdown } from './summary.ts';
import { overviewTimeSpec, suiteTimeSpec, type VegaLiteSpec } from './vega.ts';

/** results.csv, rewritten after every cell so the run folder always holds a complete, valid file. */
export async function writeCsv(dir: string, results: Results): Promise<void> {
  await writeFileAtomic(join(dir, 'results.csv'), cellsToCsv(results.cells));
}

/** The chart specs of a run, by file stem. */
export function chartSpecs(results: Results): Map<string, VegaLiteSpec> {
  const specs = new Map<string, VegaLiteSpec>();
  for (const suite of results.suites) specs.set(`${suite.id}.time`, suiteTimeSpec(suite, results));
  specs.set('overview.time', overviewTimeSpec(results));
  return specs;
}

/**
 * Every report of a run, from the results alone: results.csv, charts/<name>.vl.json with the data
 * inlined (opens as is in the Vega editor), the same chart as .svg, and summary.md. Returns the
 * files written, relative to `dir`.
 */
export async function writeReports(dir: string, results: Results): Promise<string[]> {
  const written = ['results.csv'];
  await writeCsv(dir, results);
  await mkdir(join(dir, 'charts'), { recursive: true });
  for (const [name, spec] of chartSpecs(results)) {
    await writeFileAtomic(join(dir, 'charts', `${name}.vl.json`), `${JSON.stringify(spec, null, 1)}\n`);
    await writeFileAtomic(join(dir, 'charts', `${name}.svg`), await renderSvg(spec));
    written.push(`charts/${name}.vl.json`, `charts/${name}.svg`);
  }
  const summary = `# memobench summary\n\n${summaryMarkdown(summarizeRun(results))}\n`;
  await writeFileAtomic(join(dir, 'summary.md'), summary);
  written.push('summary.md');
  return written;
}

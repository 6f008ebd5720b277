import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../lib/atomic-write.ts';
import { writeResults } from '../lib/results-file.ts';
import type { Results } from '../lib/types.ts';
import { auditRows, withoutLibraries } from './audit.ts';
import { auditSpec } from './audit-chart.ts';
import { capacitySpec } from './capacity-chart.ts';
import type { VegaLiteSpec } from './chart.ts';
import { cellsToCsv } from './csv.ts';
import { reportHtml } from './html.ts';
import { loadHtmlAssets } from './html-assets.ts';
import { summaryDocument } from './markdown.ts';
import { ALLOCATED_METRIC, RETAINED_METRIC, suiteTradeOffSpec } from './memory-charts.ts';
import { pngRenderer } from './png.ts';
import { primaryCells } from './primary.ts';
import { renderSvg } from './render.ts';
import {
  CALLS_METRIC,
  overviewSpeedupSpec,
  overviewTimeSpec,
  suiteMetricSpec,
  suiteSpeedupSpec,
  suiteTimeSpec,
} from './vega.ts';

/** results.csv, rewritten after every cell so the run folder always holds a complete, valid file. */
export async function writeCsv(dir: string, results: Results): Promise<void> {
  await writeFileAtomic(join(dir, 'results.csv'), cellsToCsv(results.cells));
}

/**
 * How a run saves its progress into `dir`: results.json, then results.csv, each written atomically
 * (runBench calls it whenever a ladder ends, so an interrupted run leaves valid files).
 */
export function runSaver(dir: string): (results: Results) => Promise<void> {
  return async (results) => {
    await writeResults(join(dir, 'results.json'), results);
    await writeCsv(dir, results);
  };
}

/**
 * The chart specs of a run, by file stem: per suite the time chart, the speedup chart (when the run
 * has naive and another variant at a common n), the call-count chart (when cells have counts) and
 * the LRU capacity chart (when the run has the suite's capacity curve);
 * then the overviews across suites, and the audit of npm memoizers when the run has library
 * variants. One series per variant (see primary.ts); the per-suite charts and overviews show the
 * hand-written variants, the audit chart the library ones.
 */
export function chartSpecs(run: Results): Map<string, VegaLiteSpec> {
  const results = withoutLibraries({ ...run, cells: primaryCells(run.cells) });
  const specs = new Map<string, VegaLiteSpec>();
  for (const suite of results.suites) {
    specs.set(`${suite.id}.time`, suiteTimeSpec(suite, results));
    const speedup = suiteSpeedupSpec(suite, results);
    if (speedup !== null) specs.set(`${suite.id}.speedup`, speedup);
    const counted = results.cells.some(
      (cell) => cell.suite === suite.id && cell.status === 'ok' && (cell.calls ?? 0) > 0,
    );
    if (counted) specs.set(`${suite.id}.calls`, suiteMetricSpec(suite, results, CALLS_METRIC));
    const measured = results.cells.some(
      (cell) => cell.suite === suite.id && cell.status === 'ok' && (cell.retained_bytes ?? 0) > 0,
    );
    if (measured) {
      specs.set(`${suite.id}.retained`, suiteMetricSpec(suite, results, RETAINED_METRIC));
      specs.set(`${suite.id}.allocated`, suiteMetricSpec(suite, results, ALLOCATED_METRIC));
    }
    const tradeOff = suiteTradeOffSpec(suite, results);
    if (tradeOff !== null) specs.set(`${suite.id}.tradeoff`, tradeOff);
    const curve = run.capacity?.find((each) => each.suite === suite.id);
    const capacity = curve === undefined ? null : capacitySpec(curve, suite.title);
    if (capacity !== null) specs.set(`${suite.id}.capacity`, capacity);
  }
  specs.set('overview.time', overviewTimeSpec(results));
  const speedup = overviewSpeedupSpec(results);
  if (speedup !== null) specs.set('overview.speedup', speedup);
  const audit = auditSpec(auditRows(run));
  if (audit !== null) specs.set('audit', audit);
  return specs;
}

/**
 * Every report of a run, from the results alone (so `npm run report` can rebuild them later):
 * results.csv; charts/<name>.vl.json with the data inlined (opens as is in the Vega editor), the
 * same chart as .svg and .png; report.html (self-contained, offline); summary.md. Returns the files
 * written, relative to `dir`.
 */
export async function writeReports(dir: string, results: Results): Promise<string[]> {
  const written = ['results.csv'];
  await writeCsv(dir, results);
  await mkdir(join(dir, 'charts'), { recursive: true });
  const specs = chartSpecs(results);
  // PNGs are drawn on a worker thread while the next charts are laid out, and awaited together.
  const renderer = pngRenderer();
  const pngs: Promise<void>[] = [];
  try {
    for (const [name, spec] of specs) {
      const svg = await renderSvg(spec);
      await writeFileAtomic(join(dir, 'charts', `${name}.vl.json`), `${JSON.stringify(spec, null, 1)}\n`);
      await writeFileAtomic(join(dir, 'charts', `${name}.svg`), svg);
      pngs.push(renderer.toPng(svg).then((png) => writeFileAtomic(join(dir, 'charts', `${name}.png`), png)));
      written.push(`charts/${name}.vl.json`, `charts/${name}.svg`, `charts/${name}.png`);
    }
    await Promise.all(pngs);
  } finally {
    await Promise.allSettled(pngs);
    await renderer.close();
  }
  await writeFileAtomic(join(dir, 'report.html'), reportHtml(results, specs, await loadHtmlAssets()));
  await writeFileAtomic(join(dir, 'summary.md'), summaryDocument(results));
  written.push('report.html', 'summary.md');
  return written;
}

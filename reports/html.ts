import { htmlEscape, jsonForScript } from '../lib/escape.ts';
import { formatElapsed } from '../lib/format.ts';
import { htmlTable } from '../lib/tables.ts';
import type { Results, Table } from '../lib/types.ts';
import { type AuditRow, auditRows, withoutLibraries } from './audit.ts';
import { AUDIT_NOTES, auditTable, configurationsTable } from './audit-tables.ts';
import { capacityTable } from './capacity-table.ts';
import { FONT_FAMILY, type VegaLiteSpec } from './chart.ts';
import { seedClaims } from './claims.ts';
import { claimsSection } from './claims-text.ts';
import { runFindings, type SuiteFindings } from './findings.ts';
import type { HtmlAssets, InlineScript } from './html-assets.ts';
import { CLIENT_SCRIPT } from './html-client.ts';
import { METHOD_NOTES } from './markdown.ts';
import { htmlWriter } from './section.ts';
import { cellsTable, findingsTables } from './suite-tables.ts';
import { headline } from './summary.ts';
import { verdictSection } from './verdict-section.ts';

/**
 * report.html: one self-contained file per run. Libraries, font, chart data and findings are all
 * inside it; it opens from file:// and makes no request (the Content-Security-Policy forbids any,
 * so a mistake shows up as a console error rather than as a silent download).
 */

/**
 * 'unsafe-inline' for the inlined scripts and styles; 'unsafe-eval' because vega compiles its
 * expressions with Function(); data: and blob: for the font and vega-embed's PNG/SVG export.
 * Nothing else: no connect, no remote script, image or font.
 */
const CSP =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:";

const STYLE = `
body { font-family: '${FONT_FAMILY}', sans-serif; margin: 0 auto; max-width: 1200px; padding: 1rem 2rem; color: #222; }
h1, h2, h3 { font-weight: normal; }
section { margin-bottom: 3rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; font-size: 0.9rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
th.num, td.num { text-align: right; }
td.num { white-space: nowrap; }
th button { font: inherit; font-weight: bold; background: none; border: none; padding: 0; cursor: pointer; }
th[aria-sort=ascending] button::after { content: ' \\25B2'; }
th[aria-sort=descending] button::after { content: ' \\25BC'; }
caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
.chart { margin: 1rem 0; min-height: 2rem; }
.headline { font-size: 1.05rem; }
.warning { background: #fff3cd; padding: 0.5rem 1rem; }
details { margin: 1rem 0; }
nav a { margin-right: 1rem; }
`;

/** A chart to place in the page: its container index points into the specs array. */
interface PlacedChart {
  name: string;
  spec: VegaLiteSpec;
}

/** A script element for an inlined library; refuses a source that would end the element early. */
export function inlineScript(script: InlineScript): string {
  if (/<\/script|<!--/i.test(script.source)) {
    throw new Error(`cannot inline ${script.name}: it contains "</script" or "<!--"`);
  }
  return `<script>/* ${script.name} */\n${script.source}\n</script>`;
}

function chartDiv(charts: PlacedChart[], name: string, all: ReadonlyMap<string, VegaLiteSpec>): string {
  const spec = all.get(name);
  if (spec === undefined) return '';
  charts.push({ name, spec });
  return `<div class="chart" data-chart="${charts.length - 1}" data-name="${htmlEscape(name)}"></div>`;
}

function suiteSection(
  findings: SuiteFindings,
  index: number,
  results: Results,
  specs: ReadonlyMap<string, VegaLiteSpec>,
  charts: PlacedChart[],
): string {
  const { info } = findings;
  const cells = results.cells.filter((cell) => cell.suite === info.id);
  const curve = results.capacity?.find((each) => each.suite === info.id);
  const capacity = curve === undefined ? null : capacityTable(curve);
  const notes = Object.entries(info.notes).map(
    ([variant, note]) => `<li><strong>${htmlEscape(variant)}</strong>: ${htmlEscape(note)}</li>`,
  );
  return `<section id="suite-${index}">
<h2>${htmlEscape(info.id)}: ${htmlEscape(info.title)}</h2>
<p>${htmlEscape(info.description)}</p>
<p>Recurrence: <code>${htmlEscape(info.recurrence)}</code>. Expected: naive ${htmlEscape(info.complexity.naive)}; memoized ${htmlEscape(info.complexity.memoized)}.</p>
${notes.length > 0 ? `<ul>${notes.join('')}</ul>` : ''}
<p class="headline">${htmlEscape(headline(findings.summary))}</p>
${findingsTables(findings).map(htmlTable).join('\n')}
${chartDiv(charts, `${info.id}.time`, specs)}
${chartDiv(charts, `${info.id}.speedup`, specs)}
${chartDiv(charts, `${info.id}.calls`, specs)}
${chartDiv(charts, `${info.id}.retained`, specs)}
${chartDiv(charts, `${info.id}.allocated`, specs)}
${chartDiv(charts, `${info.id}.tradeoff`, specs)}
${chartDiv(charts, `${info.id}.capacity`, specs)}
${capacity === null ? '' : htmlTable(capacity)}
${curve?.note === undefined ? '' : `<p>LRU capacity: ${htmlEscape(curve.note)}.</p>`}
<details class="cells"><summary>All ${cells.length} cells of ${htmlEscape(info.id)}</summary>
${htmlTable(cellsTable(cells))}
</details>
</section>`;
}

/** The audit of npm memoizers: table, chart and configurations; empty without library variants. */
function auditSection(
  rows: readonly AuditRow[],
  specs: ReadonlyMap<string, VegaLiteSpec>,
  charts: PlacedChart[],
) {
  if (rows.length === 0) return '';
  return `<section id="audit">
<h2>Audit of npm memoizers</h2>
${htmlTable(auditTable(rows))}
${chartDiv(charts, 'audit', specs)}
${htmlTable(configurationsTable(rows))}
<ul>${AUDIT_NOTES.map((note) => `<li>${htmlEscape(note)}</li>`).join('')}</ul>
</section>`;
}

/** The seed text's claims, checked: the same section as summary.md's; empty when the run checks none. */
function claimsHtml(results: Results): string {
  const blocks = claimsSection(seedClaims(withoutLibraries(results)), htmlWriter);
  return blocks.length === 0 ? '' : `<section id="claims">\n${blocks.join('\n')}\n</section>`;
}

function environmentSection(results: Results): string {
  const env = results.environment;
  const rows: [string, string][] = [
    ['Node', env.node],
    ['V8', env.v8],
    ['OS', env.os],
    ['architecture', env.arch],
    ['CPU', `${env.cpu_model} (${env.cpu_cores} cores)`],
    ['memory', `${(env.total_memory_bytes / 2 ** 30).toFixed(1)} GiB`],
    ['git commit', env.git_commit ?? 'not a git checkout'],
    ['command', env.command],
    ['started', env.date],
    ['run time', formatElapsed(results.elapsed_ms)],
    ['profile', results.options.profile],
    ['budget per call', `${results.options.budget_ms} ms`],
    ['sampling per cell', `${results.options.time_ms} ms (warm-up ${results.options.warmup_ms} ms)`],
    ['fewest samples', String(results.options.min_samples)],
    ['seed', String(results.options.seed)],
    ['timing backend', results.options.runner],
  ];
  const table: Table<[string, string]> = {
    sortable: false,
    rows,
    columns: [
      { header: 'what', text: ([what]) => what },
      { header: 'value', text: ([, value]) => value },
    ],
  };
  return htmlTable(table);
}

/** The whole page. `specs` are the run's charts by name (see chartSpecs in write-reports.ts). */
export function reportHtml(
  results: Results,
  specs: ReadonlyMap<string, VegaLiteSpec>,
  assets: HtmlAssets,
): string {
  // The suite sections compare the hand-written variants; the npm memoizers have the audit section.
  const findings = runFindings(withoutLibraries(results));
  const charts: PlacedChart[] = [];
  const overview = [
    chartDiv(charts, 'overview.time', specs),
    chartDiv(charts, 'overview.speedup', specs),
  ].join('\n');
  const audit = auditSection(auditRows(results), specs, charts);
  const claims = claimsHtml(results);
  const suites = findings.map((f, index) => suiteSection(f, index, results, specs, charts)).join('\n');
  const nav = findings.map((f, index) => `<a href="#suite-${index}">${htmlEscape(f.info.id)}</a>`).join('');
  const title = `memobench report: ${results.options.profile} profile, ${results.environment.date}`;
  const incomplete = results.complete
    ? ''
    : '<p class="warning">Incomplete run: results.json was written before the run finished.</p>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${htmlEscape(title)}</title>
<style>
@font-face { font-family: '${FONT_FAMILY}'; src: url(data:font/ttf;base64,${assets.font_base64}) format('truetype'); }
${STYLE}</style>
</head>
<body>
<header>
<h1>${htmlEscape(title)}</h1>
${incomplete}
<p>${results.cells.length} cells in ${results.suites.length} suites. Times are ns per call (estimate over processes, with the 95% interval another run’s estimate would fall in); hover over a point for its numbers, click a table header to sort.</p>
<nav><a href="#verdict">verdict</a>${audit === '' ? '' : '<a href="#audit">audit of npm memoizers</a>'}${claims === '' ? '' : '<a href="#claims">the seed’s claims</a>'}${nav}<a href="#environment">environment</a><a href="#method">method</a></nav>
</header>
<section id="verdict">
${verdictSection(results, htmlWriter).join('\n')}
</section>
<section id="overview">
<h2>Overview</h2>
${overview}
</section>
${audit}
${claims}
${suites}
<section id="environment">
<h2>Environment</h2>
${environmentSection(results)}
</section>
<section id="method">
<h2>Method</h2>
<ul>${METHOD_NOTES.map((note) => `<li>${htmlEscape(note)}</li>`).join('')}</ul>
</section>
<script id="chart-specs" type="application/json">${jsonForScript(charts.map((chart) => chart.spec))}</script>
${assets.scripts.map(inlineScript).join('\n')}
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { htmlEscape, jsonForScript } from '../lib/escape.ts';
import { inlineScript, reportHtml } from '../reports/html.ts';
import { loadHtmlAssets } from '../reports/html-assets.ts';
import { chartSpecs } from '../reports/write-reports.ts';
import { adviceFixture } from './advice-fixture.ts';
import { HOSTILE, reportFixture } from './report-fixture.ts';

const SPECS_OPEN = '<script id="chart-specs" type="application/json">';

/** The page without the inlined libraries (whose own code contains strings such as "<img src="). */
function withoutLibraries(html: string): string {
  return html.replace(/<script>\/\* [\w./-]+ \*\/\n[\s\S]*?\n<\/script>/g, '<script></script>');
}

async function fixtureHtml(): Promise<string> {
  const results = reportFixture();
  return reportHtml(results, chartSpecs(results), await loadHtmlAssets());
}

describe('reportHtml()', () => {
  it('inlines vega, vega-lite, vega-embed and the font, and loads nothing from elsewhere', async () => {
    const html = await fixtureHtml();
    for (const name of [
      'vega/build/vega.min.js',
      'vega-lite/build/vega-lite.min.js',
      'vega-embed/build/vega-embed.min.js',
    ]) {
      assert.ok(html.includes(`<script>/* ${name} */`), name);
    }
    assert.ok(!/<script[^>]*\ssrc=/i.test(html), 'no external script');
    assert.ok(!/<link\b/i.test(html), 'no stylesheet link');
    assert.match(html, /@font-face \{ font-family: 'Open Sans'; src: url\(data:font\/ttf;base64,AAEAAA/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
  });

  it('has a chart container for every chart spec, and the specs as JSON', async () => {
    const results = reportFixture();
    const html = reportHtml(results, chartSpecs(results), await loadHtmlAssets());
    const containers = html.match(/<div class="chart" data-chart="\d+"/g) ?? [];
    assert.equal(containers.length, chartSpecs(results).size);
    const start = html.indexOf(SPECS_OPEN) + SPECS_OPEN.length;
    const json = html.slice(start, html.indexOf('</script>', start));
    const specs = JSON.parse(json) as { title?: { text?: string } }[];
    assert.equal(specs.length, containers.length);
    assert.ok(
      specs.some((spec) => spec.title?.text === `${HOSTILE.title}: time per call (estimate over processes)`),
      'text round-trips through the escaped JSON unchanged',
    );
  });

  it('keeps hostile suite text inert, in markup and in the embedded JSON', async () => {
    const html = await fixtureHtml();
    const page = withoutLibraries(html);
    assert.ok(page.length < html.length / 2, 'the libraries were taken out');
    for (const text of Object.values(HOSTILE)) assert.ok(!html.includes(text), `raw: ${text}`);
    assert.ok(!page.includes('<img'), 'no tag from a description');
    assert.ok(!page.includes('<svg'), 'no tag from a message');
    assert.ok(!page.includes('<b>'), 'no tag from a recurrence');
    assert.ok(html.includes(`<h2>alpha: ${htmlEscape(HOSTILE.title)}</h2>`), 'the title is shown as text');
    const start = html.indexOf(SPECS_OPEN) + SPECS_OPEN.length;
    const json = html.slice(start, html.indexOf('</script>', start));
    assert.ok(!json.includes('<'), 'no "<" in the JSON, so neither </script> nor <!-- can end it');
    // Every <script> opened is closed by its own </script>: nothing from a suite closed one early.
    assert.equal((html.match(/<script\b/g) ?? []).length, (html.match(/<\/script>/g) ?? []).length);
    assert.equal((html.match(/<script\b/g) ?? []).length, 5, 'specs, three libraries, the client script');
  });

  it('lists every cell, with the environment and the method', async () => {
    const html = await fixtureHtml();
    const rows = reportFixture().cells.length;
    const cellTables = html.match(/<details class="cells"><summary>All \d+ cells/g) ?? [];
    assert.equal(cellTables.length, 2);
    assert.match(html, new RegExp(`All ${rows - 10} cells of alpha`));
    assert.match(html, /<td>test cpu \(2 cores\)<\/td>/);
    assert.match(html, /<h2>Method<\/h2>/);
  });
});

describe('inlineScript()', () => {
  it('refuses a library that would end its script element early', () => {
    assert.throws(() => inlineScript({ name: 'evil.js', source: 'var a = "</script>";' }), /evil\.js/);
    assert.throws(() => inlineScript({ name: 'evil.js', source: 'var a = "<!--";' }), /evil\.js/);
    assert.match(
      inlineScript({ name: 'ok.js', source: 'var a = 1;' }),
      /^<script>\/\* ok\.js \*\/\nvar a = 1;\n<\/script>$/,
    );
  });
});

describe('jsonForScript()', () => {
  it('escapes <, >, & and line separators and parses back to the same value', () => {
    const value = { text: '</script><!-- a & b \u2028 \u2029', n: 1 };
    const json = jsonForScript(value);
    assert.ok(!/[<>&\u2028\u2029]/.test(json), json);
    assert.deepEqual(JSON.parse(json), value);
  });
});

describe('reportHtml() of an advise run', () => {
  it('opens with the verdict above the charts, and draws each suite’s capacity chart and table', async () => {
    const results = adviceFixture();
    const specs = chartSpecs(results);
    assert.ok(specs.has('grid.capacity'));
    const html = withoutLibraries(reportHtml(results, specs, await loadHtmlAssets()));
    const verdict = html.indexOf('<section id="verdict">');
    assert.ok(verdict > 0 && verdict < html.indexOf('<section id="overview">'));
    assert.match(html, /<p><strong>grid:<\/strong> Every answer was checked/);
    assert.match(html, /<caption>Verdict per suite<\/caption>/);
    assert.match(html, /<a href="#verdict">verdict<\/a>/);
    const grid = html.slice(html.indexOf('<h2>grid: A grid</h2>'));
    assert.match(grid, /data-name="grid\.capacity"/);
    assert.match(grid, /<caption>LRU capacity \(closure\): exact calls/);
  });
});

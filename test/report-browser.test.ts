import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { writeReports } from '../reports/write-reports.ts';
import { tempDir } from './helpers.ts';
import { HOSTILE, reportFixture } from './report-fixture.ts';

/**
 * report.html in a real headless Chromium: the system one (Debian package `chromium`), driven by
 * playwright-core, which downloads no browser of its own. Skipped, saying why, when it is missing.
 */
const CHROMIUM = process.env.MEMOBENCH_CHROMIUM ?? '/usr/bin/chromium';
const SKIP = existsSync(CHROMIUM)
  ? false
  : `no Chromium at ${CHROMIUM}: run scripts/install-chromium.sh, or set MEMOBENCH_CHROMIUM to a Chromium binary`;

/** CI sets MEMOBENCH_REQUIRE_BROWSER=1 after installing Chromium: there a missing browser is a failure, not a skip. */
describe('browser test prerequisites', () => {
  it('has a Chromium when the environment requires the browser test', () => {
    if (process.env.MEMOBENCH_REQUIRE_BROWSER === '1') assert.equal(SKIP, false, String(SKIP));
  });
});

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Upper bound for the page to draw its charts; not a timing assertion, a guard against hanging. */
const RENDER_TIMEOUT_MS = 60_000;

describe('report.html in headless Chromium', () => {
  let runDir = '';
  let profileDir = '';
  let context: BrowserContext;
  let page: Page;
  let fileUrl = '';
  const requests: string[] = [];
  const errors: string[] = [];
  const dialogs: string[] = [];

  before(async () => {
    if (SKIP) return;
    runDir = await tempDir('memobench-browser-run-');
    profileDir = await tempDir('memobench-browser-profile-');
    await writeReports(runDir, reportFixture());
    fileUrl = pathToFileURL(join(runDir, 'report.html')).href;
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1280, height: 900 },
    });
    context.on('request', (request) => requests.push(request.url()));
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(fileUrl);
    // A string, evaluated in the page: the project's types have no DOM library.
    await page.waitForFunction(
      "[...document.querySelectorAll('.chart')].every((chart) => chart.hasAttribute('data-rendered'))",
      null,
      { timeout: RENDER_TIMEOUT_MS },
    );
  });

  after(async () => {
    if (SKIP) return;
    await context.close();
    await rm(runDir, { recursive: true, force: true });
    await rm(profileDir, { recursive: true, force: true });
  });

  it('draws every chart (an svg inside each container) without a console error', { skip: SKIP }, async () => {
    const charts = await page.$$eval('.chart', (elements) =>
      elements.map((el) => ({
        name: el.getAttribute('data-name'),
        rendered: el.getAttribute('data-rendered'),
        drawn: el.querySelector('svg.marks, canvas') !== null,
      })),
    );
    assert.equal(charts.length, 7, 'time and speedup of both suites, calls of alpha, two overviews');
    for (const chart of charts) assert.deepEqual(chart, { name: chart.name, rendered: 'true', drawn: true });
    assert.deepEqual(errors, []);
  });

  it('requests nothing but the file itself', { skip: SKIP }, () => {
    // data: and blob: URLs are the inlined font and vega-embed's export images, not the network.
    const outside = requests.filter((url) => url !== fileUrl && !/^(data|blob):/.test(url));
    assert.deepEqual(outside, []);
    assert.ok(requests.includes(fileUrl));
  });

  it('shows a tooltip with the numbers of a point on hover', { skip: SKIP }, async () => {
    const point = page.locator('.chart[data-name="alpha.time"] .mark-symbol path').first();
    await point.hover({ force: true });
    const tooltip = page.locator('#vg-tooltip-element');
    await tooltip.waitFor({ state: 'visible', timeout: RENDER_TIMEOUT_MS });
    const text = await tooltip.textContent();
    assert.match(text ?? '', /time per call \(estimate over processes\) \(ns\)/);
    assert.match(text ?? '', /95% interval for another run: low \(ns\)/);
  });

  it('keeps hostile suite text inert and shows it as text', { skip: SKIP }, async () => {
    assert.deepEqual(dialogs, [], 'no alert ran');
    assert.equal(await page.evaluate('typeof window.__pwned'), 'undefined');
    assert.equal(await page.locator('img, body > script[src]').count(), 0);
    assert.equal(await page.locator('#suite-0 h2').textContent(), `alpha: ${HOSTILE.title}`);
  });

  it('sorts a table by a numeric column when its header is clicked', { skip: SKIP }, async () => {
    await page.locator('#suite-0 details.cells summary').click();
    const table = page.locator('#suite-0 details.cells table');
    const column = async () =>
      (
        await table
          .locator('tbody tr td:nth-child(4)')
          .evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-sort') ?? 'NaN')))
      ).filter((value) => !Number.isNaN(value));
    await table.locator('thead th:nth-child(4) button').click();
    const ascending = await column();
    assert.deepEqual(
      ascending,
      [...ascending].sort((a, b) => a - b),
    );
    await table.locator('thead th:nth-child(4) button').click();
    const descending = await column();
    assert.deepEqual(
      descending,
      [...ascending].sort((a, b) => b - a),
    );
    assert.equal(await table.locator('thead th:nth-child(4)').getAttribute('aria-sort'), 'descending');
  });
});

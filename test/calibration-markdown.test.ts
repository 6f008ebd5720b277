import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calibrationMarkdown, coverageTable } from '../checks/calibration-markdown.ts';
import { calibrate } from '../checks/calibration.ts';
import { markdownTable } from '../lib/tables.ts';
import { reportFixture } from './report-fixture.ts';

describe('calibrationMarkdown()', () => {
  it('names both runs and shows each row’s coverage, half-width and drift', () => {
    const results = reportFixture();
    const markdown = calibrationMarkdown(
      calibrate(results, results, ['runs/a/results.json', 'runs/b/results.json']),
    );
    assert.match(markdown, /Run A: `runs\/a\/results\.json`; run B: `runs\/b\/results\.json`/);
    assert.match(
      markdown,
      /\| time per call, all suites \| 33 \| 33 \(100\.0%\) \| ±10\.6% \| 0\.0% \| 0\.0% \| 1\.000 \|/,
    );
    assert.match(markdown, /\| speedup over naive \|/);
    assert.match(markdown, /\| speedup over bottom-up \|/);
    assert.match(markdown, /\*\*Time per call, by suite\*\*/);
  });
});

describe('coverageTable()', () => {
  it('shows a row with nothing compared as dashes, not as zeros', () => {
    const lines = markdownTable(
      coverageTable('t', [
        {
          label: 'none',
          compared: 0,
          covered: 0,
          coverage_pct: Number.NaN,
          median_half_width_pct: Number.NaN,
          median_drift_pct: Number.NaN,
          p90_drift_pct: Number.NaN,
          median_ratio: Number.NaN,
        },
      ]),
    );
    assert.equal(lines.at(-1), '| none | 0 | 0 (–) | ±– | – | – | – |');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { summaryDocument } from '../reports/markdown.ts';
import { adviceFixture } from './advice-fixture.ts';
import { HOSTILE, reportFixture } from './report-fixture.ts';

describe('summaryDocument()', () => {
  const markdown = summaryDocument(reportFixture());

  it('has the reach, the speed at the largest common n, speedups with intervals and crossovers', () => {
    assert.match(markdown, /^# memobench summary/);
    // alpha: every variant is ok at n = 20 (naive is skipped at 40), closure errs at 40.
    assert.match(markdown, /at n = 20 \(largest n every variant reached\) the fastest is bottom-up/);
    assert.match(
      markdown,
      /\| dict \| 40 \| end of ladder \| 1\.00 µs \| \*\*100x \(81\.8x to 122x\)\*\* \| 0\.160x \(0\.131x to 0\.196x\) \| n = 10 \|/,
    );
    assert.match(markdown, /\| closure \| 20 \| error at n = 40 \| .* \| none measured \|/);
    assert.match(markdown, /\| bottom-up \| 40 \| end of ladder \| .* \| n = 5 \(every size compared\) \|/);
  });

  it('has the fitted models with their error', () => {
    // beta: naive = 10 * 2^n ns exactly, map = 30 n ns exactly.
    assert.match(
      markdown,
      /\| naive \| O\(2\.000\^n\) \| 10\.0 ns × 2\.000\^n \| \\< 0\.01 % \| 5 \(n = 2 to 32\) \|/,
    );
    assert.match(markdown, /\| map \| O\(n\) \| 30\.0 ns × n \| \\< 0\.01 % \| 5 \(n = 2 to 32\) \|/);
    assert.match(
      markdown,
      /\| dict \| O\(n\) \| [\d.]+ ns × n \+ [\d.]+ ns \| [\d.]+ % \| 5 \(n = 5 to 40\) \|/,
    );
  });

  it('fits the exact call counts: the golden ratio for naive, linear for the memoized ones', () => {
    assert.match(markdown, /\*\*Growth of the exact call count: fitted models\*\*/);
    assert.match(
      markdown,
      /\| naive \| O\(1\.618\^n\) \| 1\.45 × 1\.618\^n - [\d.]+ \| \\< 0\.01 % \| 4 \(n = 5 to 20\) \|/,
    );
    assert.match(markdown, /\| dict \| O\(n\) \| 2 × n - 1 \| \\< 0\.01 % \|/);
    assert.match(markdown, /\| map \| - \| too few sizes \|/);
    const beta = markdown.slice(markdown.indexOf('### beta'));
    assert.ok(!beta.includes('call count'), 'no counts table for a suite without counts');
  });

  it('states how the numbers are made', () => {
    assert.match(markdown, /#### Method/);
    assert.match(markdown, /Bonferroni/);
    assert.match(markdown, /BIC/);
  });

  it('keeps text from suites inert: no raw HTML, no table breaks', () => {
    assert.ok(!markdown.includes(HOSTILE.title), 'the title is escaped');
    assert.ok(!markdown.includes('<img'), 'no raw tag from the description');
    assert.ok(!markdown.includes('</script>'));
    assert.match(markdown, /### alpha: \\<script\\>alert\(1\)\\<\/script\\>/);
  });
});

describe('summaryDocument() of an advise run', () => {
  const markdown = summaryDocument(adviceFixture());

  it('opens with the verdict, before the audit and the suite sections', () => {
    const verdict = markdown.indexOf('## Verdict');
    assert.ok(verdict > 0 && verdict < markdown.indexOf('### Audit of npm memoizers'));
    assert.ok(markdown.indexOf('**Verdict per suite**') < markdown.indexOf('### grid'));
    assert.match(markdown, /\*\*grid:\*\* Every answer was checked against the problem’s own reference\./);
    assert.match(markdown, /Use `array`: at n = 16, the largest size the common caches all reached/);
  });

  it('shows the suite’s capacity curve as a table in its section, with why it stops', () => {
    const grid = markdown.slice(markdown.indexOf('### grid'));
    assert.match(grid, /\| 16 \| 256 \| 481 \| \*\*14\*\* \| 5\.5 % \| 811 \| more than 962 \|/);
    assert.match(
      grid,
      /LRU capacity: at n = 32 an unbounded cache makes more than 16,384 calls; larger sizes were not run\./,
    );
  });
});

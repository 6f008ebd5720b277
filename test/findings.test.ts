import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Cell } from '../lib/types.ts';
import { runFindings } from '../reports/findings.ts';
import { reportFixture } from './report-fixture.ts';

/** The fixture with every timed cell's process-level estimate at half its pooled median. */
function withEstimates() {
  const results = reportFixture();
  const cells: Cell[] = results.cells.map((cell) =>
    cell.status === 'ok' ? { ...cell, estimate_ns: cell.median_ns / 2 } : cell,
  );
  return { ...results, cells };
}

describe('runFindings()', () => {
  it('reports and fits the time per call every report quotes, the estimate, not the pooled median', () => {
    const [plain] = runFindings(reportFixture());
    const [estimated] = runFindings(withEstimates());
    for (const [index, variant] of (estimated?.variants ?? []).entries()) {
      const before = plain?.variants[index];
      assert.equal(variant.time_fit.field, 'estimate_ns');
      if (before?.time_ns_at_common != null)
        assert.equal(variant.time_ns_at_common, before.time_ns_at_common / 2);
      const [fit, fitBefore] = [variant.time_fit.fit?.best, before?.time_fit.fit?.best];
      if (fit !== undefined && fitBefore !== undefined) {
        assert.equal(fit.model, fitBefore.model, 'halving every time keeps the model');
        assert.ok(
          Math.abs(fit.coefficient - fitBefore.coefficient / 2) <= 1e-9 * Math.abs(fitBefore.coefficient),
        );
      }
    }
    assert.ok(
      estimated?.variants.some((variant) => variant.time_fit.fit !== null),
      'the fixture has fits',
    );
  });
});

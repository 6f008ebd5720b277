import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { laddersFor, variantNames } from '../lib/define-suite.ts';
import { rngFor } from '../lib/random.ts';
import { loadSuites } from '../lib/registry.ts';
import { plainTools } from '../lib/tools.ts';
import { type Answer, PROFILES } from '../lib/types.ts';
import { type LadderPoint, predictCallNs } from '../runners/predict.ts';
import { isStackOverflow } from '../lib/errors.ts';
import { answerText } from '../runners/verify.ts';

/** A variant stops being checked at larger sizes once one call takes longer than this, ms (tests are not benchmarks). */
const CALL_LIMIT_MS = 50;

const suites = await loadSuites();

/**
 * Every variant of every suite must equal the reference at every size of every profile that it
 * can reach in test time. A stack overflow is not a wrong answer (the runner records it as a
 * status), so a variant that overflows is checked up to there.
 */
for (const suite of suites) {
  describe(`suite ${suite.id}`, () => {
    const sizes = [...new Set(PROFILES.flatMap((profile) => laddersFor(suite, profile)))].sort(
      (a, b) => a - b,
    );
    const references = new Map<number, { input: unknown; answer: string }>();
    const prepared = (n: number) => {
      let entry = references.get(n);
      if (entry === undefined) {
        const input = suite.input(n, rngFor(20261124, suite.id, n));
        entry = { input, answer: answerText(suite.reference(input)) };
        references.set(n, entry);
      }
      return entry;
    };
    for (const variant of variantNames(suite)) {
      it(`${variant} equals the reference on every ladder size it reaches`, (t) => {
        const factory = suite.variants[variant]!;
        // A library's documented default may be wrong for this function (keyed on the first argument):
        // that is what the audit reports, so it is recorded here rather than failed.
        const audited = suite.libraries?.[variant]?.configuration === 'default';
        const points: LadderPoint[] = [];
        let checked = 0;
        let stop = 'end of ladders';
        for (const n of sizes) {
          const predicted = predictCallNs(points, n);
          if (predicted !== undefined && predicted > CALL_LIMIT_MS * 1e6) {
            stop = `n = ${n} predicted too slow for a test`;
            break;
          }
          const { input, answer } = prepared(n);
          const started = performance.now();
          let got: Answer;
          try {
            got = factory(plainTools)(input);
          } catch (error) {
            if (!isStackOverflow(error)) throw error;
            stop = `stack overflow at n = ${n}`;
            break;
          }
          const ms = performance.now() - started;
          if (audited && answerText(got) !== answer) {
            stop = `wrong answer at n = ${n}: a library's default configuration, reported by the audit`;
            break;
          }
          assert.equal(answerText(got), answer, `${suite.id} / ${variant} at n = ${n}`);
          checked = n;
          points.push({ n, median_ns: ms * 1e6 });
          if (ms > CALL_LIMIT_MS) {
            stop = `one call took ${ms.toFixed(0)} ms at n = ${n}`;
            break;
          }
        }
        assert.ok(checked > 0 || audited, `${variant} was not checked at any size`);
        t.diagnostic(`checked up to n = ${checked} (${stop})`);
      });
    }
  });
}

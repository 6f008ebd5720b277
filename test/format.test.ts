import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatElapsed } from '../lib/format.ts';

describe('formatElapsed()', () => {
  it('shows tenths of a second below a minute, minutes and seconds from a minute on', () => {
    assert.equal(formatElapsed(0), '0.0 s');
    assert.equal(formatElapsed(12_340), '12.3 s');
    assert.equal(formatElapsed(65_000), '1m 05s');
    assert.equal(formatElapsed(48 * 60_000 + 3_000), '48m 03s');
  });

  it('never prints 60 seconds: it rounds once, then splits', () => {
    assert.equal(formatElapsed(59_960), '1m 00s', 'not "60.0 s"');
    assert.equal(formatElapsed(21 * 60_000 + 59_600), '22m 00s', 'not "21m 60s"');
    assert.equal(formatElapsed(21 * 60_000 + 59_400), '21m 59s');
    for (let ms = 0; ms < 5 * 60_000; ms += 137) {
      assert.doesNotMatch(formatElapsed(ms), /(^|m )60(\.0)? ?s|\b60s/, `${ms} ms`);
    }
  });
});

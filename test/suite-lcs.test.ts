import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng } from '../lib/random.ts';
import { plainTools } from '../lib/tools.ts';
import lcs, { lcsBitParallel } from '../suites/lcs.ts';

/** Textbook instances: CLRS 15.4 (ABCBDAB / BDCABA has an LCS of length 4, e.g. BCBA), and Wikipedia's examples. */
const GOLDEN: [string, string, number][] = [
  ['ABCBDAB', 'BDCABA', 4],
  ['AGGTAB', 'GXTXAYB', 4],
  ['ACCGGTCGAGTGCGCGGAAGCCGGCCGAA', 'GTCGTTCGGAATGCCGTTGCTCTGTAAA', 20],
  ['', 'ABC', 0],
  ['ABC', 'ABC', 3],
  ['AAAA', 'CCCC', 0],
];

/** The textbook quadratic-space DP, written independently of the suite, for cross-checking the reference. */
function lcsTable(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      rows[i]![j] =
        a[i - 1] === b[j - 1] ? rows[i - 1]![j - 1]! + 1 : Math.max(rows[i - 1]![j]!, rows[i]![j - 1]!);
    }
  }
  return rows[a.length]![b.length]!;
}

describe('lcs suite', () => {
  it('reference (bit-parallel) gives the textbook answers', () => {
    for (const [a, b, expected] of GOLDEN) assert.equal(lcsBitParallel(a, b), expected, `${a} / ${b}`);
  });

  it('reference agrees with the quadratic DP on 300 seeded random pairs, lengths 0..70', () => {
    const rng = createRng(99);
    for (let trial = 0; trial < 300; trial++) {
      const a = rng.string(rng.int(0, 70), 'ACGT');
      const b = rng.string(rng.int(0, 70), 'ACGT');
      assert.equal(lcsBitParallel(a, b), lcsTable(a, b), `${a} / ${b}`);
    }
  });

  // Library-wrapping variants are audited separately (some defaults give wrong answers on two arguments).
  const handWritten = Object.entries(lcs.variants).filter(([name]) => lcs.libraries?.[name] === undefined);
  for (const [name, factory] of handWritten) {
    it(`${name} gives the textbook answers`, () => {
      for (const [a, b, expected] of GOLDEN) {
        if (name === 'naive' && a.length + b.length > 16) continue;
        assert.equal(factory(plainTools)({ a, b }), expected, `${a} / ${b}`);
      }
    });
  }

  it('generates the same strings for the same seed, over the four-letter alphabet', () => {
    const first = lcs.input(32, createRng(5));
    assert.deepEqual(lcs.input(32, createRng(5)), first);
    assert.match(first.a + first.b, /^[ACGT]{64}$/);
  });
});

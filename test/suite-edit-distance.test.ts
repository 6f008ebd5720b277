import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng } from '../lib/random.ts';
import { plainTools } from '../lib/tools.ts';
import editDistance, { editDistanceBitParallel } from '../suites/edit-distance.ts';

/**
 * Textbook instances: kitten/sitting and Sunday/Saturday are the worked examples of Wikipedia's
 * "Levenshtein distance"; intention/execution is Jurafsky & Martin's (Speech and Language
 * Processing, ch. 2, distance 5 with unit costs); SNOWY/SUNNY (3) and EXPONENTIAL/POLYNOMIAL (6)
 * are from Dasgupta, Papadimitriou & Vazirani, Algorithms, section 6.3.
 */
const GOLDEN: [string, string, number][] = [
  ['kitten', 'sitting', 3],
  ['Sunday', 'Saturday', 3],
  ['intention', 'execution', 5],
  ['SNOWY', 'SUNNY', 3],
  ['EXPONENTIAL', 'POLYNOMIAL', 6],
  ['', 'abc', 3],
  ['abc', '', 3],
  ['abc', 'abc', 0],
];

/** The textbook quadratic-space DP (Wagner & Fischer 1974), written independently of the suite. */
function wagnerFischer(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const substitution = rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      rows[i]![j] = Math.min(substitution, rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1);
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * Brute force: breadth-first search from a to b over strings, one edit per step. Some shortest
 * edit sequence deletes first, then substitutes, then inserts, so it only passes through strings no
 * longer than the longer input, over the letters of the inputs: the search can stay among those.
 */
function editDistanceBfs(a: string, b: string): number {
  const letters = [...new Set(a + b)];
  const longest = Math.max(a.length, b.length);
  const seen = new Set([a]);
  let layer = [a];
  for (let distance = 0; ; distance++) {
    if (layer.includes(b)) return distance;
    const next: string[] = [];
    const visit = (s: string) => {
      if (s.length <= longest && !seen.has(s)) {
        seen.add(s);
        next.push(s);
      }
    };
    for (const s of layer) {
      for (let i = 0; i <= s.length; i++) {
        if (i < s.length) visit(s.slice(0, i) + s.slice(i + 1));
        for (const ch of letters) {
          visit(s.slice(0, i) + ch + s.slice(i));
          if (i < s.length) visit(s.slice(0, i) + ch + s.slice(i + 1));
        }
      }
    }
    layer = next;
  }
}

describe('edit-distance suite', () => {
  it('reference (bit-parallel) gives the textbook answers', () => {
    for (const [a, b, expected] of GOLDEN)
      assert.equal(editDistanceBitParallel(a, b), expected, `${a} / ${b}`);
  });

  it('reference agrees with brute-force search on 200 seeded random pairs, lengths 0..4', () => {
    const rng = createRng(17);
    for (let trial = 0; trial < 200; trial++) {
      const a = rng.string(rng.int(0, 4), 'ACG');
      const b = rng.string(rng.int(0, 4), 'ACG');
      assert.equal(editDistanceBitParallel(a, b), editDistanceBfs(a, b), `${a} / ${b}`);
    }
  });

  it('reference agrees with the quadratic DP on 300 seeded random pairs, lengths 0..150', () => {
    const rng = createRng(99);
    for (let trial = 0; trial < 300; trial++) {
      const a = rng.string(rng.int(0, 150), 'ACGT');
      const b = rng.string(rng.int(0, 150), 'ACGT');
      assert.equal(editDistanceBitParallel(a, b), wagnerFischer(a, b), `${a} / ${b}`);
    }
  });

  for (const [name, factory] of Object.entries(editDistance.variants)) {
    it(`${name} gives the textbook answers`, () => {
      for (const [a, b, expected] of GOLDEN) {
        if (name === 'naive' && a.length + b.length > 18) continue;
        assert.equal(factory(plainTools)({ a, b }), expected, `${a} / ${b}`);
      }
    });
  }

  it('generates the same strings for the same seed: two of length n over the four-letter alphabet', () => {
    const first = editDistance.input(32, createRng(5));
    assert.deepEqual(editDistance.input(32, createRng(5)), first);
    assert.match(first.a, /^[ACGT]{32}$/);
    assert.match(first.b, /^[ACGT]{32}$/);
  });
});

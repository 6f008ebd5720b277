import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng } from '../lib/random.ts';
import { plainTools } from '../lib/tools.ts';
import wordBreak, { type WordBreakInput, wordBreakAhoCorasick } from '../suites/word-break.ts';

const P = 1_000_000_007;

/** Fibonacci numbers in BigInt: "a" repeated n times splits into "a" and "aa" in F(n+1) ways. */
function fibonacci(n: number): bigint {
  let [a, b] = [0n, 1n];
  for (let i = 0; i < n; i++) [a, b] = [b, a + b];
  return a;
}

/**
 * Known counts: the examples of LeetCode 140, "Word Break II" (catsanddog: "cats and dog", "cat
 * sand dog"; pineapplepenapple: 3; catsandog: none) and LeetCode 139, "Word Break"; the
 * compositions of n into parts 1 and 2 (F(n+1), OEIS A000045); and the empty text.
 */
const GOLDEN: [string, WordBreakInput, number][] = [
  ['LeetCode 140, example 1', { text: 'catsanddog', words: ['cat', 'cats', 'and', 'sand', 'dog'] }, 2],
  [
    'LeetCode 140, example 2',
    { text: 'pineapplepenapple', words: ['apple', 'pen', 'applepen', 'pine', 'pineapple'] },
    3,
  ],
  ['LeetCode 140, example 3', { text: 'catsandog', words: ['cats', 'dog', 'sand', 'and', 'cat'] }, 0],
  ['LeetCode 139, example 1', { text: 'leetcode', words: ['leet', 'code'] }, 1],
  ['LeetCode 139, example 2', { text: 'applepenapple', words: ['apple', 'pen'] }, 1],
  ['a^30 into a and aa: F(31)', { text: 'a'.repeat(30), words: ['a', 'aa'] }, Number(fibonacci(31))],
  ['empty text', { text: '', words: ['a'] }, 1],
];

/** The naive recursion is exponential; it is checked on the golden texts up to this length. */
const NAIVE_MAX_LENGTH = 30;

/** Brute force: every one of the 2^(n-1) ways to cut the text, counted when every piece is a word. */
function countCuts({ text, words }: WordBreakInput): number {
  if (text.length === 0) return 1;
  const dictionary = new Set(words);
  let count = 0;
  for (let cuts = 0; cuts < 1 << (text.length - 1); cuts++) {
    let start = 0;
    let valid = true;
    for (let end = 1; end <= text.length && valid; end++) {
      if (end === text.length || cuts & (1 << (end - 1))) {
        valid = dictionary.has(text.slice(start, end));
        start = end;
      }
    }
    if (valid) count++;
  }
  return count;
}

describe('word-break suite', () => {
  it('reference (Aho-Corasick scan) gives the known counts', () => {
    for (const [name, input, expected] of GOLDEN) assert.equal(wordBreakAhoCorasick(input), expected, name);
  });

  it('reference agrees with brute force over all cuts on 200 seeded texts of 0..14 letters', () => {
    const rng = createRng(43);
    for (let trial = 0; trial < 200; trial++) {
      const words = [
        ...new Set(Array.from({ length: rng.int(1, 6) }, () => rng.string(rng.int(1, 4), 'ab'))),
      ];
      const input = { text: rng.string(rng.int(0, 14), 'ab'), words };
      assert.equal(wordBreakAhoCorasick(input), countCuts(input), JSON.stringify(input));
    }
  });

  it('reference and every variant but naive reduce modulo P where the count passes 2^53', () => {
    const input = { text: 'a'.repeat(500), words: ['a', 'aa'] };
    const expected = Number(fibonacci(501) % BigInt(P));
    assert.equal(wordBreakAhoCorasick(input), expected, 'reference');
    for (const [name, factory] of Object.entries(wordBreak.variants)) {
      if (name !== 'naive') assert.equal(factory(plainTools)(input), expected, name);
    }
  });

  for (const [name, factory] of Object.entries(wordBreak.variants)) {
    it(`${name} gives the known counts`, () => {
      for (const [instance, input, expected] of GOLDEN) {
        if (name === 'naive' && input.text.length > NAIVE_MAX_LENGTH) continue;
        assert.equal(factory(plainTools)(input), expected, instance);
      }
    });
  }

  it('generates the same text and dictionary for the same seed: a, b and two words of each length 2..5', () => {
    const first = wordBreak.input(100, createRng(5));
    assert.deepEqual(wordBreak.input(100, createRng(5)), first);
    assert.match(first.text, /^[ab]{100}$/);
    assert.equal(new Set(first.words).size, 10);
    assert.deepEqual(
      first.words.map((word) => word.length),
      [1, 1, 2, 2, 3, 3, 4, 4, 5, 5],
    );
  });
});

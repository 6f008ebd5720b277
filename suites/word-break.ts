import { defineSuite } from '../lib/define-suite.ts';
import { P } from './_modular.ts';

/** A text to segment and the dictionary of (non-empty) words it may be cut into. */
export interface WordBreakInput {
  text: string;
  words: string[];
}

const ALPHABET = 'ab';
/**
 * Besides "a" and "b", the seeded dictionary has this many distinct random words of each length
 * from 2 to MAX_WORD letters. A fixed count per length keeps the growth rate of the number of
 * segmentations (and so of the naive recursion) within a narrow range from size to size.
 */
const WORDS_PER_LENGTH = 2;
const MAX_WORD = 5;

/** A node of the Aho-Corasick automaton. */
interface AcNode {
  next: Map<string, number>;
  /** The node of the longest proper suffix of this node's string that is in the trie. */
  fail: number;
  /** Lengths of the dictionary words that end here, including those reached through `fail`. */
  ends: number[];
}

/**
 * Segmentation count mod P by a left-to-right scan with an Aho-Corasick automaton (1975), not the
 * prefix recursion the variants use: the automaton reports, at each end position j, every dictionary
 * word that ends there, and ways(j) sums ways(j - |w|) over them. The variants instead try each word
 * as a prefix of the rest of the text.
 */
export function wordBreakAhoCorasick({ text, words }: WordBreakInput): number {
  const nodes: AcNode[] = [{ next: new Map(), fail: 0, ends: [] }];
  for (const word of words) {
    let node = 0;
    for (const ch of word) {
      const current = nodes[node] as AcNode;
      let child = current.next.get(ch);
      if (child === undefined) {
        child = nodes.length;
        nodes.push({ next: new Map(), fail: 0, ends: [] });
        current.next.set(ch, child);
      }
      node = child;
    }
    (nodes[node] as AcNode).ends.push(word.length);
  }
  // Failure links breadth-first, so a node's fail target (a shorter string) is complete before it.
  const queue = [...(nodes[0] as AcNode).next.values()];
  for (let head = 0; head < queue.length; head++) {
    const parent = nodes[queue[head] as number] as AcNode;
    for (const [ch, child] of parent.next) {
      let fail = parent.fail;
      while (fail !== 0 && !(nodes[fail] as AcNode).next.has(ch)) fail = (nodes[fail] as AcNode).fail;
      const target = (nodes[fail] as AcNode).next.get(ch);
      const node = nodes[child] as AcNode;
      node.fail = target !== undefined && target !== child ? target : 0;
      node.ends.push(...(nodes[node.fail] as AcNode).ends);
      queue.push(child);
    }
  }
  const ways = new Int32Array(text.length + 1);
  ways[0] = 1;
  let state = 0;
  for (let j = 1; j <= text.length; j++) {
    const ch = text[j - 1] as string;
    while (state !== 0 && !(nodes[state] as AcNode).next.has(ch)) state = (nodes[state] as AcNode).fail;
    state = (nodes[state] as AcNode).next.get(ch) ?? 0;
    let sum = 0;
    for (const length of (nodes[state] as AcNode).ends) sum = (sum + (ways[j - length] as number)) % P;
    ways[j] = sum;
  }
  return ways[text.length] as number;
}

export default defineSuite<WordBreakInput, number>({
  id: 'word-break',
  title: 'Ways to segment a text into dictionary words, modulo 1,000,000,007',
  description:
    'Number of ways to cut a seeded random text of n letters over {a, b} into words of a seeded dictionary, mod 1,000,000,007 since the count grows exponentially. The dictionary holds "a", "b" and two distinct random words of each length 2, 3, 4 and 5, so every text has at least one segmentation. State: i, one-dimensional (the position the rest of the text starts at); each state tries every word as a prefix. The recursion is n deep, so top-down variants overflow the stack at large n.',
  recurrence: 'W(n) = 1; W(i) = Σ over words w with text[i..] starting with w of W(i + |w|), mod P',
  complexity: {
    naive:
      'O(c^n) calls, c > 1 the growth rate of the number of segmentations (about 1.43 to 1.50 for these dictionaries)',
    memoized: 'O(n · k · L) time for k words of up to L letters, O(n) cache',
  },
  input: (n, rng) => {
    const words = ['a', 'b'];
    for (let length = 2; length <= MAX_WORD; length++) {
      const sameLength = new Set<string>();
      while (sameLength.size < WORDS_PER_LENGTH) sameLength.add(rng.string(length, ALPHABET));
      words.push(...sameLength);
    }
    return { text: rng.string(n, ALPHABET), words };
  },
  reference: wordBreakAhoCorasick,
  sizes: {
    quick: [5, 10, 20, 28, 36, 54, 80, 160, 320, 640, 1_000, 2_000],
    default: [5, 10, 20, 28, 32, 36, 40, 60, 90, 135, 270, 540, 1_080, 2_160, 4_320],
    full: [5, 10, 20, 28, 32, 36, 40, 42, 44, 66, 99, 198, 396, 792, 1_584, 3_168, 6_336, 100_000, 1_000_000],
  },
  variants: {
    naive:
      (t) =>
      ({ text, words }) => {
        const ways = t.recursive((i: number): number => {
          if (i === text.length) return 1;
          let sum = 0;
          for (const word of words) if (text.startsWith(word, i)) sum = (sum + ways(i + word.length)) % P;
          return sum;
        });
        return ways(0);
      },

    dict: (t) => {
      const memo = t.object<number>();
      return ({ text, words }) => {
        const ways = t.recursive((i: number): number => {
          if (i === text.length) return 1;
          const cached = memo[i];
          if (cached !== undefined) return cached;
          let sum = 0;
          for (const word of words) if (text.startsWith(word, i)) sum = (sum + ways(i + word.length)) % P;
          memo[i] = sum;
          return sum;
        });
        return ways(0);
      };
    },

    map: (t) => {
      const memo = t.map<number, number>();
      return ({ text, words }) => {
        const ways = t.recursive((i: number): number => {
          if (i === text.length) return 1;
          const cached = memo.get(i);
          if (cached !== undefined) return cached;
          let sum = 0;
          for (const word of words) if (text.startsWith(word, i)) sum = (sum + ways(i + word.length)) % P;
          memo.set(i, sum);
          return sum;
        });
        return ways(0);
      };
    },

    closure: (t) => {
      // The memoized function outlives one call (it holds the cache), so it reads the input from here.
      let text = '';
      let words: string[] = [];
      const ways: (i: number) => number = t.memoize((i: number): number => {
        if (i === text.length) return 1;
        let sum = 0;
        for (const word of words) if (text.startsWith(word, i)) sum = (sum + ways(i + word.length)) % P;
        return sum;
      });
      return (input) => {
        ({ text, words } = input);
        return ways(0);
      };
    },

    'bottom-up':
      (t) =>
      ({ text, words }) => {
        const table = t.table(Int32Array, text.length + 1, 0);
        table[text.length] = 1;
        for (let i = text.length - 1; i >= 0; i--) {
          let sum = 0;
          for (const word of words) {
            if (text.startsWith(word, i)) sum = (sum + (table[i + word.length] as number)) % P;
          }
          table[i] = sum;
        }
        return table[0] as number;
      },

    array: (t) => {
      // The table's size depends on the input, so it is made by the first call and kept while the size holds.
      let memo = t.table(Int32Array, 0, -1);
      return ({ text, words }) => {
        if (memo.length !== text.length) memo = t.table(Int32Array, text.length, -1);
        const ways = t.recursive((i: number): number => {
          if (i === text.length) return 1;
          const cached = memo[i] as number;
          if (cached !== -1) return cached;
          let sum = 0;
          for (const word of words) if (text.startsWith(word, i)) sum = (sum + ways(i + word.length)) % P;
          memo[i] = sum;
          return sum;
        });
        return ways(0);
      };
    },
  },
  notes: {
    array: 'Top-down with an Int32Array indexed by the position, -1 meaning not yet computed.',
  },
});

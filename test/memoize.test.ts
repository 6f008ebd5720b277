import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoize } from '../lib/memoize.ts';

describe('memoize()', () => {
  it('calls the function once per key', () => {
    let calls = 0;
    const square = memoize((x: number) => {
      calls++;
      return x * x;
    });
    assert.equal(square(3), 9);
    assert.equal(square(3), 9);
    assert.equal(calls, 1);
  });
  it('uses the first argument as key by default and keyOf when given', () => {
    const add = memoize((a: number, b: number) => a + b);
    assert.equal(add(1, 2), 3);
    assert.equal(add(1, 5), 3, 'the default key ignores the second argument');
    const addKeyed = memoize(
      (a: number, b: number) => a + b,
      (a, b) => `${a},${b}`,
    );
    assert.equal(addKeyed(1, 2), 3);
    assert.equal(addKeyed(1, 5), 6);
  });
  it('caches undefined results too', () => {
    let calls = 0;
    const nothing = memoize((_x: number) => {
      calls++;
      return undefined;
    });
    nothing(1);
    nothing(1);
    assert.equal(calls, 1);
  });
  it('memoizes recursion that goes through the memoized binding', () => {
    let calls = 0;
    const fib: (n: number) => number = memoize((n: number): number => {
      calls++;
      return n < 2 ? n : fib(n - 1) + fib(n - 2);
    });
    assert.equal(fib(50), 12586269025);
    assert.equal(calls, 51);
  });
});

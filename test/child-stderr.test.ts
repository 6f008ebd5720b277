import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { CAUSE_CHARS, digestStderr, STDERR_CLOSE_WAIT_MS, watchStderr } from '../runners/child-stderr.ts';

/**
 * Real stderr of `node --max-old-space-size=200` filling its heap with arrays, on Node 20.20, 22.23
 * and 24.21 (binary paths and process ids shortened), and of an uncaught exception on Node 24.21.
 */
const fixture = (name: string) => readFile(new URL(`./fixtures/stderr/${name}.txt`, import.meta.url), 'utf8');
const OOM = 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory';

/** The cause of `text` fed to a digest in pieces of `size` characters. */
function causeOf(text: string, size = text.length || 1): string | undefined {
  const digest = digestStderr();
  for (let at = 0; at < text.length; at += size) digest.push(text.slice(at, at + size));
  return digest.cause();
}

describe('digestStderr()', () => {
  it("finds V8's out-of-memory line on Node 20, 22 and 24, not a native stack frame", async () => {
    for (const version of [20, 22, 24]) {
      const text = await fixture(`oom-node${version}`);
      assert.equal(causeOf(text), OOM, `Node ${version}`);
    }
  });

  it('finds it whatever the chunks, and however long the native stack after it', async () => {
    const text = await fixture('oom-node24');
    for (const size of [1, 7, 64, 1000]) assert.equal(causeOf(text, size), OOM, `chunks of ${size}`);
    // The Node 22 report that the old 1,600-character tail quoted as "16: 0x7f20b7eacaf6".
    const frames = Array.from(
      { length: 40 },
      (_, i) =>
        ` ${i + 1}: 0x7f20b7eacaf6 v8::internal::Heap::CollectGarbage(...) [${'/long/path'.repeat(8)}/node]`,
    ).join('\n');
    assert.equal(causeOf(`${text}${frames}\n16: 0x7f20b7eacaf6  [/usr/local/bin/node]`), OOM);
  });

  it('quotes the headline of an uncaught exception, not the footer or the stack', async () => {
    assert.equal(causeOf(await fixture('uncaught-node24')), 'TypeError: variant broke outside the protocol');
    assert.equal(
      causeOf('Error [ERR_MODULE_NOT_FOUND]: Cannot find package "x"\n    at resolve (node:internal)\n'),
      'Error [ERR_MODULE_NOT_FOUND]: Cannot find package "x"',
    );
  });

  it('falls back to a line about memory or errors, then to the last line that is not noise', () => {
    assert.equal(
      causeOf('starting\nout of memory in the allocator\nbye\n'),
      'out of memory in the allocator',
    );
    assert.equal(causeOf('(node:1) Warning: something\nSegmentation fault'), 'Segmentation fault');
    assert.equal(causeOf(''), undefined);
    assert.equal(causeOf('\n 1: 0x931db0  [node]\n    at f (x.js:1:1)\n\nNode.js v24.21.0\n'), undefined);
  });

  it('keeps a bounded line from a child that writes without newlines', () => {
    const digest = digestStderr();
    digest.push('FATAL ERROR: ');
    for (let i = 0; i < 10_000; i++) digest.push('x'.repeat(1000));
    const cause = digest.cause() ?? '';
    assert.equal(cause.length, CAUSE_CHARS);
    assert.ok(cause.startsWith('FATAL ERROR: xxx'));
  });
});

describe('watchStderr()', () => {
  it("waits for the end of a child's stderr before naming the cause", async () => {
    // A child's exit event can come before its last output has been read (rarely: 1 in 20 exits
    // after 300 kB of stderr, measured); here the output comes 50 ms after the cause is asked.
    const stream = new PassThrough();
    const stderr = watchStderr(stream);
    stream.write('<--- Last few GCs --->\n');
    setTimeout(() => stream.end(`${OOM}\n 1: 0x931db0  [node]\n`), 50);
    assert.equal(await stderr.cause(), OOM);
  });

  it('names the cause from what it has when the stream stays open', async () => {
    const stream = new PassThrough();
    const stderr = watchStderr(stream);
    stream.write(`${OOM}\n`);
    const started = performance.now();
    assert.equal(await stderr.cause(), OOM);
    const waited = performance.now() - started;
    assert.ok(
      waited >= STDERR_CLOSE_WAIT_MS - 5 && waited < STDERR_CLOSE_WAIT_MS + 1000,
      `waited ${waited} ms`,
    );
  });

  it('has no cause without a stream', async () => {
    assert.equal(await watchStderr(null).cause(), undefined);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Option } from 'commander';
import { UsageError } from '../lib/errors.ts';
import {
  type CommandIo,
  commaList,
  EXIT,
  guard,
  integer,
  nonEmptyPath,
  numberParser,
  parse,
  positiveInteger,
  positiveNumber,
  program,
  runMain,
} from '../scripts/cli-kit.ts';

const usage = (pattern: RegExp) => (error: unknown) =>
  error instanceof UsageError && pattern.test(error.message) && !error.message.includes('\n');

/** An io that collects what a command prints. */
function collector(): CommandIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
  };
  return io;
}

/** A small command with every kind of option and argument the real ones use. */
function demo(io: CommandIo = collector()) {
  return program('demo', 'A demonstration command.', io)
    .argument('<runA>', 'first')
    .argument('[runB]', 'second')
    .option('--count <n>', 'a count', positiveInteger('--count'))
    .addOption(new Option('--mode <mode>', 'a mode').choices(['fast', 'slow']).default('fast'))
    .requiredOption('--out <dir>', 'a folder', nonEmptyPath('--out'));
}

describe('parse()', () => {
  it('returns the parsed command', () => {
    const command = parse(demo(), ['a', '--count', '3', '--out', 'x']);
    assert.deepEqual(command?.args, ['a']);
    assert.deepEqual(command?.opts(), { count: 3, mode: 'fast', out: 'x' });
  });

  it('returns null once --help is shown, with the help on stdout', () => {
    const io = collector();
    assert.equal(parse(demo(io), ['--help']), null);
    assert.match(io.out, /^Usage: demo \[options\] <runA> \[runB\]/);
    assert.match(io.out, /-h, --help +show this help/);
    assert.equal(io.err, '');
  });

  it('names an unknown option and lists the valid ones', () => {
    assert.throws(
      () => parse(demo(), ['a', '--out', 'x', '--bogus']),
      usage(/^unknown option '--bogus' \(valid: --count, --mode, --out\)$/),
    );
  });

  it('keeps commander’s text for an invalid choice, which names the choices', () => {
    assert.throws(
      () => parse(demo(), ['a', '--out', 'x', '--mode', 'warp']),
      usage(/^option '--mode <mode>' argument 'warp' is invalid\. Allowed choices are fast, slow\.$/),
    );
  });

  it('names stray arguments and what the command takes', () => {
    assert.throws(
      () => parse(demo(), ['a', 'b', 'c', '--out', 'x']),
      usage(/^unexpected argument\(s\) \["c"\] \(expected <runA> \[runB\]; see --help\)$/),
    );
    assert.throws(
      () => parse(program('bare', 'No arguments.', collector()), ['quick']),
      usage(/^unexpected argument\(s\) \["quick"\] \(options start with --; see --help\)$/),
    );
  });

  it('points to --help for missing arguments, option values and required options', () => {
    assert.throws(
      () => parse(demo(), ['--out', 'x']),
      usage(/^missing required argument 'runA' \(see --help\)$/),
    );
    assert.throws(
      () => parse(demo(), ['a', '--out']),
      usage(/^option '--out <dir>' argument missing \(see --help\)$/),
    );
    assert.throws(
      () => parse(demo(), ['a']),
      usage(/^required option '--out <dir>' not specified \(see --help\)$/),
    );
  });

  it('passes an option parser’s own UsageError through unchanged', () => {
    assert.throws(
      () => parse(demo(), ['a', '--out', 'x', '--count', '0']),
      usage(/^--count must be a positive integer \(got '0'\)$/),
    );
  });
});

describe('number parsers', () => {
  it('positiveNumber() accepts numbers above 0 and names the flag otherwise', () => {
    const parseMs = positiveNumber('--time-ms');
    assert.equal(parseMs('12.5'), 12.5);
    assert.equal(parseMs('1e3'), 1000);
    for (const text of ['0', '-3', '', ' ', 'abc', 'NaN', 'Infinity']) {
      assert.throws(() => parseMs(text), usage(/^--time-ms must be a positive number \(got '.*'\)$/), text);
    }
  });

  it('positiveInteger() accepts whole counts of at least 1', () => {
    const parseCount = positiveInteger('--repeat');
    assert.equal(parseCount('3'), 3);
    for (const text of ['0', '2.5', '-1', '1e300', '']) {
      assert.throws(() => parseCount(text), usage(/^--repeat must be a positive integer/), text);
    }
  });

  it('integer() accepts any safe whole number', () => {
    const parseSeed = integer('--seed');
    assert.equal(parseSeed('-4'), -4);
    assert.equal(parseSeed('0'), 0);
    for (const text of ['x', '1.5', '9007199254740993', '']) {
      assert.throws(() => parseSeed(text), usage(/^--seed must be an integer \(got '.*'\)$/), text);
    }
  });

  it('numberParser() checks a finite number against its own rule and wording', () => {
    const parseAlpha = numberParser('--alpha', 'a number between 0 and 1', (value) => value > 0 && value < 1);
    assert.equal(parseAlpha('0.05'), 0.05);
    assert.throws(() => parseAlpha('1'), usage(/^--alpha must be a number between 0 and 1 \(got '1'\)$/));
  });
});

describe('commaList()', () => {
  it('splits, trims and drops empty items', () => {
    assert.deepEqual(commaList(' lcs, fibonacci ,,'), ['lcs', 'fibonacci']);
    assert.deepEqual(commaList(''), []);
  });
});

describe('nonEmptyPath()', () => {
  it('refuses an empty path and keeps any other as given', () => {
    assert.equal(nonEmptyPath('--out')(' a b '), ' a b ');
    assert.throws(() => nonEmptyPath('--out')(''), usage(/^--out needs a path \(got ''\)$/));
  });
});

describe('guard()', () => {
  it('prints a UsageError as one line with the prefix and returns exit 2', async () => {
    const io = collector();
    const code = await guard('memobench compare', io, async () => {
      throw new UsageError('bad\ninput');
    });
    assert.equal(code, EXIT.usage);
    assert.equal(io.err, 'memobench compare: bad input\n');
  });

  it('returns the body’s exit code and lets other errors through', async () => {
    assert.equal(await guard('memobench', collector(), async () => EXIT.failure), 1);
    await assert.rejects(
      guard('memobench', collector(), async () => {
        throw new TypeError('a bug');
      }),
      TypeError,
    );
  });
});

describe('runMain()', () => {
  /** Runs `body` through runMain and returns the exit code it set, leaving this process's own untouched. */
  async function exitCodeOf(
    body: () => Promise<number>,
    io: CommandIo,
  ): Promise<number | string | undefined> {
    const saved = process.exitCode;
    try {
      await runMain('memobench check', body, io);
      return process.exitCode;
    } finally {
      process.exitCode = saved;
    }
  }

  it('sets the exit code: the body’s, 2 for a UsageError, 1 for anything else, each error on one line', async () => {
    assert.equal(await exitCodeOf(async () => EXIT.ok, collector()), 0);
    const usageIo = collector();
    const usageCode = await exitCodeOf(async () => {
      throw new UsageError('--repeat must be a positive integer');
    }, usageIo);
    assert.equal(usageCode, 2);
    assert.equal(usageIo.err, 'memobench check: --repeat must be a positive integer\n');
    const bugIo = collector();
    const bugCode = await exitCodeOf(async () => {
      throw new Error('disk\nfull');
    }, bugIo);
    assert.equal(bugCode, 1);
    assert.equal(bugIo.err, 'memobench check: disk full\n');
  });
});

describe('EXIT', () => {
  it('is the table the README documents', () => {
    assert.deepEqual(EXIT, { ok: 0, failure: 1, usage: 2, SIGINT: 130, SIGTERM: 143 });
  });
});

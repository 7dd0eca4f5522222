import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOTICE_ROWS } from './log-notices';
import { decimalText, integerText } from './number-text';
import { parseLogLine, type ParsedLine } from './parse-log-line';
import { parseLogLineBytes } from './parse-log-line-bytes';
import { parseLogLineReference } from './testing/parse-log-line-reference';

/**
 * The optimized parser (one match for a whole per-sample line, hand-converted numbers, guarded and
 * indexed patterns) must read every line exactly as the parser before it did: the frozen reference
 * in testing/ is the oracle. Lines come from the real captures and from a grammar of linuxptp's
 * shapes with hostile variations (widths, signs, 16–21 digit numbers, `-0`, tabs, CR, tags,
 * syslog/journal prefixes), then mutated at random.
 */

const fixtureLines = readdirSync(join(__dirname, 'fixtures'))
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => readFileSync(join(__dirname, 'fixtures', f), 'utf8').split('\n'));

const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));
const sign = fc.constantFrom('', '', '-', '+');
const int = fc.oneof(
  { arbitrary: fc.integer({ min: -99_999_999, max: 99_999_999 }).map(String), weight: 4 },
  fc.tuple(sign, digits(1, 22)).map(([s, d]) => s + d),
  fc.constantFrom('0', '-0', '+0', '9007199254740993', '-1762884964124186163', '99999999999999999999'),
);
const uint = fc.oneof({ arbitrary: fc.nat().map(String), weight: 4 }, int);
const spaces = fc.oneof({ arbitrary: fc.constantFrom(' ', '   ', '       '), weight: 3 }, fc.integer({ min: 0, max: 12 }).map((n) => ' '.repeat(n)));
const word = fc.oneof(
  fc.constantFrom('CLOCK_REALTIME', 'eth0', 'ens3f0', '/dev/ptp6', 'phc', 'sys', 'pps', 'master', 'rms', 'offset'),
  fc.stringMatching(/^[A-Za-z0-9_/.()-]{0,12}$/),
);
const servo = fc.oneof({ arbitrary: fc.constantFrom('0', '1', '2', '3'), weight: 4 }, fc.constantFrom('4', '', '12'));
const state = fc.constantFrom('INITIALIZING', 'LISTENING', 'UNCALIBRATED', 'SLAVE', 'MASTER', 'FAULTY', 'PASSIVE', 'GRAND_MASTER', 'WAITING', 'X');
const portHead = fc.tuple(digits(0, 6), fc.oneof(fc.constant(''), word.map((w) => ` (${w})`))).map(([n, i]) => `port ${n}${i}: `);

const message = fc.oneof(
  fc.tuple(spaces, int, servo, spaces, int, spaces, int).map(([a, o, s, b, f, c, d]) => `master offset${a}${o} s${s} freq${b}${f} path delay${c}${d}`),
  fc.tuple(fc.oneof(fc.constant(''), word.map((w) => `${w} `)), spaces, uint, spaces, uint, spaces, int, spaces, uint, fc.boolean(), int, uint).map(
    ([clock, a, rms, b, max, c, freq, d, dev, delay, dl, dd]) => `${clock}rms${a}${rms} max${b}${max} freq${c}${freq} +/-${d}${dev}${delay ? ` delay ${dl} +/- ${dd}` : ''}`,
  ),
  fc.tuple(word, word, spaces, int, servo, spaces, int, fc.boolean(), int).map(([c, s, a, o, sv, b, f, hasDelay, d]) => `${c} ${s} offset${a}${o} s${sv} freq${b}${f}${hasDelay ? ` delay ${d}` : ''}`),
  fc.tuple(word, spaces, int, fc.boolean(), servo, int, fc.boolean()).map(([c, a, o, full, s, f, h]) => `${c} offset${a}${o}${full ? ` s${s} freq ${f}` : ''}${h ? ' holdover' : ''}`),
  fc.tuple(word, int, servo, int).map(([c, o, s, f]) => `${c} master offset ${o} s${s} freq ${f}`),
  fc.tuple(portHead, state, state, fc.constantFrom('INIT_COMPLETE', 'RS_SLAVE', 'FAULT_DETECTED', 'x'), fc.constantFrom('', ' (FT_UNSPECIFIED)', ' ()')).map(([h, a, b, e, f]) => `${h}${a} to ${b} on ${e}${f}`),
  fc.tuple(portHead, fc.constantFrom('link up', 'link down', 'assuming the grand master role', 'new foreign master 025353.fffe.00000a-1', 'link sideways')).map(([h, r]) => h + r),
  fc.tuple(word, fc.constantFrom('', ' on port 1', ' on port x')).map(([id, p]) => `selected best master clock ${id}${p}`),
  word.map((id) => `selected local clock ${id} as best master`),
  fc.tuple(word, int).map(([d, o]) => `${d} lost holdover lock (offset ${o})`),
  fc.tuple(fc.constantFrom(...NOTICE_ROWS.map((r) => r.prefix)), fc.oneof(fc.constant(''), word, int, word.map((w) => `${w} failed`), word.map((w) => `${w} timed out`))).map(([p, r]) => p + r),
  fc.string({ maxLength: 80 }),
);

const prefix = fc.oneof(
  { arbitrary: fc.tuple(fc.constantFrom('ptp4l', 'phc2sys', 'ts2phc', 'ptp4l-eth1'), digits(1, 12), digits(1, 9)).map(([p, i, f]) => `${p}[${i}.${f}]: `), weight: 3 },
  fc.tuple(fc.oneof(fc.constantFrom('ptp4l', 'phc2sys', 'ts2phc'), fc.stringMatching(/^[A-Za-z0-9_.[ -]{0,70}$/)), digits(0, 14), fc.constantFrom('.', '', '..'), digits(0, 11)).map(
    ([p, i, dot, f]) => `${p}[${i}${dot}${f}]: `,
  ),
  fc.constantFrom('', 'ptp4l[5374.018]: ', 'phc2sys[94980.450]: ', 'ts2phc[521734.693]: ', '[5374.018] ', 'Nov  5 01:23:45 gm1 ptp4l: [5374.018] ', '2026-11-25T01:23:45.123456+01:00 lab ptp4l[812]: ptp4l[5374.018]: '),
);
const tag = fc.oneof(
  { arbitrary: fc.constant(''), weight: 3 },
  fc.constantFrom('[ptp4l.0.config:5] ', '[ts2phc.0.config:6] ', '[ptp4l.1.config] '),
  fc.stringMatching(/^[A-Za-z0-9_.:\] ]{0,20}$/).map((t) => `[${t}] `),
);
const suffix = fc.oneof({ arbitrary: fc.constant(''), weight: 6 }, fc.constantFrom(' ', '\r', '\t', ' \r', '\n', '\u2028'));

const line = fc.tuple(prefix, tag, message, suffix).map(([p, t, m, s]) => p + t + m + s);

/** Insert, delete or replace a few characters anywhere. */
const mutated = (lines: fc.Arbitrary<string>) =>
  fc.tuple(lines, fc.nat(200), fc.string({ maxLength: 4 }), fc.nat(4)).map(([l, at, insert, cut]) => {
    const i = at % (l.length + 1);
    return l.slice(0, i) + insert + l.slice(i + cut);
  });

/** A ParsedLine as plain data (the bytes path makes its message only when read). */
const plain = (p: ParsedLine) => ({ prefix: p.prefix, message: p.message, record: p.record });

const utf8 = (bytes: Buffer, start: number, end: number) => bytes.toString('utf8', start, end);

/**
 * The bytes path, given the line as the log follower does: a range of a chunk (here between bytes
 * that would change a number or a word if read), decoded only when it is not a sample. It must
 * give what the reference gives for the text the follower would have decoded.
 */
function expectBytesPath(bytes: Buffer): void {
  const chunk = Buffer.concat([Buffer.from('7'), bytes, Buffer.from('9 s\n')]);
  const text = bytes.toString('utf8');
  expect(plain(parseLogLineBytes(chunk, 1, 1 + bytes.length, utf8)), text).toEqual(parseLogLineReference(text));
}

describe('the optimized log parser reads every line as the reference parser does', () => {
  it('on every real captured line', () => {
    for (const l of fixtureLines) {
      expect(parseLogLine(l), l).toEqual(parseLogLineReference(l));
      expectBytesPath(Buffer.from(l));
    }
  });

  const generated = fc.oneof({ arbitrary: line, weight: 3 }, mutated(line), mutated(fc.constantFrom(...fixtureLines)));

  // 20,000 lines each: seconds on a busy machine, hence the room.
  it('on generated lines of every shape, as printed and mutated', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(generated, (l) => {
        expect(parseLogLine(l)).toEqual(parseLogLineReference(l));
      }),
      { numRuns: 20_000 },
    );
  });

  it('from bytes, on generated lines of every shape, as printed and mutated', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(generated, (l) => expectBytesPath(Buffer.from(l))),
      { numRuns: 20_000 },
    );
  });

  it('on arbitrary text', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'binary' }), (l) => {
        expect(parseLogLine(l)).toEqual(parseLogLineReference(l));
        expectBytesPath(Buffer.from(l));
      }),
      { numRuns: 3_000 },
    );
  });

  it('from arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 120 }), (b) => expectBytesPath(Buffer.from(b))),
      { numRuns: 3_000 },
    );
  });

  it('from bytes, on sample, summary and port state lines at their limits (widths, signs, tags, 16–21 digit numbers, interface names)', { timeout: 60_000 }, () => {
    const sample = fc
      .tuple(prefix, tag, spaces, int, servo, spaces, int, spaces, int)
      .map(([p, t, a, o, s, b, f, c, d]) => `${p}${t}master offset${a}${o} s${s} freq${b}${f} path delay${c}${d}`);
    const summary = fc
      .tuple(prefix, tag, spaces, uint, spaces, uint, spaces, int, spaces, uint, fc.boolean(), spaces, int, spaces, uint)
      .map(([p, t, a, rms, b, max, c, freq, d, dev, delay, e, dl, f, dd]) => `${p}${t}rms${a}${rms} max${b}${max} freq${c}${freq} +/-${d}${dev}${delay ? ` delay${e}${dl} +/-${f}${dd}` : ''}`);
    const iface = fc.oneof(fc.constant(''), word.map((w) => ` (${w})`), fc.stringMatching(/^[ -~]{0,130}$/).map((w) => ` (${w})`), fc.constant(' (ens3f0\u00e9)'));
    const transition = fc
      .tuple(prefix, tag, digits(0, 6), iface, state, state, fc.constantFrom('INIT_COMPLETE', 'RS_SLAVE', 'FAULT_DETECTED', 'A', 'NEW_EVENT_OF_A_LATER_LINUXPTP'), fc.constantFrom('', ' (FT_UNSPECIFIED)', ' ()', ' (FT_9)'))
      .map(([p, t, n, i, a, b, e, f]) => `${p}${t}port ${n}${i}: ${a} to ${b} on ${e}${f}`);
    fc.assert(
      fc.property(fc.oneof(sample, summary, transition, mutated(sample), mutated(summary), mutated(transition)), (l) => expectBytesPath(Buffer.from(l))),
      { numRuns: 20_000 },
    );
  });
});

describe('number texts converted by hand', () => {
  it('give exactly what Number() gives, -0 and beyond 2^53 included', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(sign, digits(1, 22), (s, d) => {
        expect(Object.is(integerText(s + d), Number(s + d))).toBe(true);
      }),
      { numRuns: 5_000 },
    );
    fc.assert(
      fc.property(digits(1, 12), digits(1, 9), (i, f) => {
        expect(Object.is(decimalText(`${i}.${f}`), Number(`${i}.${f}`))).toBe(true);
      }),
      { numRuns: 5_000 },
    );
    for (const t of ['-0', '+0', '0', '9007199254740993', '123456789012345', '1234567890123456']) expect(Object.is(integerText(t), Number(t)), t).toBe(true);
    for (const t of ['566.982', '0.1', '999999999999.999999999', '123456.123456789', '0.000000001']) expect(Object.is(decimalText(t), Number(t)), t).toBe(true);
  });
});

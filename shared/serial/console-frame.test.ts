import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMarker, framedExec, framedStream, FramedReader, isReadyMarker, shellSetup, StreamReader, type FramedResult } from './console-frame';
import { ConsoleLineSplitter, KERNEL_PREFIX, type ConsoleLine } from './console-text';

const ID = '0123456789abcdef';

/** What a shell prints for a framed command: markers as printf writes them, \n as the tty's \r\n. */
function consoleBytes(stdout: string, status: number, stderr = ''): string {
  return `<<SYNCSCOPE-B:${ID}>>\n${stdout}<<SYNCSCOPE-M:${ID}:${status}>>\n${stderr}<<SYNCSCOPE-E:${ID}>>\n`.replaceAll('\n', '\r\n');
}

function read(chunks: string[], id = ID): FramedResult | null {
  const reader = new FramedReader(id, 1 << 20);
  let result: FramedResult | null = null;
  const splitter = new ConsoleLineSplitter((line) => {
    result ??= reader.feed(line);
  });
  for (const c of chunks) splitter.push(c);
  return result;
}

describe('framed commands on a serial console', () => {
  it('never contains a marker literally in the line typed (so its echo is not one)', () => {
    for (const line of [framedExec(ID, "'pmc' '-u'"), framedStream(ID, "'tail' '-F' '/x'"), shellSetup(ID, ['/usr/sbin'])]) {
      expect(findMarker(line)).toBeNull();
      expect(line).not.toContain('\n');
    }
    expect(() => framedExec('NOT-HEX;rm', 'x')).toThrow(RangeError);
  });

  it('reads stdout, exit status and stderr exactly, with and without a final newline', () => {
    expect(read([consoleBytes('abc\n', 0)])).toEqual({ stdout: 'abc\n', stderr: '', exitCode: 0, truncated: false });
    expect(read([consoleBytes('abc', 3, 'oops\n')])).toEqual({ stdout: 'abc', stderr: 'oops\n', exitCode: 3, truncated: false });
    expect(read([consoleBytes('', 127, 'sh: 1: nope: not found\n')])).toEqual({ stdout: '', stderr: 'sh: 1: nope: not found\n', exitCode: 127, truncated: false });
    expect(read([consoleBytes('a\n\nb\n', 0)])?.stdout).toBe('a\n\nb\n');
  });

  it('ignores the echo of the typed line, prompts, and another command’s markers', () => {
    const echo = `$ ${framedExec(ID, "'echo' 'hi'")}\r\n`;
    const other = '<<SYNCSCOPE-B:ffffffffffffffff>>\r\nnot mine\r\n';
    expect(read([other, echo, consoleBytes('hi\n', 0), '$ '])?.stdout).toBe('hi\n');
  });

  it('joins a line a kernel message interrupted, and drops ANSI escapes', () => {
    const bytes = `<<SYNCSCOPE-B:${ID}>>\r\nport\x1b[1m[ 1234.567890] eth0: link up\r\nState SLAVE\r\n\x1b[32m[   12.000001] e1000e: reset\r\n<<SYNC[ 5.000000] x\r\nSCOPE-M:${ID}:0>>\r\n<<SYNCSCOPE-E:${ID}>>\r\n`;
    expect(read([bytes])).toEqual({ stdout: 'portState SLAVE\n', stderr: '', exitCode: 0, truncated: false });
  });

  it('cuts output at the cap and says so', () => {
    const reader = new FramedReader(ID, 10);
    const lines: ConsoleLine[] = [`<<SYNCSCOPE-B:${ID}>>`, '0123456789abcdef', `<<SYNCSCOPE-M:${ID}:0>>`, `<<SYNCSCOPE-E:${ID}>>`].map((text) => ({ text, kernel: false }));
    const results = lines.map((l) => reader.feed(l));
    expect(results[3]).toMatchObject({ stdout: '0123456789\n', truncated: true });
  });

  it('streams lines after B until S, with the status and a last unterminated line', () => {
    const r = new StreamReader(ID);
    const feed = (text: string, kernel = false) => r.feed({ text, kernel });
    expect(feed('$ typed line')).toEqual({ kind: 'none' });
    expect(feed(`<<SYNCSCOPE-B:${ID}>>`)).toEqual({ kind: 'started' });
    expect(feed('sending: GET TIME_STATUS_NP')).toEqual({ kind: 'line', text: 'sending: GET TIME_STATUS_NP' });
    expect(feed('[ 1.000000] eth0: link down', true)).toEqual({ kind: 'none' });
    expect(feed(`tail<<SYNCSCOPE-S:${ID}:130>>`)).toEqual({ kind: 'ended', lastLine: 'tail', exitCode: 130 });
  });

  it('knows its setup marker', () => {
    expect(isReadyMarker({ text: `<<SYNCSCOPE-R:${ID}>>`, kernel: false }, ID)).toBe(true);
    expect(isReadyMarker({ text: `<<SYNCSCOPE-R:${ID}>>`, kernel: false }, 'aaaaaaaaaaaaaaaa')).toBe(false);
  });
});

// --- garbage around real framed output never corrupts the result ------------------------------

const outputChar = fc.constantFrom(...'abcxyzABC 0189:.-_=/[]{}()<>%$#@!\t\n'.split(''), 'é', '时', '间');
/** Command output that a parser can tell from noise: no escapes, no CR, no printk prefix, no marker. */
const commandOutput = fc
  .array(outputChar, { maxLength: 300 })
  .map((cs) => cs.join(''))
  .filter((s) => !KERNEL_PREFIX.test(s) && !s.includes('<<SYNCSCOPE'));
const kernelMessage = fc.tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 999999 }), fc.constantFrom('eth0: link up', 'usb 1-1: new device', 'e1000e 0000:00:19.0 eth0: NIC Link is Up 1000 Mbps')).map(([s, us, msg]) => `[${String(s).padStart(5)}.${String(us).padStart(6, '0')}] ${msg}\r\n`);
const ansi = fc.constantFrom('\x1b[0m', '\x1b[1;32m', '\x1b[?2004h', '\x1b[?2004l', '\x1b]0;user@host: ~\x07', '\x1b[K', '\x1b(B', '\x1b=', '\x07');
const noise = fc.oneof(kernelMessage, ansi);
/** Anything at all, as long as it does not forge this command's own marker. */
const garbage = fc.string({ unit: 'binary', maxLength: 200 }).filter((s) => !s.includes(ID));

/** Inserts noise at random places of `text`: escapes and kernel messages arrive between any two characters. */
function interleave(text: string, inserts: { at: number; what: string }[]): string {
  const cuts = [...inserts].sort((a, b) => a.at - b.at);
  let out = '';
  let pos = 0;
  for (const c of cuts) {
    const at = Math.min(text.length, Math.floor(c.at * (text.length + 1)));
    out += text.slice(pos, at) + c.what;
    pos = Math.max(pos, at);
  }
  return out + text.slice(pos);
}

/** Splits `text` into chunks at random places (a serial port delivers any chunking). */
function chunked(text: string, cuts: number[]): string[] {
  const at = [...new Set(cuts.map((c) => Math.floor(c * text.length)))].sort((a, b) => a - b);
  const parts: string[] = [];
  let pos = 0;
  for (const a of at) {
    parts.push(text.slice(pos, a));
    pos = a;
  }
  parts.push(text.slice(pos));
  return parts;
}

describe('a framed result under console noise (property)', () => {
  it('comes out exactly, whatever garbage surrounds it and whatever noise interrupts it', () => {
    fc.assert(
      fc.property(
        garbage,
        commandOutput,
        commandOutput,
        fc.integer({ min: 0, max: 255 }),
        fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), what: noise }), { maxLength: 8 }),
        garbage,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 10 }),
        (before, stdout, stderr, status, inserts, after, cuts) => {
          // Garbage before the command may leave an open line; the shell's prompt and echo end it.
          const text = `${before}\r\n$ ${interleave(consoleBytes(stdout, status, stderr), inserts)}${after}`;
          const result = read(chunked(text, cuts));
          expect(result).toEqual({ stdout, stderr, exitCode: status, truncated: false });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary bytes, and finds no result in them', () => {
    fc.assert(
      fc.property(garbage, (g) => {
        expect(read([g])).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});

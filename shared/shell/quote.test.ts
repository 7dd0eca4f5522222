import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shellCommand, shellQuote } from './quote';

/** Real shells, as a device would run the string: each must hand back exactly the argv we quoted. */
const SHELLS = ['/bin/sh', '/bin/dash', '/bin/bash'].filter((s) => existsSync(s));

function echoedBy(shell: string, args: string[]): string[] {
  // A leading marker, because printf with no arguments still prints its format once.
  const out = execFileSync(shell, ['-c', shellCommand(['printf', '%s\\0', 'marker', ...args])], { encoding: 'utf8' });
  return out.split('\0').slice(1, -1);
}

const HOSTILE = [
  '',
  ' ',
  "'",
  "''",
  "it's",
  "'\\''",
  '"double"',
  '$(touch /tmp/syncscope-pwned)',
  '`touch /tmp/syncscope-pwned`',
  '${HOME}',
  '$HOME',
  'a;b',
  'a && b || c',
  'a | b > /tmp/x < /etc/passwd',
  'line1\nline2',
  'tab\there',
  '\r\n',
  '*',
  '~',
  '!event',
  '#comment',
  '-n',
  '--',
  'back\\slash',
  'ünïcødé ✓ 时间',
  '\u001b[31mred',
];

describe('shellQuote', () => {
  it('single-quotes everything, even safe words', () => {
    expect(shellQuote('pmc')).toBe("'pmc'");
    expect(shellQuote('')).toBe("''");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
  });

  it('rejects a NUL byte: no argv can carry one, so it is a bug in the caller', () => {
    expect(() => shellQuote('a\0b')).toThrow(RangeError);
    expect(() => shellCommand(['printf', '\0'])).toThrow(/NUL/);
  });

  it('rejects a non-string', () => {
    expect(() => shellQuote(42 as unknown as string)).toThrow(TypeError);
  });
});

describe('shellCommand', () => {
  it('needs a program name', () => {
    expect(() => shellCommand([])).toThrow(RangeError);
  });

  it.each(SHELLS)('%s gets back every hostile argument byte for byte, and runs none of them', (shell) => {
    expect(echoedBy(shell, HOSTILE)).toEqual(HOSTILE);
    expect(existsSync('/tmp/syncscope-pwned')).toBe(false);
  });

  it.runIf(SHELLS.length > 0)('round-trips any NUL-free string through a real shell (property)', () => {
    const shell = SHELLS[0] ?? '/bin/sh';
    const arg = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !s.includes('\0'));
    fc.assert(
      fc.property(fc.array(arg, { maxLength: 6 }), (args) => {
        expect(echoedBy(shell, args)).toEqual(args);
      }),
      { numRuns: 150 },
    );
  });
});

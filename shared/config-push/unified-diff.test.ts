import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLines } from '../ptpconf';
import { unifiedDiff } from './unified-diff';

/** Rebuilds both sides from a diff: every old line and every new line must appear, in order. */
function sides(text: ReturnType<typeof diffLines>): { old: string[]; new: string[] } {
  return { old: text.filter((l) => l.kind !== 'add').map((l) => l.text), new: text.filter((l) => l.kind !== 'remove').map((l) => l.text) };
}

function lines(t: string): string[] {
  return t === '' ? [] : t.replace(/\n$/, '').split('\n');
}

function lcsLength(a: string[], b: string[]): number {
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) dp[i]![j] = a[i - 1] === b[j - 1] ? dp[i - 1]![j - 1]! + 1 : Math.max(dp[i - 1]![j]!, dp[i]![j - 1]!);
  return dp[a.length]![b.length]!;
}

describe('unified diff of a line diff', () => {
  it('keeps both texts whole and is minimal (as many kept lines as the longest common subsequence)', () => {
    const text = fc.array(fc.constantFrom('[global]', 'priority1 128', 'priority1 127', 'logSyncInterval 0', '', '# c', '[eth0]'), { maxLength: 30 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        const d = diffLines(a.join('\n'), b.join('\n'));
        const s = sides(d);
        expect(s.old).toEqual(lines(a.join('\n')));
        expect(s.new).toEqual(lines(b.join('\n')));
        expect(d.filter((l) => l.kind === 'same').length).toBe(lcsLength(s.old, s.new));
      }),
      { numRuns: 400 },
    );
  });

  it('renders what GNU diff -u prints for a one-option change', () => {
    const dir = mkdtempSync(join(tmpdir(), 'syncscope-diff-'));
    const oldText = ['[global]', 'domainNumber 0', 'priority1 128', 'priority2 128', 'logSyncInterval 0', 'logAnnounceInterval 1', 'summary_interval 0', 'verbose 1', 'use_syslog 0', ''].join('\n');
    const newText = oldText.replace('logSyncInterval 0', 'logSyncInterval -3').replace('use_syslog 0', 'use_syslog 0\nslaveOnly 1');
    writeFileSync(join(dir, 'a'), oldText);
    writeFileSync(join(dir, 'b'), newText);
    let gnu = '';
    try {
      execFileSync('diff', ['-u', '--label', 'a', '--label', 'b', join(dir, 'a'), join(dir, 'b')], { encoding: 'utf8' });
    } catch (err) {
      gnu = (err as { stdout: string }).stdout;
    }
    expect(unifiedDiff(diffLines(oldText, newText), 'a', 'b')).toBe(gnu);
  });

  it('says nothing for equal texts, and counts an added first file from line 0', () => {
    expect(unifiedDiff(diffLines('a\nb\n', 'a\nb'), 'x', 'y')).toBe('');
    expect(unifiedDiff(diffLines('', 'a\n'), 'x', 'y')).toBe('--- x\n+++ y\n@@ -0,0 +1 @@\n+a\n');
  });
});

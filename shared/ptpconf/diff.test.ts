import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLines, diffText } from './diff';

function lcs(a: string[], b: string[]): number {
  const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) t[i]![j] = a[i - 1] === b[j - 1] ? t[i - 1]![j - 1]! + 1 : Math.max(t[i - 1]![j]!, t[i]![j - 1]!);
  return t[a.length]![b.length]!;
}

const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'priority1 1', ''), { maxLength: 30 });

describe('line diff', () => {
  it('rebuilds both texts and keeps the longest common run (a one-line change is one remove and one add)', () => {
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const text = (l: string[]) => l.map((x) => `${x}\n`).join('');
        const d = diffLines(text(a), text(b));
        expect(d.filter((l) => l.kind !== 'add').map((l) => l.text)).toEqual(a);
        expect(d.filter((l) => l.kind !== 'remove').map((l) => l.text)).toEqual(b);
        // Minimal: what is kept is as long as the longest common subsequence.
        expect(d.filter((l) => l.kind === 'same').length).toBe(lcs(a, b));
      }),
      { numRuns: 500 },
    );
    const before = '[global]\npriority1 128\nverbose 1\n';
    const d = diffLines(before, before.replace('128', '127'));
    expect(diffText(d)).toBe(' [global]\n-priority1 128\n+priority1 127\n verbose 1');
    expect(d[1]).toEqual({ kind: 'remove', text: 'priority1 128', oldLine: 2, newLine: null });
    expect(d[2]).toEqual({ kind: 'add', text: 'priority1 127', oldLine: null, newLine: 2 });
  });
});

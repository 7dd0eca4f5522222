import type { DiffLine } from '../contract/methods-config';

/**
 * A line diff (shared/ptpconf's diffLines) rendered as `diff -u` prints it, for the audit log: the
 * same hunks and headers as GNU diff, so the text reads and applies like any patch.
 */

/** `diff -u` text with `context` lines around each change; empty when nothing changed. */
export function unifiedDiff(lines: readonly DiffLine[], oldName: string, newName: string, context = 3): string {
  const changed = lines.map((l) => l.kind !== 'same');
  if (!changed.includes(true)) return '';
  const out = [`--- ${oldName}`, `+++ ${newName}`];
  let i = 0;
  while (i < lines.length) {
    if (!changed[i]) {
      i++;
      continue;
    }
    // One hunk: from `context` lines before this change to `context` lines after the last change within reach.
    const start = Math.max(0, i - context);
    let end = i;
    while (end < lines.length) {
      let next = end + 1;
      while (next < lines.length && !changed[next]) next++;
      if (next < lines.length && next - end <= 2 * context) end = next;
      else break;
    }
    const stop = Math.min(lines.length, end + context + 1);
    const hunk = lines.slice(start, stop);
    const oldStart = firstNumber(lines, start, 'oldLine');
    const newStart = firstNumber(lines, start, 'newLine');
    const oldCount = hunk.filter((l) => l.kind !== 'add').length;
    const newCount = hunk.filter((l) => l.kind !== 'remove').length;
    out.push(`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@`);
    for (const l of hunk) out.push(`${l.kind === 'add' ? '+' : l.kind === 'remove' ? '-' : ' '}${l.text}`);
    i = stop;
  }
  return `${out.join('\n')}\n`;
}

/** A hunk's range as GNU diff writes it: `start,count`, the count left out when it is 1, an empty side at the line before. */
function range(start: number, count: number): string {
  if (count === 1) return String(start);
  return `${count === 0 ? start - 1 : start},${count}`;
}

/** The first old/new line number at or after `from` (the line a hunk starts at, counted as diff -u does). */
function firstNumber(lines: readonly DiffLine[], from: number, key: 'oldLine' | 'newLine'): number {
  for (let j = from; j < lines.length; j++) {
    const n = lines[j]?.[key];
    if (n !== null && n !== undefined) return n;
  }
  // Nothing on that side from here on: the hunk sits after the side's last line.
  let count = 0;
  for (const l of lines) if (l[key] !== null) count++;
  return count + 1;
}

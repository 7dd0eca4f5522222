/**
 * A line diff of two texts (the device's file and the edited one), for a preview: Myers' O(ND)
 * algorithm on lines, so a one-line edit of a long file costs a few steps, not lines².
 */
import type { DiffLine } from '../contract/methods-config';

export type { DiffLine };

const split = (t: string) => {
  if (t === '') return [];
  const l = t.split('\n');
  if (t.endsWith('\n')) l.pop();
  return l;
};

/** The edit script turning `before` into `after`, line by line, in order. */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = split(before);
  const b = split(after);
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0)) ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace back from (n, m) to (0, 0).
  const out: DiffLine[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d] as Int32Array;
    const k = x - y;
    const prevK = k === -d || (k !== d && (vd[offset + k - 1] ?? 0) < (vd[offset + k + 1] ?? 0)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : (vd[offset + prevK] ?? 0);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      out.push({ kind: 'same', text: a[x - 1] ?? '', oldLine: x, newLine: y });
      x--;
      y--;
    }
    if (d === 0) break;
    if (x === prevX) out.push({ kind: 'add', text: b[y - 1] ?? '', oldLine: null, newLine: y });
    else out.push({ kind: 'remove', text: a[x - 1] ?? '', oldLine: x, newLine: null });
    x = prevX;
    y = prevY;
  }
  return out.reverse();
}

/** `-`/`+`/` ` lines, as a unified diff's body reads. */
export function diffText(lines: readonly DiffLine[]): string {
  return lines.map((l) => `${l.kind === 'add' ? '+' : l.kind === 'remove' ? '-' : ' '}${l.text}`).join('\n');
}

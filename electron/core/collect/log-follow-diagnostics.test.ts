import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalTransport } from '../transport/local-transport';
import { LogFollowSource } from './log-follow-source';
import type { SourcePoll } from './ptp-source';

async function until<T>(what: string, fn: () => Promise<T | null>, ms = 10_000): Promise<T> {
  const end = performance.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== null) return v;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A real `tail -F` on this machine, through the local transport. */
describe('a log follower tells the diagnostics panel what it reads and why it stopped', () => {
  const t = new LocalTransport();
  const signal = new AbortController().signal;
  let dir: string;
  let file: string;
  beforeAll(async () => {
    await t.connect();
    dir = mkdtempSync(join(tmpdir(), 'syncscope-follow-diag-'));
    file = join(dir, 'ptp4l.log');
    writeFileSync(file, '');
  });
  afterAll(() => {
    t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the lines it read, the unreadable ones, and a follower that ended: restarted, counted, the reason kept until lines flow again', async () => {
    const src = new LogFollowSource({ id: 'here', name: 'here', instance: 'ptp4l', log: { kind: 'file', path: file } });
    try {
      await src.poll(t, signal);
      expect(src.diagnostics()).toMatchObject({ source: 'log-follow', lastCommand: `tail -n 0 -F -- ${file}`, restarts: 0, lastError: null });
      // tail -F may open the file a moment after it starts: write until a line comes through.
      await until('a line through tail', async () => {
        appendFileSync(file, 'ptp4l[100.000]: master offset         -5 s2 freq   +100 path delay      9000\nthis is not a linuxptp line\n');
        await new Promise((r) => setTimeout(r, 100));
        const p: SourcePoll = await src.poll(t, signal);
        return p.readings.length > 0 ? p : null;
      });
      const seen = src.diagnostics();
      expect(seen.lastRawOutput).toContain('master offset         -5 s2');
      expect(seen.parseErrors).toBeGreaterThanOrEqual(1);
      expect(seen.unparsedLines).toContain('this is not a linuxptp line');

      // Our own tail, found by its exact command line, ends.
      const pid = execFileSync('pgrep', ['-f', '--', `^tail -n 0 -F -- ${file}$`], { encoding: 'utf8' }).trim();
      expect(pid).toMatch(/^\d+$/);
      process.kill(Number(pid), 'SIGTERM');
      const restarted = await until('the follower restarted', async () => {
        const p = await src.poll(t, signal);
        return p.events.some((e) => e.kind === 'source-restart') ? p : null;
      });
      expect(restarted.events.find((e) => e.kind === 'source-restart')).toMatchObject({ from: expect.stringMatching(/SIGTERM|exited/), to: 'running' });
      expect(src.diagnostics()).toMatchObject({ restarts: 1, lastError: { messageId: 'log.follower-ended', params: { what: file } } });
      await until('lines again, and the error gone', async () => {
        appendFileSync(file, 'ptp4l[101.000]: master offset         -3 s2 freq   +100 path delay      9000\n');
        await new Promise((r) => setTimeout(r, 100));
        await src.poll(t, signal);
        return src.diagnostics().lastError === null ? true : null;
      });
    } finally {
      src.close();
    }
  });
});

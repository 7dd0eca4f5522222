import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from './open-store';

const T0_US = 1_764_000_000_000_000;
const valueAt = (i: number): number => ((i * 2_654_435_761) % 20_001) - 10_000;
const CHILD = join(__dirname, 'crash-ingest-child.ts');

/** Runs the ingesting child from `start`, SIGKILLs it a random while after its first acknowledged batch; resolves with the last acknowledged count. */
function ingestThenKill(dir: string, deviceId: string, start: number, killAfterMs: number): Promise<number> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, deviceId, String(start)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let acked = start;
    let timer: NodeJS.Timeout | null = null;
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      for (const m of d.matchAll(/ack (\d+)/g)) acked = Number(m[1]);
      timer ??= setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', fail);
    child.once('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') fail(new Error(`the ingesting child exited by itself (${code}): ${stderr}`));
      else ok(acked);
    });
  });
}

describe('SIGKILL in the middle of heavy ingest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'syncscope-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loses nothing acknowledged and leaves an intact file, 20 times over', async () => {
    const seed = openStore(dir);
    const deviceId = seed.devices.add({ transport: 'local', name: 'crash', pollIntervalMs: 125 }).id;
    seed.close();
    let have = 0;
    for (let round = 0; round < 20; round++) {
      const acked = await ingestThenKill(dir, deviceId, have, 150 + ((round * 137) % 400));
      const store = openStore(dir);
      expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const [cols] = store.series.queryRange({ keys: [{ deviceId, instance: 'ptp4l', metric: 'ptp.offset_from_master', labels: {} }], fromUs: T0_US, toUs: T0_US + 1e13 });
      const n = cols!.tUs.length;
      // Every acknowledged reading is there, in order and exact; at most the batch in flight is not.
      expect(n).toBeGreaterThanOrEqual(acked);
      expect(n - acked).toBeLessThanOrEqual(400);
      for (let i = 0; i < n; i++) {
        if (cols!.tUs[i] !== T0_US + i * 125_000 || cols!.value[i] !== valueAt(i)) throw new Error(`round ${round}: point ${i} is (${cols!.tUs[i]}, ${cols!.value[i]})`);
      }
      const times = store.series.queryDeviceTimes(deviceId, 'ptp4l', T0_US + (n - 1) * 125_000, T0_US + 1e13);
      expect(times.deviceTimeNs).toEqual([String(BigInt(T0_US + (n - 1) * 125_000) * 1000n + 37_000_000_000n + BigInt((n - 1) % 1000))]);
      store.close();
      have = n;
    }
    // The child did real work each time (several sealed chunks over the run).
    expect(have).toBeGreaterThan(20 * 400);
    const store = openStore(dir);
    expect(store.db.prepare('SELECT COUNT(*) FROM chunks').pluck().get()).toBeGreaterThan(3);
    store.close();
  }, 300_000);
});

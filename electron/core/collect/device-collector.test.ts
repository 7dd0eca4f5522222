import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../../shared/domain/status';
import { freePort } from '../../../test/support/free-port';
import { createTransport } from '../transport/registry';
import { backoffMs } from './backoff';
import { DeviceCollector } from './device-collector';
import { sshSpec } from './spec-fixture';

async function until(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('DeviceCollector statuses against a real closed port', () => {
  let collector: DeviceCollector | null = null;
  afterEach(async () => {
    await collector?.stop();
    collector = null;
  });

  it('publishes one status per transition: connecting, then offline with a future retry time, per retry', async () => {
    const spec = sshSpec({ sshPort: await freePort() });
    const seen: { at: number; status: DeviceStatus }[] = [];
    collector = new DeviceCollector(spec, createTransport(spec, { onNewHostKey: () => undefined }), { sample: () => undefined, readings: () => undefined, events: () => undefined, status: (s) => seen.push({ at: Date.now(), status: s }), pollDone: () => undefined }, { retryBaseMs: 50 });
    await until(() => seen.filter((s) => s.status.connection === 'offline').length >= 4);
    await collector.stop();
    const connections = seen.map((s) => s.status.connection);
    expect(connections.slice(0, 8)).toEqual(['connecting', 'offline', 'connecting', 'offline', 'connecting', 'offline', 'connecting', 'offline']);
    for (const { at, status } of seen) {
      if (status.connection === 'connecting') expect(status.nextRetryAtMs).toBeNull();
      if (status.connection === 'offline') {
        expect(status.lastError).toMatchObject({ code: 'ssh-refused', messageId: 'ssh.refused', deviceId: 'dev-1' });
        expect(status.nextRetryAtMs).toBeGreaterThanOrEqual(at);
      }
    }
  });

  it('calls a reachable device that gives no measurement "no-data", with the reason, never "online"', async () => {
    // This machine, a real pmc (or none: then pmc-missing), and no ptp4l at that path.
    const spec = sshSpec({ transport: 'local', host: null, user: null, auth: null, udsPath: '/run/syncscope-test-nowhere/ptp4l' });
    const seen: DeviceStatus[] = [];
    collector = new DeviceCollector(spec, createTransport(spec, { onNewHostKey: () => undefined }), { sample: () => undefined, readings: () => undefined, events: () => undefined, status: (s) => seen.push(s), pollDone: () => undefined });
    await until(() => seen.some((s) => s.connection === 'no-data'));
    const st = seen.find((s) => s.connection === 'no-data')!;
    expect(['pmc.no-socket', 'pmc.missing']).toContain(st.lastError?.messageId);
    expect(st.lastError?.deviceId).toBe('dev-1');
    expect(st.nextRetryAtMs).not.toBeNull();
    expect(seen.map((s) => s.connection)).not.toContain('online');
  });

  it('publishes nothing after stop', async () => {
    const spec = sshSpec({ sshPort: await freePort() });
    let after = 0;
    let stopped = false;
    collector = new DeviceCollector(spec, createTransport(spec, { onNewHostKey: () => undefined }), { sample: () => undefined, readings: () => undefined, events: () => undefined, status: () => (stopped ? after++ : 0), pollDone: () => (stopped ? after++ : 0) }, { retryBaseMs: 10 });
    await collector.stop();
    stopped = true;
    await new Promise((r) => setTimeout(r, 100));
    expect(after).toBe(0);
  });
});

describe('backoff', () => {
  it('doubles from 1 s and stops at 30 s, without jitter at the midpoint', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 100].map((n) => backoffMs(n, () => 0.5))).toEqual([0, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('spreads retries by ±20 %', () => {
    expect(backoffMs(3, () => 0)).toBe(3200);
    expect(backoffMs(3, () => 0.999999)).toBe(4800);
    const draws = Array.from({ length: 200 }, () => backoffMs(1));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(800);
    expect(Math.max(...draws)).toBeLessThanOrEqual(1200);
    expect(new Set(draws).size).toBeGreaterThan(10);
  });
});

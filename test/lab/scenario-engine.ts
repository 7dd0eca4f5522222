import { readFileSync } from 'node:fs';
import type { DeviceView } from '../../shared/domain/device';
import type { DeviceEventKind } from '../../shared/series/device-event';
import type { MetricKey } from '../../shared/series/metric-catalog';
import type { Labels } from '../../shared/series/series';
import type { SeriesColumns, StoredEvent } from '../../shared/series/series-query';
import { waitFor, type TestServer } from '../support/engine-server';
import type { LabDevice } from './lab';

/**
 * What the scenario tests (test/lab/*-scenario.test.ts) do with a real engine: add a lab device as an
 * operator would (expected host key, every ptp4l instance with its config so pmc speaks the
 * instance's domain, optionally its log), and read back what the engine stored through the contract.
 */

export interface AddOptions {
  /** Follow each instance's ptp4l log (servo lines, summaries, state lines) beside pmc. */
  logs?: boolean;
  pollIntervalMs?: number;
}

export function addLabDevice(t: TestServer, d: LabDevice, opts: AddOptions = {}): Promise<DeviceView> {
  return t.client.call('devices.add', {
    transport: 'ssh',
    name: d.name,
    host: d.host,
    user: d.user,
    auth: { kind: 'privateKey', privateKey: readFileSync(d.privateKeyPath, 'utf8') },
    hostKeySha256: d.hostKeySha256,
    pollIntervalMs: opts.pollIntervalMs ?? 500,
    instances: d.instances.map((i) => ({ name: i.name, udsPath: i.udsPath, configPath: i.ptp4lConfig, ...(opts.logs ? { log: { kind: 'file' as const, path: i.ptp4lLog } } : {}) })),
  });
}

export async function eventsOf(t: TestServer, deviceId: string, opts: { sinceMs?: number; kinds?: DeviceEventKind[] } = {}): Promise<StoredEvent[]> {
  return t.client.call('events.query', { deviceId, ...opts, limit: 10_000 });
}

/** Every stored point of one series since `fromMs` (no downsampling); empty when the series does not exist yet. */
export async function pointsOf(t: TestServer, deviceId: string, instance: string, metric: MetricKey, fromMs: number, labels: Labels = {}): Promise<SeriesColumns> {
  const [cols] = await t.client.call('series.query', { keys: [{ deviceId, instance, metric, labels }], fromMs, toMs: Date.now() + 1000, maxPoints: 100_000 });
  return cols ?? { id: 0, tUs: [], value: [], flags: [], downsampled: false };
}

export async function connectionOf(t: TestServer, deviceId: string): Promise<string | undefined> {
  return (await t.client.call('devices.status')).find((s) => s.deviceId === deviceId)?.connection;
}

export function waitOnline(t: TestServer, device: DeviceView, timeoutMs = 30_000): Promise<true> {
  return waitFor(`${device.name} to be online`, async () => (await connectionOf(t, device.id)) === 'online', timeoutMs, 200);
}

/** The pid a lab daemon wrote (`ptp4l`, `ptp4l-eth1`, `sshd` …) under the device's state folder. */
export function labPid(stateDir: string, device: string, daemon: string): number {
  return Number(readFileSync(`${stateDir}/${device}/${daemon}.pid`, 'utf8').trim());
}

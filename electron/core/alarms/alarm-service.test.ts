import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlarmRuleInput } from '../../../shared/alarms/rule-schema';
import { dispatch } from '../../../shared/contract/dispatch';
import type { EventMessage } from '../../../shared/contract/events';
import type { MethodName, ParamsIn, Result } from '../../../shared/contract/methods';
import type { DeviceView } from '../../../shared/domain/device';
import type { Reading } from '../../../shared/series/series';
import { waitFor } from '../../../test/support/engine-server';
import { Engine } from '../engine';
import { createLogger } from '../log';

const actor = { origin: 'test' as const };

async function call<M extends MethodName>(engine: Engine, method: M, params: ParamsIn<M>): Promise<Result<M>> {
  const r = await dispatch(engine.handlers, { method, params }, actor);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as Result<M>;
}

const OFFSET: AlarmRuleInput = { id: 'offset', name: 'Offset beyond 1 µs', severity: 'critical', kind: 'threshold', metric: 'ptp.offset_from_master', op: '>', abs: true, value: 1000, clearAt: 500, groupWaitMs: 300 };

function offsetReading(deviceId: string, value: number, tMs = Date.now()): Reading {
  return { deviceId, instance: 'ptp4l', tUs: tMs * 1000, deviceTimeNs: null, values: [{ metric: 'ptp.offset_from_master', value, flags: 0 }] };
}

/** A webhook receiver on 127.0.0.1 that answers 500 to its first `failures` POSTs (an outage), then 200. */
async function receiver(failures: number): Promise<{ url: string; bodies: { syncscopeNotificationId: string; status: string; alerts: { labels: Record<string, string> }[] }[]; posts: number; close(): Promise<void> }> {
  const state = { bodies: [] as never[], posts: 0 };
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      state.posts++;
      if (state.posts <= failures) return void res.writeHead(500).end('down for maintenance');
      state.bodies.push(JSON.parse(text) as never);
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    get bodies() {
      return state.bodies;
    },
    get posts() {
      return state.posts;
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

describe('the alarm service of a collecting engine', () => {
  let dir: string;
  let engine: Engine;
  let devices: DeviceView[];
  const events: EventMessage[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-alarms-'));
    // A collecting engine that is never started: nothing is polled; readings come through its own stream as collection emits them.
    engine = new Engine({ dataDir: dir, processMetrics: false, log: createLogger({ level: 'silent' }) });
    devices = ['s1', 's2'].map((name) => engine.devices.add({ transport: 'local', name }));
    events.length = 0;
    engine.subscribe((m) => events.push(m));
  });
  afterEach(async () => {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts with the default rules, and exports, imports and resets them as a versioned file', async () => {
    const { rules, warnings } = await call(engine, 'alarms.rules.list', {});
    expect(rules.map((r) => r.id)).toContain('offset-out-of-band');
    expect(warnings).toEqual([]);
    const file = await call(engine, 'alarms.rules.export', {});
    expect(file).toMatchObject({ format: 'syncscope-alarm-rules', version: 1 });
    expect(await call(engine, 'alarms.rules.import', { file: { format: 'syncscope-alarm-rules', version: 1, rules: [OFFSET] }, mode: 'replace' })).toEqual({ imported: 1, total: 1 });
    const bad = await dispatch(engine.handlers, { method: 'alarms.rules.import', params: { file: { format: 'syncscope-alarm-rules', version: 1, rules: [{ ...OFFSET, clearAt: 2000 }] } } }, actor);
    expect(bad).toMatchObject({ ok: false, error: { messageId: 'alarms.rule-file-invalid' } });
    expect((await call(engine, 'alarms.rules.reset', {})).total).toBe(file.rules.length);
    expect((await call(engine, 'alarms.rules.prometheus', {})).yaml).toContain('SyncscopeOffsetOutOfBand');
  });

  it('fires, is acknowledged (also by a CLI on the data folder), resolves, and keeps every transition and a chart event', async () => {
    await call(engine, 'alarms.rules.import', { file: { format: 'syncscope-alarm-rules', version: 1, rules: [OFFSET] }, mode: 'replace' });
    engine.alarms.service?.start();
    const [s1, s2] = devices as [DeviceView, DeviceView];
    engine.emit({ event: 'series.readings', payload: { deviceId: s1.id, readings: [offsetReading(s1.id, 2500)] } });
    engine.emit({ event: 'series.readings', payload: { deviceId: s2.id, readings: [offsetReading(s2.id, -3000)] } });
    const firing = await waitFor('both alarms to fire', async () => {
      const active = await call(engine, 'alarms.active', {});
      return active.length === 2 && active.every((a) => a.state === 'firing') ? active : null;
    });
    const a1 = firing.find((a) => a.deviceId === s1.id)!;
    expect(a1.summary).toBe('|ptp.offset_from_master| 2.500 µs > 1.000 µs on s1/ptp4l');
    expect(await call(engine, 'alarms.ack', { id: a1.id, comment: 'swapping the cable', operator: 'ana' })).toMatchObject({ state: 'acknowledged', ack: { by: 'ana', comment: 'swapping the cable' } });
    // A CLI on the same folder writes its acknowledgement; the collecting engine applies it within a tick.
    const cli = new Engine({ dataDir: dir, collect: false, processMetrics: false, log: createLogger({ level: 'silent' }) });
    const a2 = firing.find((a) => a.deviceId === s2.id)!;
    const r = await dispatch(cli.handlers, { method: 'alarms.ack', params: { id: a2.id, comment: 'known', operator: 'bo' } }, { origin: 'cli' });
    expect(r).toMatchObject({ ok: true, value: { state: 'acknowledged' } });
    await cli.close();
    await waitFor('the CLI acknowledgement to apply', async () => (await call(engine, 'alarms.active', {})).find((a) => a.id === a2.id)?.ack?.by === 'bo');
    // The band (700 ns) holds it; below 500 ns it resolves.
    engine.emit({ event: 'series.readings', payload: { deviceId: s1.id, readings: [offsetReading(s1.id, 700)] } });
    await new Promise((ok) => setTimeout(ok, 100));
    expect((await call(engine, 'alarms.active', {})).find((a) => a.id === a1.id)?.state).toBe('acknowledged');
    engine.emit({ event: 'series.readings', payload: { deviceId: s1.id, readings: [offsetReading(s1.id, 40)] } });
    await waitFor('s1 to resolve', async () => !(await call(engine, 'alarms.active', {})).some((a) => a.id === a1.id));
    const { alarm, transitions } = await call(engine, 'alarms.history', { id: a1.id });
    expect(alarm.state).toBe('resolved');
    expect(transitions.map((t) => [t.from, t.to])).toEqual([[null, 'firing'], ['firing', 'acknowledged'], ['acknowledged', 'resolved']]);
    const charted = await call(engine, 'events.query', { deviceId: s1.id, kinds: ['alarm'] });
    expect(charted.map((e) => e.to)).toEqual(['firing', 'acknowledged', 'resolved']);
    expect((await call(engine, 'alarms.list', { states: ['resolved'], limit: 10 })).map((a) => a.id)).toEqual([a1.id]);
    expect(events.some((m) => m.event === 'alarms.notification' && m.payload.status === 'firing')).toBe(true);
    expect(await engine.metrics.registry.getSingleMetricAsString('syncscope_alarms_firing')).toContain('syncscope_alarms_firing{severity="critical"} 1');
  });

  it('delivers each notification to a webhook exactly once across a receiver outage, and says what failed meanwhile', async () => {
    const hook = await receiver(2);
    try {
      await call(engine, 'alarms.rules.import', { file: { format: 'syncscope-alarm-rules', version: 1, rules: [OFFSET] }, mode: 'replace' });
      await call(engine, 'alarms.webhooks.save', { webhook: { id: 'ops', url: hook.url, timeoutMs: 2000 } });
      engine.alarms.service?.start();
      const [s1, s2] = devices as [DeviceView, DeviceView];
      engine.emit({ event: 'series.readings', payload: { deviceId: s1.id, readings: [offsetReading(s1.id, 5000)] } });
      engine.emit({ event: 'series.readings', payload: { deviceId: s2.id, readings: [offsetReading(s2.id, 5000)] } });
      await waitFor('both to fire', async () => (await call(engine, 'alarms.active', {})).length === 2);
      for (const d of [s1, s2]) engine.emit({ event: 'series.readings', payload: { deviceId: d.id, readings: [offsetReading(d.id, 0)] } });
      await waitFor('firing and recovery notices delivered', () => hook.bodies.length >= 2, 15_000);
      await new Promise((ok) => setTimeout(ok, 1500));
      expect(hook.bodies.map((b) => b.status)).toEqual(['firing', 'resolved']);
      expect(new Set(hook.bodies.map((b) => b.syncscopeNotificationId)).size).toBe(2);
      // One grouped notice for both devices.
      expect(hook.bodies[0]!.alerts.map((a) => a.labels.device).sort()).toEqual(['s1', 's2']);
      expect(hook.posts).toBe(4);
      const [status] = await call(engine, 'alarms.webhooks.status', {});
      expect(status).toMatchObject({ id: 'ops', pending: 0, delivered: 2, failedAttempts: 2, lastError: 'HTTP 500 Internal Server Error' });
      const metrics = await engine.metrics.registry.getSingleMetricAsString('syncscope_alarm_webhook_attempts_total');
      expect(metrics).toContain('syncscope_alarm_webhook_attempts_total{receiver="ops",outcome="failed"} 2');
      expect(metrics).toContain('syncscope_alarm_webhook_attempts_total{receiver="ops",outcome="delivered"} 2');
    } finally {
      await hook.close();
    }
  }, 20_000);

  it('previews what a rule would have fired on over the stored last hour', async () => {
    const [s1] = devices as [DeviceView];
    const now = Date.now();
    const readings = Array.from({ length: 600 }, (_, i) => offsetReading(s1.id, i >= 200 && i < 260 ? 4000 : 20, now - 50 * 60_000 + i * 1000));
    engine.series.appendReadings(readings);
    const { hits, points, devices: n } = await call(engine, 'alarms.rules.preview', { rule: { ...OFFSET, forMs: 5000, clearForMs: 10_000 }, minutes: 60 });
    expect(n).toBe(2);
    expect(points).toBe(600);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ deviceName: 's1', firedAtMs: now - 50 * 60_000 + 205_000, resolvedAtMs: now - 50 * 60_000 + 270_000 });
  });
});

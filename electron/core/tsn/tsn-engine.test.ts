import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/contract/dispatch';
import type { TsnStateView } from '../../../shared/contract/methods-tsn';
import type { EventMessage } from '../../../shared/contract/events';
import { Engine } from '../engine';
import { createLogger } from '../log';

const actor = { origin: 'test' as const };

/** A real collecting engine with this machine as its device (no ptp4l here: PTP says no-data, TSN and system statistics still flow). */
describe('tsn.state and the system series of a local device', { timeout: 60_000 }, () => {
  let dir: string;
  let engine: Engine;
  let deviceId: string;
  const events: EventMessage[] = [];
  const call = async (method: string, params: unknown) => {
    const r = await dispatch(engine.handlers, { method, params }, actor);
    return r;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-tsn-engine-'));
    engine = new Engine({ dataDir: dir, processMetrics: false, log: createLogger({ level: 'silent' }) });
    engine.subscribe((m) => events.push(m));
    deviceId = engine.devices.add({ transport: 'local', name: 'here', udsPath: '/run/syncscope-test-nowhere/ptp4l', tsnInterfaces: ['lo'] }).id;
    await engine.start();
  });
  afterAll(async () => {
    await engine?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the latest per-interface and system view, and stores system series', async () => {
    let state: TsnStateView | null = null;
    for (let i = 0; i < 100 && !state?.system; i++) {
      const r = await call('tsn.state', { deviceId });
      if (!r.ok) throw new Error(r.error.message);
      state = r.value as TsnStateView;
      if (!state.system) await new Promise((res) => setTimeout(res, 100));
    }
    expect(state?.interfaces.map((i) => [i.interface, i.reasons])).toEqual([['lo', ['profile']]]);
    expect(state?.interfaces[0]?.qdiscs[0]).toMatchObject({ kind: 'noqueue', handle: '0:', root: true });
    expect(state?.system?.memTotalBytes).toBeGreaterThan(0);
    const batches = events.flatMap((m) => (m.event === 'series.readings' ? m.payload.readings : []));
    expect(batches.some((r) => r.instance === 'system' && r.values.some((v) => v.metric === 'system.mem_total'))).toBe(true);
    expect(batches.some((r) => r.instance === 'tsn' && r.values.some((v) => v.metric === 'tsn.qdisc.packets' && v.labels?.interface === 'lo'))).toBe(true);
  });

  it('says a device does not exist, and refuses a hostile interface in a profile edit', async () => {
    const missing = await call('tsn.state', { deviceId: 'no-such-device' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('not-found');
    const hostile = await call('devices.update', { id: deviceId, patch: { tsnInterfaces: ['lo; reboot'] } });
    expect(hostile.ok).toBe(false);
    if (!hostile.ok) expect(hostile.error).toMatchObject({ code: 'invalid-input', field: 'patch.tsnInterfaces.0' });
  });
});

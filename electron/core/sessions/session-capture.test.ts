import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeviceInput } from '../../../shared/domain/device';
import type { CaptureProgress } from '../../../shared/sessions/capture-progress';
import type { ImportProgress } from '../../../shared/sessions/import-progress';
import { SESSION_APPLICATION_ID, SESSION_FORMAT_VERSION } from '../../../shared/sessions/session-meta';
import { POINT_FLAGS, type Reading } from '../../../shared/series/series';
import { openStore, type Store } from '../store/open-store';
import { CAPTURE_SLICE_MS } from './session-capture';
import { sessionPath } from './session-files';
import { SessionService } from './session-service';

const PASSWORD = 'pw-that-must-not-travel-7f3a';
const KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nkey-that-must-not-travel-91c2\n-----END OPENSSH PRIVATE KEY-----\n';
const T0_MS = 1_790_000_000_000;

describe('capturing a window of the live history into a session file', () => {
  let dir: string;
  let store: Store;
  let sessions: SessionService;
  let changed = 0;
  const progress: ImportProgress[] = [];
  const captureProgress: CaptureProgress[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-sessions-'));
    store = openStore(dir);
    changed = 0;
    sessions = new SessionService({
      dataDir: dir,
      engineVersion: '9.9.9-test',
      live: store.series,
      device: (id) => store.devices.get(id),
      emitProgress: (p) => progress.push(p),
      emitCaptureProgress: (p) => captureProgress.push(p),
      changed: () => changed++,
      sampleFile: join(dir, 'no-sample'),
    });
  });
  afterEach(async () => {
    await sessions.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Two devices, one with a password and a jump host with a key; 8 Hz of offsets over 25 minutes (three capture slices) and some events. */
  function seed() {
    const a = store.devices.add(DeviceInput.parse({ transport: 'ssh', name: 'gm-1', host: '192.0.2.10', user: 'root', auth: { kind: 'password', password: PASSWORD } }));
    const b = store.devices.add(
      DeviceInput.parse({ transport: 'ssh', name: 'bc-1', host: '192.0.2.20', user: 'ptp', auth: { kind: 'privateKey', privateKey: KEY }, jump: { host: 'bastion', user: 'ops', auth: { kind: 'password', password: PASSWORD } } }),
    );
    const readings: Reading[] = [];
    for (let i = 0; i < 25 * 60 * 8; i++) {
      const tUs = (T0_MS + i * 125) * 1000;
      readings.push({ deviceId: a.id, instance: 'ptp4l', tUs, deviceTimeNs: null, values: [{ metric: 'ptp.offset_from_master', value: (i % 17) - 8 }, { metric: 'ptp.mean_path_delay', value: 1000 + (i % 5) }] });
      if (i % 8 === 0) readings.push({ deviceId: b.id, instance: 'eth1', tUs, deviceTimeNs: null, values: [{ metric: 'ptp.offset_from_master', value: i === 800 ? null : i, flags: i === 800 ? POINT_FLAGS.stale : 0 }] });
    }
    store.series.appendReadings(readings);
    store.series.appendEvents([
      { deviceId: a.id, instance: 'ptp4l', kind: 'port-state', from: 'LISTENING', to: 'SLAVE', detail: { port: 1 }, tMs: T0_MS + 60_000 },
      { deviceId: b.id, instance: null, kind: 'connection', from: 'online', to: 'offline', detail: { reason: 'test' }, tMs: T0_MS + 20 * 60_000 },
      { deviceId: a.id, instance: 'ptp4l', kind: 'gm-change', from: null, to: 'x', detail: {}, tMs: T0_MS + 40 * 60_000 },
    ]);
    store.series.flush();
    return { a, b };
  }

  it('copies the devices\' points, flags and events of the window (across slices) into a portable, versioned file', async () => {
    const { a, b } = seed();
    const fromMs = T0_MS + 30_000;
    const toMs = T0_MS + 2 * CAPTURE_SLICE_MS + 90_000;
    captureProgress.length = 0;
    const s = await sessions.capture({ captureId: 'capture-0001', name: 'night run', deviceIds: [a.id, b.id], fromMs, toMs, notes: 'GM swap at 01:00' });
    expect(captureProgress.at(-1)).toMatchObject({ captureId: 'capture-0001', sessionId: s.id, state: 'done', devicesDone: 2, devices: 2, reachedMs: toMs, error: null });
    expect(captureProgress.at(-1)?.points).toBeGreaterThan(2 * (CAPTURE_SLICE_MS / 125));
    expect(s).toMatchObject({ name: 'night run', notes: 'GM swap at 01:00', source: 'capture', fromMs, toMs, engineVersion: '9.9.9-test', timeBase: 'wall', offline: true, appendable: false, formatVersion: SESSION_FORMAT_VERSION });
    expect(s.devices.map((d) => d.name).sort()).toEqual(['bc-1', 'gm-1']);
    expect(changed).toBeGreaterThan(0);

    const live = store.series.queryRange({ keys: [{ deviceId: a.id, instance: 'ptp4l', metric: 'ptp.offset_from_master', labels: {} }], fromUs: fromMs * 1000, toUs: toMs * 1000 + 999 })[0]!;
    const r = sessions.reader(s.id);
    const copied = r.store.queryRange({ keys: [{ deviceId: a.id, instance: 'ptp4l', metric: 'ptp.offset_from_master', labels: {} }], fromUs: 0, toUs: Number.MAX_SAFE_INTEGER })[0]!;
    expect(copied.tUs.length).toBeGreaterThan(2 * CAPTURE_SLICE_MS / 125);
    expect(copied.tUs).toEqual(live.tUs);
    expect(copied.value).toEqual(live.value);
    const gap = r.store.queryRange({ keys: [{ deviceId: b.id, instance: 'eth1', metric: 'ptp.offset_from_master', labels: {} }], fromUs: 0, toUs: Number.MAX_SAFE_INTEGER })[0]!;
    const at = gap.tUs.indexOf((T0_MS + 800 * 125) * 1000);
    expect([gap.value[at], gap.flags[at]]).toEqual([null, POINT_FLAGS.stale]);
    // Events inside the window only.
    expect(r.store.queryEvents({ deviceId: a.id, limit: 100 }).map((e) => e.kind)).toEqual(['port-state']);
    expect(r.store.queryEvents({ deviceId: b.id, limit: 100 }).map((e) => e.kind)).toEqual(['connection']);

    const raw = new Database(sessionPath(dir, s.id), { readonly: true });
    expect(raw.pragma('application_id', { simple: true })).toBe(SESSION_APPLICATION_ID);
    expect(raw.pragma('user_version', { simple: true })).toBe(SESSION_FORMAT_VERSION);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('delete');
    raw.close();
    expect(readdirSync(join(dir, 'sessions'))).toEqual([`${s.id}.session.sqlite`]);
  });

  it('keeps no secret: no password, key or sealed blob in the file, and the device rows\' secret columns are empty', async () => {
    const { a, b } = seed();
    const live = new Database(join(dir, 'syncscope.db'), { readonly: true });
    const sealed = live.prepare('SELECT secret FROM devices WHERE secret IS NOT NULL').pluck().all() as Buffer[];
    live.close();
    expect(sealed.length).toBe(2);
    const s = await sessions.capture({ name: 'secrets', deviceIds: [a.id, b.id], fromMs: T0_MS, toMs: T0_MS + 60_000, notes: '' });
    const bytes = readFileSync(sessionPath(dir, s.id));
    for (const needle of [PASSWORD, 'key-that-must-not-travel-91c2', 'OPENSSH PRIVATE KEY']) expect(bytes.includes(Buffer.from(needle)), needle).toBe(false);
    for (const blob of sealed) expect(bytes.includes(blob.subarray(0, 32))).toBe(false);
    const raw = new Database(sessionPath(dir, s.id), { readonly: true });
    expect(raw.prepare("SELECT COUNT(*) FROM devices WHERE secret IS NOT NULL OR auth_kind IS NOT NULL").pluck().get()).toBe(0);
    const sessionColumns = (raw.prepare("SELECT name FROM pragma_table_info('session')").pluck().all() as string[]).join(' ');
    expect(sessionColumns).not.toMatch(/secret|password|key/i);
    raw.close();
    // The profile travels without its secrets: which login kind, never the login itself.
    expect(s.devices.find((d) => d.name === 'gm-1')?.profile).toMatchObject({ host: '192.0.2.10', authKind: 'password' });
    expect(JSON.stringify(s.devices)).not.toContain(PASSWORD);
  });

  it('lists sessions newest first, refuses a second capture of the same name, and deletes a session with its file', async () => {
    const { a } = seed();
    const one = await sessions.capture({ name: 'one', deviceIds: [a.id], fromMs: T0_MS, toMs: T0_MS + 1000, notes: '' });
    const two = await sessions.capture({ name: 'two', deviceIds: [a.id], fromMs: T0_MS, toMs: T0_MS + 1000, notes: '' });
    expect(sessions.list().map((s) => s.name)).toEqual(['two', 'one']);
    await expect(sessions.capture({ name: 'ONE', deviceIds: [a.id], fromMs: T0_MS, toMs: T0_MS + 1000, notes: '' })).rejects.toMatchObject({ value: { messageId: 'session.name-taken' } });
    await expect(sessions.capture({ name: 'bad', deviceIds: [a.id], fromMs: T0_MS + 5, toMs: T0_MS, notes: '' })).rejects.toMatchObject({ value: { messageId: 'session.bad-window' } });
    sessions.reader(one.id);
    sessions.delete(one.id);
    expect(sessions.list().map((s) => s.id)).toEqual([two.id]);
    expect(() => sessions.get(one.id)).toThrow(/No session/);
    expect(progress).toEqual([]);
  });
});

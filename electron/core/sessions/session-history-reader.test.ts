import { describe, expect, it } from 'vitest';
import { useTempEngine } from '../../../test/support/temp-engine';

const T0_MS = 1_790_000_000_000;

describe("a session as the engine's HistoryReader (export, reports, timing analysis)", () => {
  const t = useTempEngine('syncscope-session-history-');

  it('finds a captured session by id or name and answers from its file, with its devices and window', async () => {
    const engine = t.engine();
    const d = engine.devices.add({ transport: 'local', name: 'gm-1', pollIntervalMs: 1000 });
    engine.series.appendReadings(Array.from({ length: 600 }, (_, i) => ({ deviceId: d.id, instance: 'ptp4l', tUs: (T0_MS + i * 125) * 1000, deviceTimeNs: null, values: [{ metric: 'ptp.offset_from_master' as const, value: i % 40 }] })));
    engine.series.flush();
    const s = await engine.handlers['sessions.capture']({ name: 'for the report', deviceIds: [d.id], fromMs: T0_MS, toMs: T0_MS + 30_000, notes: '' }, { origin: 'cli' });
    // The live device goes; the session keeps its history.
    await engine.handlers['devices.remove']({ id: d.id }, { origin: 'cli' });
    for (const ref of [s.id, 'FOR THE REPORT']) {
      const h = engine.historyReader(ref);
      expect(h.source).toEqual({ kind: 'session', id: s.id, name: 'for the report' });
      expect(h.devices()).toEqual([{ id: d.id, name: 'gm-1' }]);
      expect(h.span()).toEqual({ fromMs: T0_MS, toMs: T0_MS + 30_000 });
      const [series] = h.listSeries(d.id);
      const [col] = h.queryRange({ seriesIds: [series!.id], fromUs: T0_MS * 1000, toUs: (T0_MS + 30_000) * 1000 });
      expect(col?.tUs.length).toBe(241);
    }
    const devices = await engine.handlers['history.devices']({ sessionId: 'for the report' }, { origin: 'cli' });
    expect(devices).toMatchObject({ source: { kind: 'session', name: 'for the report' }, devices: [{ name: 'gm-1' }] });
    expect(() => engine.historyReader('no such thing')).toThrow(/No session "no such thing"/);
  });
});

describe('files on the engine machine', () => {
  const t = useTempEngine('syncscope-session-actor-');

  it('are imported or opened only from that machine: IPC, the CLI, loopback sockets; never a console elsewhere', async () => {
    const engine = t.engine();
    const params = { session: 'x', paths: ['/etc/shadow'] };
    for (const address of ['10.231.57.11', '192.0.2.7', '::ffff:10.0.0.1', 'fe80::1']) {
      await expect(Promise.resolve().then(() => engine.handlers['sessions.import'](params, { origin: 'socket', address }))).rejects.toMatchObject({ value: { messageId: 'session.paths-local-only' } });
      await expect(Promise.resolve().then(() => engine.handlers['sessions.openFile']({ path: '/etc/hostname' }, { origin: 'socket', address }))).rejects.toMatchObject({ value: { messageId: 'session.paths-local-only' } });
    }
    // From here it goes on to the file itself (which is not a readable log for this test's purpose).
    for (const actor of [{ origin: 'socket' as const, address: '127.0.0.1' }, { origin: 'socket' as const, address: '::1' }, { origin: 'ipc' as const }, { origin: 'cli' as const }]) {
      await expect(Promise.resolve().then(() => engine.handlers['sessions.openFile']({ path: '/nonexistent/x.session.sqlite' }, actor))).rejects.toMatchObject({ value: { messageId: 'session.file-missing' } });
    }
  });
});

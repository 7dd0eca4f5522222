import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../shared/sessions/import-progress';
import { openStore, type Store } from '../store/open-store';
import { deviceNameOfFile } from './log-import';
import { sessionPath } from './session-files';
import { SessionService } from './session-service';

const FIXTURES = join(__dirname, '..', '..', '..', 'shared', 'ptp', 'log', 'fixtures');
const SLAVE = readFileSync(join(FIXTURES, 'linuxptp-3.1.1-lab-slave-stdout.txt'), 'utf8');
const GM = readFileSync(join(FIXTURES, 'linuxptp-3.1.1-lab-gm-stdout.txt'), 'utf8');

describe('importing raw logs into a session', () => {
  let dir: string;
  let store: Store;
  let sessions: SessionService;
  let progress: ImportProgress[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-import-'));
    store = openStore(join(dir, 'data'));
    progress = [];
    sessions = new SessionService({ dataDir: join(dir, 'data'), engineVersion: 'test', live: store.series, device: (id) => store.devices.get(id), emitProgress: (p) => progress.push(p), changed: () => undefined, sampleFile: join(dir, 'none') });
  });
  afterEach(async () => {
    await sessions.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function file(name: string, text: string): string {
    const f = join(dir, name);
    writeFileSync(f, text);
    return f;
  }

  const ended = () =>
    new Promise<ImportProgress>((resolve) => {
      const t = setInterval(() => {
        const last = progress.at(-1);
        if (last && last.state !== 'running') {
          clearInterval(t);
          resolve(last);
        }
      }, 5);
    });

  it('imports real lab captures into a new session, then appends a syslog file of another host to it', async () => {
    const slave = file('ss-s1.log', SLAVE);
    const gm = file('ss-gm.log', GM);
    const { sessionId } = sessions.startImport({ session: 'lab logs', paths: [slave, gm] });
    const end = await ended();
    expect(end).toMatchObject({ state: 'done', sessionId, files: 2, bytesDone: SLAVE.length + GM.length, bytesTotal: SLAVE.length + GM.length, unparsed: 0, error: null });
    expect(end.lines).toBe(SLAVE.trimEnd().split('\n').length + GM.trimEnd().split('\n').length);
    const s = sessions.get(sessionId);
    expect(s).toMatchObject({ source: 'import', appendable: true, timeBase: 'relative', devices: [{ id: 'log-ss-s1', name: 'ss-s1', profile: null }, { id: 'log-ss-gm', name: 'ss-gm', profile: null }] });
    expect(s.files.map((f) => [f.file, f.timeBase])).toEqual([['ss-s1.log', 'relative'], ['ss-gm.log', 'relative']]);
    const r = sessions.reader(sessionId);
    const series = r.store.listSeries('log-ss-s1').map((x) => x.metric);
    expect(series).toEqual(expect.arrayContaining(['ptp.servo_offset', 'ptp.freq', 'ptp.servo_path_delay']));
    expect(r.store.queryEvents({ deviceId: 'log-ss-s1', limit: 100 }).some((e) => e.kind === 'port-state' && e.to === 'UNCALIBRATED')).toBe(true);
    // Relative times sit in 1970: a session applies no retention, so a chart that fits is answered
    // from the raw points.
    const [offsets] = r.store.queryRange({ keys: [{ deviceId: 'log-ss-s1', instance: 'ptp4l', metric: 'ptp.servo_offset', labels: {} }], fromUs: 0, toUs: 86_400e6, maxPoints: 100_000 });
    expect(offsets?.tier).toBe('raw');
    expect(offsets?.value.filter((v) => v !== null).length).toBeGreaterThan(10);

    // Appending: a syslog capture of another host, plus a line no parser reads.
    progress = [];
    const syslog = file('messages', 'Dec  7 10:00:00 ss-s2 ptp4l[9]: [700.125] master offset -40 s2 freq +12 path delay 21000\nDec  7 10:00:01 ss-s2 kernel: eth0: link up\n');
    sessions.startImport({ session: 'LAB LOGS', paths: [syslog], year: 2026, utcOffsetMinutes: 60 });
    expect(await ended()).toMatchObject({ state: 'done', sessionId, lines: 2, parsed: 1, unparsed: 1 });
    const after = sessions.get(sessionId);
    expect(after.devices.map((d) => d.name)).toEqual(['ss-s1', 'ss-gm', 'ss-s2']);
    expect(after.timeBase).toBe('relative');
    expect(after.files.at(-1)).toMatchObject({ file: 'messages', timeBase: 'wall', unparsed: 1 });
    const [col] = sessions.reader(sessionId).store.queryRange({ keys: [{ deviceId: 'log-ss-s2', instance: 'ptp4l', metric: 'ptp.servo_offset', labels: {} }], fromUs: 0, toUs: Number.MAX_SAFE_INTEGER });
    // 10:00:00 at UTC+1 is 09:00:00Z.
    expect(col?.tUs.map((t) => new Date(t / 1000).toISOString())).toEqual(['2026-12-07T09:00:00.000Z']);
    const raw = new Database(sessionPath(join(dir, 'data'), sessionId), { readonly: true });
    expect(raw.prepare('SELECT file, line_no AS lineNo, text FROM session_unparsed').all()).toEqual([{ file: 'messages', lineNo: 2, text: 'Dec  7 10:00:01 ss-s2 kernel: eth0: link up' }]);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('delete');
    raw.close();
  });

  it('is cancellable: stops between chunks, keeps what it read, and says cancelled', async () => {
    const big = file('big.log', SLAVE.repeat(4000));
    const { importId, sessionId } = sessions.startImport({ session: 'big', paths: [big] });
    sessions.cancelImport(importId);
    const end = await ended();
    expect(end.state).toBe('cancelled');
    expect(end.bytesDone).toBeLessThan(end.bytesTotal);
    expect(sessions.get(sessionId).files[0]?.bytes).toBe(end.bytesDone);
    expect(() => sessions.cancelImport(importId)).toThrow(/No import/);
  });

  it('stops with the engine: close() waits for a running import to end, which keeps what it read in a finished file', async () => {
    const { sessionId } = sessions.startImport({ session: 'interrupted', paths: [file('long.log', SLAVE.repeat(4000))] });
    await sessions.close();
    expect(progress.at(-1)).toMatchObject({ state: 'cancelled', sessionId });
    const reopened = new SessionService({ dataDir: join(dir, 'data'), engineVersion: 'test', live: store.series, device: (id) => store.devices.get(id), emitProgress: () => undefined, changed: () => undefined, sampleFile: '' });
    expect(reopened.get(sessionId).files[0]?.lines).toBe(progress.at(-1)?.lines);
    await reopened.close();
    expect(() => sessions.startImport({ session: 'after', paths: [file('b.log', SLAVE)] })).toThrow(/engine is stopping/);
  });

  it('refuses a missing file before creating anything, and never appends to a capture', async () => {
    expect(() => sessions.startImport({ session: 'x', paths: [join(dir, 'missing.log')] })).toThrow(/cannot be read/);
    expect(sessions.list()).toEqual([]);
    const d = store.devices.add({ transport: 'local', name: 'here', pollIntervalMs: 1000 });
    await sessions.capture({ name: 'fixed', deviceIds: [d.id], fromMs: 0, toMs: 1000, notes: '' });
    expect(() => sessions.startImport({ session: 'fixed', paths: [file('a.log', SLAVE)] })).toThrow(/captured session/);
  });
});

describe('the device a plain log belongs to', () => {
  it('is the file name, or its folder when the file is named after the program or the log system', () => {
    expect(deviceNameOfFile('/logs/gm-1.log')).toBe('gm-1');
    expect(deviceNameOfFile('/run/syncscope-lab/ss-s1/ptp4l.log')).toBe('ss-s1');
    expect(deviceNameOfFile('/var/log/bc-7/messages.1')).toBe('bc-7');
    expect(deviceNameOfFile('/tmp/capture.txt')).toBe('capture');
  });
});

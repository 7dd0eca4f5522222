import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncscopeError } from '../../../shared/domain/errors';
import { SESSION_APPLICATION_ID, SESSION_FORMAT_VERSION, type SessionMeta } from '../../../shared/sessions/session-meta';
import { migrate } from '../store/migrate';
import { migrations } from '../store/migrations';
import { createSeriesStore, openStore } from '../store/open-store';
import { SESSION_TABLES_SQL, writeSessionMeta } from './session-tables';
import { createSessionFile, finishSessionFile, sessionPath } from './session-files';
import { SessionService } from './session-service';

const T0_MS = 1_790_000_000_000;
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A real finished session file: one device, a minute of 8 Hz offsets, one event. */
function makeSession(dataDir: string, id = 'a1b2c3d4-0000-4000-8000-000000000001'): string {
  const meta: SessionMeta = {
    id,
    name: 'from a colleague',
    notes: '',
    source: 'capture',
    devices: [{ id: 'dev-1', name: 'gm-1', profile: null }],
    fromMs: T0_MS,
    toMs: T0_MS + 60_000,
    createdAtMs: T0_MS,
    engineVersion: 'test',
    timeBase: 'wall',
    files: [],
  };
  const w = createSessionFile(dataDir, meta);
  const store = createSeriesStore(w.db);
  store.appendReadings(Array.from({ length: 480 }, (_, i) => ({ deviceId: 'dev-1', instance: 'ptp4l', tUs: (T0_MS + i * 125) * 1000, deviceTimeNs: null, values: [{ metric: 'ptp.offset_from_master' as const, value: i - 240 }] })));
  store.appendEvents([{ deviceId: 'dev-1', instance: 'ptp4l', kind: 'port-state', from: 'UNCALIBRATED', to: 'SLAVE', detail: {}, tMs: T0_MS + 1000 }]);
  store.close();
  finishSessionFile(w, meta);
  return sessionPath(dataDir, id);
}

describe('opening a session file offline', () => {
  let root: string;
  let good: string;
  let dataDir: string;
  let sessions: SessionService;
  const offered = (name: string) => join(root, 'offered', name);

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'syncscope-open-'));
    mkdirSync(join(root, 'offered'));
    good = makeSession(join(root, 'sender'));
    dataDir = join(root, 'receiver');
    const live = openStore(dataDir);
    sessions = new SessionService({ dataDir, engineVersion: 'test', live: live.series, device: (id) => live.devices.get(id), emitProgress: () => undefined, changed: () => undefined, sampleFile: join(root, 'none') });
    live.close();
  });
  afterAll(async () => {
    await sessions.close();
    rmSync(root, { recursive: true, force: true });
  });

  function offer(name: string, make: (file: string) => void): string {
    const file = offered(name);
    make(file);
    return file;
  }

  it('checks a colleague\'s file without changing a byte, copies it in, and reads it read-only with no device anywhere', () => {
    const file = offer('good.session.sqlite', (f) => copyFileSync(good, f));
    const before = sha256(file);
    const s = sessions.openFile(file);
    expect(sha256(file)).toBe(before);
    expect(readdirSync(join(root, 'offered')).sort()).toEqual(['good.session.sqlite']);
    expect(s).toMatchObject({ name: 'from a colleague', offline: true, formatVersion: SESSION_FORMAT_VERSION, devices: [{ id: 'dev-1', name: 'gm-1' }] });
    const r = sessions.reader(s.id);
    const [col] = r.store.queryRange({ keys: [{ deviceId: 'dev-1', instance: 'ptp4l', metric: 'ptp.offset_from_master', labels: {} }], fromUs: 0, toUs: Number.MAX_SAFE_INTEGER, maxPoints: 100 });
    expect(col?.downsampled).toBe(true);
    expect(Math.min(...(col?.value as number[]))).toBe(-240);
    expect(r.store.queryEvents({ deviceId: 'dev-1', limit: 10 }).map((e) => e.to)).toEqual(['SLAVE']);
    // Read-only three ways: the handle, query_only, and the store cannot write either.
    expect(r.db.readonly).toBe(true);
    expect(() => r.db.exec('DELETE FROM session')).toThrow(/readonly|query_only|read-only/i);
    const copy = sessionPath(dataDir, s.id);
    const copyHash = sha256(copy);
    sessions.reader(s.id).store.listSeries('dev-1');
    expect(sha256(copy)).toBe(copyHash);
    expect(existsSync(`${copy}-wal`) || existsSync(`${copy}-journal`)).toBe(false);
    // Offering the same session again gives the one already here.
    expect(sessions.openFile(file).id).toBe(s.id);
  });

  const refusals: [string, string, (file: string) => void][] = [
    ['a text file', 'session.not-sqlite', (f) => writeFileSync(f, 'ptp4l[5374.018]: master offset -12 s2 freq +3 path delay 400\n'.repeat(40))],
    ['an empty file', 'session.not-sqlite', (f) => writeFileSync(f, '')],
    ['random bytes', 'session.not-sqlite', (f) => writeFileSync(f, randomBytes(8192))],
    [
      'a random SQLite database',
      'session.foreign',
      (f) => {
        const db = new Database(f);
        db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
        db.close();
      },
    ],
    [
      "the engine's own syncscope.db",
      'session.foreign',
      (f) => {
        const s = openStore(join(f, '..', 'live-data'));
        s.close();
        copyFileSync(join(f, '..', 'live-data', 'syncscope.db'), f);
      },
    ],
    [
      'a session whose application_id was changed',
      'session.foreign',
      (f) => {
        const b = readFileSync(good);
        b.writeUInt32BE(0x12345678, 68);
        writeFileSync(f, b);
      },
    ],
    [
      'a session of a newer format',
      'session.newer-format',
      (f) => {
        const b = readFileSync(good);
        b.writeUInt32BE(SESSION_FORMAT_VERSION + 1, 60);
        writeFileSync(f, b);
      },
    ],
    [
      'a session of a newer store schema',
      'session.newer-format',
      (f) => {
        copyFileSync(good, f);
        const db = new Database(f);
        db.prepare('INSERT INTO schema_migrations (version, name, hash, applied_at_ms) VALUES (999, ?, ?, 0)').run('future', 'x');
        db.close();
      },
    ],
    ['a session cut short', 'session.truncated', (f) => writeFileSync(f, readFileSync(good).subarray(0, Math.floor(readFileSync(good).length * 0.6)))],
    ['the first 60 bytes of a session', 'session.not-sqlite', (f) => writeFileSync(f, readFileSync(good).subarray(0, 60))],
    [
      'a session with a damaged page',
      'session.corrupt',
      (f) => {
        const b = readFileSync(good);
        const pageSize = b.readUInt16BE(16);
        randomBytes(pageSize).copy(b, pageSize * 2);
        randomBytes(pageSize).copy(b, pageSize * 3);
        writeFileSync(f, b);
      },
    ],
    [
      'a session still being written (WAL)',
      'session.unfinished',
      (f) => {
        copyFileSync(good, f);
        const db = new Database(f);
        db.pragma('journal_mode = WAL');
        db.close();
      },
    ],
  ];

  it.each(refusals)('refuses %s with a clear error and leaves its bytes as they were', (_what, messageId, make) => {
    const file = offer(`offered-${messageId}-${Math.random().toString(36).slice(2)}`, make);
    const before = sha256(file);
    const listed = readdirSync(join(root, 'offered')).sort();
    let error: unknown;
    try {
      sessions.openFile(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(SyncscopeError);
    const value = (error as SyncscopeError).value;
    expect(value.messageId).toBe(messageId);
    expect(value.message).toContain(file);
    expect(value.hint).toBeTruthy();
    expect(sha256(file)).toBe(before);
    expect(readdirSync(join(root, 'offered')).sort()).toEqual(listed);
    expect(sessions.list().map((s) => s.name)).toEqual(['from a colleague']);
  });

  it('reads a session an older Syncscope wrote: the copy is brought to this store schema, the original is left as it was', () => {
    const file = offer('old.session.sqlite', (f) => {
      const db = new Database(f);
      migrate(db, migrations.slice(0, -1));
      db.pragma(`application_id = ${SESSION_APPLICATION_ID}`);
      db.pragma(`user_version = ${SESSION_FORMAT_VERSION}`);
      db.exec(SESSION_TABLES_SQL);
      writeSessionMeta(db, { id: 'old-0001', name: 'old one', notes: '', source: 'import', devices: [], fromMs: null, toMs: null, createdAtMs: 1, engineVersion: '0.0.1', timeBase: 'relative', files: [] });
      db.close();
    });
    const before = sha256(file);
    const s = sessions.openFile(file);
    expect(sha256(file)).toBe(before);
    expect(sessions.reader(s.id).store.listSeries('dev-1')).toEqual([]);
    const copy = new Database(sessionPath(dataDir, s.id), { readonly: true });
    expect(copy.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(migrations.length);
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    sessions.delete(s.id);
  });

  it('says so when the file is not there', () => {
    expect(() => sessions.openFile(join(root, 'nope.session.sqlite'))).toThrow(/does not exist/);
  });
});

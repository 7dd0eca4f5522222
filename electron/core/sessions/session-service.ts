import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import type { DeviceView } from '../../../shared/domain/device';
import { errorValueOf, SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import { sessionProfileOf } from '../../../shared/sessions/session-profile';
import type { CaptureProgress } from '../../../shared/sessions/capture-progress';
import type { ImportProgress, ImportRequest } from '../../../shared/sessions/import-progress';
import { SESSION_FILE_SUFFIX, type SessionMeta, type SessionSummary } from '../../../shared/sessions/session-meta';
import { KEEP_ALL } from '../../../shared/history/tiers';
import { createSeriesStore } from '../store/open-store';
import type { SeriesStore } from '../store/series-store';
import { copyWindow, type SliceDone } from './session-capture';
import { abandonSessionFile, copySessionFile, createSessionFile, deleteSessionFile, finishSessionFile, reopenSessionFile, sessionPath, sessionsDir, upgradeSessionFile, type SessionWriter } from './session-files';
import { importLogs, statLogs } from './log-import';
import { openSessionReadOnly, type OpenSession } from './open-session-file';

/** Progress events at most this often. */
const PROGRESS_EVERY_MS = 250;

export interface SessionServiceDeps {
  dataDir: string;
  engineVersion: string;
  /** The live store captures copy from. */
  live: SeriesStore;
  device(id: string): DeviceView;
  emitProgress(p: ImportProgress): void;
  emitCaptureProgress?(p: CaptureProgress): void;
  /** A session was added, changed or removed (the UI re-reads the list). */
  changed(): void;
  /** Where the shipped sample session is. */
  sampleFile: string;
  nativeBinding?: string;
}

export interface CaptureRequest {
  captureId?: string;
  name: string;
  deviceIds: string[];
  fromMs: number;
  toMs: number;
  notes: string;
}

/** A session opened for reading, with its store over the read-only file. */
export interface SessionReader extends OpenSession {
  store: SeriesStore;
  path: string;
}

/**
 * Sessions of one data folder (`sessions/*.session.sqlite`): list, capture from the live store,
 * import logs, open a file a colleague sent, delete. A session is read through a read-only handle,
 * kept open while it is in use (charts query it often) and closed when it is deleted or the engine stops.
 */
export class SessionService {
  private readonly readers = new Map<string, SessionReader>();
  private readonly imports = new Map<string, AbortController>();
  /** Sessions being written (capture or import): not listed until finished, and not opened meanwhile. */
  private readonly writing = new Set<string>();
  /** Captures and imports being written, so close() can wait for them to end. */
  private readonly running = new Set<Promise<void>>();
  private readonly stopping = new AbortController();

  constructor(private readonly deps: SessionServiceDeps) {}

  list(): SessionSummary[] {
    const dir = sessionsDir(this.deps.dataDir);
    if (!existsSync(dir)) return [];
    const out: SessionSummary[] = [];
    for (const name of readdirSync(dir)) {
      if (!name.endsWith(SESSION_FILE_SUFFIX)) continue;
      const id = name.slice(0, -SESSION_FILE_SUFFIX.length);
      if (this.writing.has(id)) continue;
      try {
        out.push(this.get(id));
      } catch {
        // A damaged file in the folder is skipped in the list; opening it by id says why.
      }
    }
    return out.sort((a, b) => b.createdAtMs - a.createdAtMs);
  }

  get(id: string): SessionSummary {
    const r = this.reader(id);
    return { ...r.meta, formatVersion: r.formatVersion, bytes: statSync(r.path).size, offline: true, appendable: r.meta.source === 'import' };
  }

  /** The session named so (case-insensitive), or by id. */
  find(nameOrId: string): SessionSummary | null {
    const all = this.list();
    return all.find((s) => s.id === nameOrId) ?? all.find((s) => s.name.toLowerCase() === nameOrId.toLowerCase()) ?? null;
  }

  /** The read-only handle of a session (opened on first use). */
  reader(id: string): SessionReader {
    const open = this.readers.get(id);
    if (open) return open;
    if (this.writing.has(id) || !/^[a-z0-9-]{1,64}$/.test(id)) throw new SyncscopeError(catalogError('session.not-found', { session: id }));
    const path = sessionPath(this.deps.dataDir, id);
    if (!existsSync(path)) throw new SyncscopeError(catalogError('session.not-found', { session: id }));
    let session = this.openReadOnly(path);
    if (session.pendingMigrations > 0) {
      // Written by an older Syncscope: our copy is brought to this schema (a colleague's original never is).
      session.db.close();
      upgradeSessionFile(path);
      session = this.openReadOnly(path);
    }
    // A session is a record: its store applies no retention (an imported 1970-relative log or an old
    // capture would otherwise be answered from rollups only, or thinned).
    const reader: SessionReader = { ...session, store: createSeriesStore(session.db, { retention: KEEP_ALL }), path };
    this.readers.set(id, reader);
    return reader;
  }

  delete(id: string): void {
    const summary = this.get(id);
    this.forget(summary.id);
    deleteSessionFile(sessionPath(this.deps.dataDir, summary.id));
    this.deps.changed();
  }

  /**
   * A file from elsewhere (a colleague's, a USB stick): checked where it is (read-only, never
   * changed), then copied into `sessions/`, so the session stays when the stick is gone and the
   * original is never held open. A session already here (same id) is returned as it is.
   */
  openFile(file: string): SessionSummary {
    const checked = this.openReadOnly(file);
    const id = checked.meta.id;
    checked.db.close();
    if (!existsSync(sessionPath(this.deps.dataDir, id))) {
      copySessionFile(this.deps.dataDir, file, id);
      this.deps.changed();
    }
    return this.get(id);
  }

  openSample(): SessionSummary {
    if (!existsSync(this.deps.sampleFile)) throw new SyncscopeError(catalogError('session.sample-missing', { file: this.deps.sampleFile }));
    return this.openFile(this.deps.sampleFile);
  }

  async capture(req: CaptureRequest): Promise<SessionSummary> {
    if (req.deviceIds.length === 0) throw new SyncscopeError(catalogError('session.no-devices'));
    if (req.toMs < req.fromMs) throw new SyncscopeError(catalogError('session.bad-window'));
    const taken = this.find(req.name);
    if (taken && taken.name.toLowerCase() === req.name.toLowerCase()) throw new SyncscopeError(catalogError('session.name-taken', { session: req.name }));
    const devices = [...new Set(req.deviceIds)].map((id) => this.deps.device(id));
    const meta: SessionMeta = {
      id: randomUUID(),
      name: req.name,
      notes: req.notes,
      source: 'capture',
      devices: devices.map((d) => ({ id: d.id, name: d.name, profile: sessionProfileOf(d) })),
      fromMs: req.fromMs,
      toMs: req.toMs,
      createdAtMs: Date.now(),
      engineVersion: this.deps.engineVersion,
      timeBase: 'wall',
      files: [],
    };
    const captureId = req.captureId ?? randomUUID();
    let last: CaptureProgress = { captureId, sessionId: meta.id, session: meta.name, state: 'running', devicesDone: 0, devices: devices.length, reachedMs: req.fromMs, fromMs: req.fromMs, toMs: req.toMs, points: 0, events: 0, error: null };
    let lastEmit = 0;
    const onSlice: SliceDone = (deviceIndex, reachedMs, counts) => {
      last = { ...last, devicesDone: reachedMs >= req.toMs ? deviceIndex + 1 : deviceIndex, reachedMs, points: counts.points, events: counts.events };
      const now = performance.now();
      if (now - lastEmit < PROGRESS_EVERY_MS) return;
      lastEmit = now;
      this.deps.emitCaptureProgress?.(last);
    };
    try {
      await this.writeSession(meta.id, () => createSessionFile(this.deps.dataDir, meta), async (w, store) => {
        await copyWindow(this.deps.live, store, devices, req.fromMs, req.toMs, this.stopping.signal, onSlice);
        return meta;
      });
    } catch (err) {
      this.deps.emitCaptureProgress?.({ ...last, state: this.stopping.signal.aborted ? 'cancelled' : 'failed', error: errorValueOf(err) });
      throw err;
    }
    this.deps.emitCaptureProgress?.({ ...last, state: 'done', devicesDone: devices.length, reachedMs: req.toMs });
    return this.get(meta.id);
  }

  /** Starts an import and returns at once; progress (and the end) arrive as `sessions.importProgress` events. */
  startImport(req: ImportRequest): { importId: string; sessionId: string } {
    if (this.stopping.signal.aborted) throw new SyncscopeError(catalogError('session.engine-stopping'));
    const importId = req.importId ?? randomUUID();
    if (this.imports.has(importId)) throw new SyncscopeError({ code: 'conflict', message: `import ${importId} is running already`, hint: 'Use a new import id.' });
    const files = statLogs(req.paths);
    const existing = this.find(req.session);
    const same = existing && existing.name.toLowerCase() === req.session.toLowerCase() ? existing : null;
    if (same && !same.appendable) throw new SyncscopeError(catalogError('import.not-appendable', { session: same.name }));
    const meta: SessionMeta = same
      ? { ...same }
      : { id: randomUUID(), name: req.session, notes: req.notes ?? '', source: 'import', devices: [], fromMs: null, toMs: null, createdAtMs: Date.now(), engineVersion: this.deps.engineVersion, timeBase: 'relative', files: [] };
    const abort = new AbortController();
    this.imports.set(importId, abort);
    const base = { importId, sessionId: meta.id, session: meta.name };
    let last: Omit<ImportProgress, 'importId' | 'sessionId' | 'session' | 'state' | 'error'> = { file: '', fileIndex: 0, files: files.length, bytesDone: 0, bytesTotal: files.reduce((n, f) => n + f.bytes, 0), lines: 0, parsed: 0, unparsed: 0, placeholders: 0 };
    const run = this.writeSession(
      meta.id,
      () => (same ? reopenSessionFile(this.deps.dataDir, meta.id) : createSessionFile(this.deps.dataDir, meta)),
      async (w, store) => {
        const result = await importLogs(files, { db: w.db, store, devices: meta.devices }, {
          ...(req.device ? { device: req.device } : {}),
          ...(req.year !== undefined ? { year: req.year } : {}),
          ...(req.utcOffsetMinutes !== undefined ? { utcOffsetMinutes: req.utcOffsetMinutes } : {}),
          signal: abort.signal,
          progress: (p) => {
            last = p;
            this.deps.emitProgress({ ...base, ...p, state: 'running', error: null });
          },
        });
        const all = [...meta.files, ...result.files];
        const w0 = result.window;
        return {
          ...meta,
          files: all,
          fromMs: w0 ? Math.min(meta.fromMs ?? w0.fromMs, w0.fromMs) : meta.fromMs,
          toMs: w0 ? Math.max(meta.toMs ?? w0.toMs, w0.toMs) : meta.toMs,
          timeBase: all.length > 0 && all.every((f) => f.timeBase === 'wall') ? 'wall' : 'relative',
        };
      },
    );
    void run.then(
      () => {
        this.imports.delete(importId);
        this.deps.emitProgress({ ...base, ...last, state: abort.signal.aborted ? 'cancelled' : 'done', error: null });
      },
      (err: unknown) => {
        this.imports.delete(importId);
        this.deps.emitProgress({ ...base, ...last, state: 'failed', error: errorValueOf(err) });
      },
    );
    return { importId, sessionId: meta.id };
  }

  cancelImport(importId: string): void {
    const abort = this.imports.get(importId);
    if (!abort) throw new SyncscopeError(catalogError('import.unknown', { importId }));
    abort.abort();
  }

  /** Stops: running imports end (keeping what they read), a capture is dropped, session files are closed; nothing runs after. */
  async close(): Promise<void> {
    this.stopping.abort();
    for (const a of this.imports.values()) a.abort();
    await Promise.allSettled([...this.running]);
    for (const id of [...this.readers.keys()]) this.forget(id);
  }

  private openReadOnly(file: string) {
    return openSessionReadOnly(file, this.deps.nativeBinding ? { nativeBinding: this.deps.nativeBinding } : {});
  }

  private forget(id: string): void {
    const r = this.readers.get(id);
    if (!r) return;
    this.readers.delete(id);
    r.store.close();
    r.db.close();
  }

  /** Writes a session file: made (or reopened), filled, its metadata written last, then listed. */
  private writeSession(id: string, open: () => SessionWriter, fill: (w: SessionWriter, store: SeriesStore) => Promise<SessionMeta>): Promise<void> {
    if (this.stopping.signal.aborted) return Promise.reject(new SyncscopeError(catalogError('session.engine-stopping')));
    const run = this.write(id, open, fill);
    this.running.add(run);
    const forget = () => void this.running.delete(run);
    run.then(forget, forget);
    return run;
  }

  private async write(id: string, open: () => SessionWriter, fill: (w: SessionWriter, store: SeriesStore) => Promise<SessionMeta>): Promise<void> {
    this.forget(id);
    this.writing.add(id);
    let w: SessionWriter | null = null;
    try {
      w = open();
      const store = createSeriesStore(w.db, { retention: KEEP_ALL, writes: { flushAtRows: Number.MAX_SAFE_INTEGER, flushEveryMs: 60_000 } });
      let meta: SessionMeta;
      try {
        meta = await fill(w, store);
        // Seal open chunks and build the hour rollups now: a session file is read-only once written.
        store.settle();
      } finally {
        store.close();
      }
      finishSessionFile(w, meta);
      w = null;
    } catch (err) {
      if (w) abandonSessionFile(w);
      throw err;
    } finally {
      this.writing.delete(id);
      this.deps.changed();
    }
  }
}

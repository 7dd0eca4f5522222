import { createReadStream, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import type { ImportProgress } from '../../../shared/sessions/import-progress';
import { LogImportConverter } from '../../../shared/sessions/log-import-converter';
import type { ImportedFile, SessionDevice } from '../../../shared/sessions/session-meta';
import type { Db } from '../store/db';
import type { SeriesStore } from '../store/series-store';
import { LineSplitter } from '../transport/line-stream';
import { writeDeviceRows } from './session-tables';

/**
 * Streams raw log files into a session's store with constant memory: a read stream of 64 KiB chunks,
 * the transports' LineSplitter, a converter that keeps only the current batch, and one store
 * transaction per batch. Progress goes out at most every 250 ms; an AbortSignal stops it between
 * chunks (what was read stays in the session).
 */

/** Lines per store transaction: big enough to amortise the commit, small enough to keep memory flat. */
export const IMPORT_BATCH_LINES = 2000;
const PROGRESS_EVERY_MS = 250;
/** 64 KiB (~850 lines): a 1 MiB chunk's 13k parsed lines outlived a scavenge and doubled the heap (peak RSS +90 MB vs +35). */
const READ_CHUNK_BYTES = 64 * 1024;

export interface ImportTarget {
  db: Db;
  store: SeriesStore;
  /** Devices the session has already (appending); the import adds its own. */
  devices: SessionDevice[];
}

export interface ImportOptions {
  device?: string;
  year?: number;
  utcOffsetMinutes?: number;
  signal: AbortSignal;
  /** Progress without importId/session (the caller adds them). */
  progress(p: Omit<ImportProgress, 'importId' | 'sessionId' | 'session' | 'state' | 'error'>): void;
}

export interface ImportResult {
  files: ImportedFile[];
  window: { fromMs: number; toMs: number } | null;
  cancelled: boolean;
}

/** Every file exists and is readable, with its size; checked before anything is created. */
export function statLogs(paths: readonly string[]): { path: string; bytes: number; mtimeMs: number }[] {
  return paths.map((path) => {
    try {
      const st = statSync(path);
      if (!st.isFile()) throw new Error('not a regular file');
      return { path, bytes: st.size, mtimeMs: st.mtimeMs };
    } catch (err) {
      throw new SyncscopeError(catalogError('import.file-unreadable', { file: path, detail: err instanceof Error ? err.message : String(err) }));
    }
  });
}

/** Names a log file gets from the program or the log system, not from the device: then its folder names the device. */
const GENERIC_LOG_NAMES = new Set(['ptp4l', 'phc2sys', 'ts2phc', 'messages', 'syslog', 'daemon', 'journal', 'log', 'output']);

/** The device a log of plain `ptp4l -m` lines belongs to, from its file name (`ss-s1/ptp4l.log` → `ss-s1`). */
export function deviceNameOfFile(path: string): string {
  const name = basename(path).replace(/\.(log|txt|json|gz)$/i, '').replace(/\.\d+$/, '');
  if (!GENERIC_LOG_NAMES.has(name.toLowerCase())) return name || 'log';
  return basename(dirname(path)) || name;
}

export async function importLogs(files: { path: string; bytes: number; mtimeMs: number }[], target: ImportTarget, opts: ImportOptions): Promise<ImportResult> {
  const bytesTotal = files.reduce((n, f) => n + f.bytes, 0);
  const keep = target.db.prepare('INSERT INTO session_unparsed (file, line_no, text) VALUES (?, ?, ?)');
  const known = new Set(target.devices.map((d) => d.id));
  const done: ImportedFile[] = [];
  const totals = { lines: 0, parsed: 0, unparsed: 0, placeholders: 0 };
  let bytesBefore = 0;
  let window: ImportResult['window'] = null;
  let lastProgress = 0;
  let cancelled = false;

  for (const [fileIndex, file] of files.entries()) {
    const mtime = new Date(file.mtimeMs);
    const conv = new LogImportConverter({
      defaultDevice: opts.device ?? deviceNameOfFile(file.path),
      year: opts.year ?? mtime.getFullYear(),
      utcOffsetMinutes: opts.utcOffsetMinutes ?? -mtime.getTimezoneOffset(),
    });
    const name = basename(file.path);
    let bytesRead = 0;
    let lineNo = 0;
    let sinceFlush = 0;
    const report = (force: boolean) => {
      const now = performance.now();
      if (!force && now - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = now;
      opts.progress({
        file: name,
        fileIndex,
        files: files.length,
        bytesDone: bytesBefore + bytesRead,
        bytesTotal,
        lines: totals.lines + conv.counts.lines,
        parsed: totals.parsed + conv.counts.parsed,
        unparsed: totals.unparsed + conv.counts.unparsed,
        placeholders: totals.placeholders + conv.counts.placeholders,
      });
    };
    /** The lines read so far become readings and events, queued in the store; `commit` writes the queue in one transaction. */
    const convert = (commit: boolean) => {
      const { readings, events } = conv.take();
      const fresh: SessionDevice[] = [];
      for (const [deviceName, id] of conv.devices) {
        if (known.has(id)) continue;
        known.add(id);
        fresh.push({ id, name: deviceName, profile: null });
      }
      if (fresh.length > 0) {
        writeDeviceRows(target.db, fresh, Date.now());
        target.devices.push(...fresh);
      }
      const kept = conv.unparsedKept;
      conv.unparsedKept = [];
      if (kept.length > 0) target.db.transaction(() => kept.forEach((u) => keep.run(name, u.lineNo, u.text)))();
      target.store.appendReadings(readings);
      target.store.appendEvents(events);
      if (commit) {
        target.store.flush();
        sinceFlush = 0;
      }
    };
    const splitter = new LineSplitter(64 * 1024, (line) => {
      conv.line(line, ++lineNo);
      sinceFlush++;
    });
    const stream = createReadStream(file.path, { highWaterMark: READ_CHUNK_BYTES });
    try {
      for await (const chunk of stream) {
        if (opts.signal.aborted) {
          cancelled = true;
          break;
        }
        const buf = chunk as Buffer;
        splitter.push(buf);
        bytesRead += buf.length;
        // Converted per chunk, so parsed lines die young (the heap stays small); written per batch.
        convert(sinceFlush >= IMPORT_BATCH_LINES);
        report(false);
      }
      if (!cancelled) splitter.end();
    } catch (err) {
      throw new SyncscopeError(catalogError('import.file-unreadable', { file: file.path, detail: err instanceof Error ? err.message : String(err) }));
    } finally {
      stream.destroy();
    }
    convert(true);
    report(true);
    totals.lines += conv.counts.lines;
    totals.parsed += conv.counts.parsed;
    totals.unparsed += conv.counts.unparsed;
    totals.placeholders += conv.counts.placeholders;
    bytesBefore += file.bytes;
    const w = conv.window;
    if (w) window = window ? { fromMs: Math.min(window.fromMs, w.fromMs), toMs: Math.max(window.toMs, w.toMs) } : w;
    done.push({ file: name, bytes: bytesRead, lines: conv.counts.lines, parsed: conv.counts.parsed, unparsed: conv.counts.unparsed, timeBase: conv.timeBase, importedAtMs: Date.now() });
    if (cancelled) break;
  }
  return { files: done, window, cancelled };
}

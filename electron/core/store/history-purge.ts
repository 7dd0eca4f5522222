import type { Statement } from 'better-sqlite3';
import type { Db } from './db';

const RETRY_MS = 1000;

export interface HistoryPurgeOptions {
  /** Rows deleted per slice: small enough that one slice never holds the event loop for long. */
  sliceRows?: number;
  /** Pause between slices, so requests and polls run in between. */
  pauseMs?: number;
  /** A slice failed (e.g. SQLITE_BUSY); it is tried again a second later. */
  onError?(err: unknown): void;
  /** A device's history is gone. */
  onDone?(deviceId: string): void;
}

/** A device's rows, by table: `?` is its device key, `?` the slice size. Chunks count as up to 4096 points each, so they go fewer at a time. */
const SLICES = [
  'DELETE FROM chunks WHERE id IN (SELECT id FROM chunks WHERE series_id IN (SELECT id FROM series WHERE device_key = ?) LIMIT MAX(1, ? / 1000))',
  'DELETE FROM open_segments WHERE id IN (SELECT id FROM open_segments WHERE series_id IN (SELECT id FROM series WHERE device_key = ?) LIMIT ?)',
  'DELETE FROM legacy_points WHERE rowid IN (SELECT rowid FROM legacy_points WHERE series_id IN (SELECT id FROM series WHERE device_key = ?) LIMIT ?)',
  'DELETE FROM events WHERE id IN (SELECT id FROM events WHERE device_key = ? LIMIT ?)',
];
/** Rollups are small rows without rowids: one series' at a time. */
const ROLLUPS = ['rollup_minute', 'rollup_hour', 'rollup_day', 'rollup_pending'];

/**
 * Deletes removed devices' history in the background, a slice at a time (chunks, the open chunks'
 * segments, unconverted pre-chunk points, events, then rollups series by series), then their series
 * and device key. Removing a device only queues its id in `device_purges` (in the same transaction as
 * the row), so the request answers at once whatever the history's size, and a purge interrupted by a
 * restart resumes on the next start.
 */
export class HistoryPurge {
  private readonly sliceRows: number;
  private readonly pauseMs: number;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly nextStmt: Statement;
  private readonly keyStmt: Statement;
  private readonly rowStmts: Statement[];
  private readonly seriesOfKey: Statement;
  private readonly rollupStmts: Statement[];
  private readonly finish: (deviceId: string, key: number | undefined) => void;

  constructor(
    db: Db,
    private readonly opts: HistoryPurgeOptions = {},
  ) {
    this.sliceRows = opts.sliceRows ?? 5000;
    this.pauseMs = opts.pauseMs ?? 10;
    this.nextStmt = db.prepare('SELECT device_id FROM device_purges ORDER BY queued_at_ms LIMIT 1').pluck();
    this.keyStmt = db.prepare('SELECT key FROM device_keys WHERE device_id = ?').pluck();
    const hasLegacy = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'legacy_points'").get() !== undefined;
    this.rowStmts = SLICES.filter((sql) => hasLegacy || !sql.includes('legacy_points')).map((sql) => db.prepare(sql));
    this.seriesOfKey = db.prepare('SELECT id FROM series WHERE device_key = ?').pluck();
    this.rollupStmts = ROLLUPS.map((t) => db.prepare(`DELETE FROM ${t} WHERE series_id = ?`));
    const seriesStmt = db.prepare('DELETE FROM series WHERE device_key = ?');
    const keyDelete = db.prepare('DELETE FROM device_keys WHERE key = ?');
    const doneStmt = db.prepare('DELETE FROM device_purges WHERE device_id = ?');
    this.finish = db.transaction((deviceId: string, key: number | undefined) => {
      if (key !== undefined) {
        for (const id of this.seriesOfKey.all(key) as number[]) for (const s of this.rollupStmts) s.run(id);
        seriesStmt.run(key);
        keyDelete.run(key);
      }
      doneStmt.run(deviceId);
    });
  }

  /** Starts (or resumes) purging whatever is queued; cheap when nothing is. */
  kick(): void {
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => this.tick(), 0);
    this.timer.unref();
  }

  /** Deletes one slice; true while work remains. */
  slice(): boolean {
    const deviceId = this.nextStmt.get() as string | undefined;
    if (deviceId === undefined) return false;
    const key = this.keyStmt.get(deviceId) as number | undefined;
    if (key !== undefined) {
      for (const s of this.rowStmts) {
        try {
          if (s.run(key, this.sliceRows).changes > 0) return true;
        } catch (err) {
          // The pre-chunk table went (converted) since this purge was made.
          if (!/no such table: legacy_points/.test(String(err))) throw err;
        }
      }
    }
    this.finish(deviceId, key);
    this.opts.onDone?.(deviceId);
    return true;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private tick(): void {
    this.timer = null;
    if (this.stopped) return;
    let more: boolean;
    try {
      more = this.slice();
    } catch (err) {
      this.opts.onError?.(err);
      this.timer = setTimeout(() => this.tick(), RETRY_MS);
      this.timer.unref();
      return;
    }
    if (more) {
      this.timer = setTimeout(() => this.tick(), this.pauseMs);
      this.timer.unref();
    }
  }
}

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

/**
 * Deletes removed devices' samples in the background, a slice at a time. Removing a device only
 * queues its id in `device_purges` (in the same transaction as the row), so the request answers
 * at once whatever the history's size, and a purge interrupted by a restart resumes on the next start.
 */
export class HistoryPurge {
  private readonly sliceRows: number;
  private readonly pauseMs: number;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly nextStmt;
  private readonly sliceStmt;
  private readonly doneStmt;

  constructor(
    db: Db,
    private readonly opts: HistoryPurgeOptions = {},
  ) {
    this.sliceRows = opts.sliceRows ?? 5000;
    this.pauseMs = opts.pauseMs ?? 10;
    this.nextStmt = db.prepare('SELECT device_id FROM device_purges ORDER BY queued_at_ms LIMIT 1').pluck();
    this.sliceStmt = db.prepare('DELETE FROM ptp_samples WHERE rowid IN (SELECT rowid FROM ptp_samples WHERE device_id = ? LIMIT ?)');
    this.doneStmt = db.prepare('DELETE FROM device_purges WHERE device_id = ?');
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
    const deleted = this.sliceStmt.run(deviceId, this.sliceRows).changes;
    if (deleted < this.sliceRows) {
      this.doneStmt.run(deviceId);
      this.opts.onDone?.(deviceId);
    }
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

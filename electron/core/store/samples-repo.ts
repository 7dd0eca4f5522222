import type { PtpSample, SampleColumns } from '../../../shared/domain/ptp';
import type { Db } from './db';

interface SampleRow {
  t_ms: number;
  master_offset_ns: number | null;
  offset_from_master_ns: number | null;
  mean_path_delay_ns: number | null;
}

/**
 * One sample row. The EXISTS guard drops a sample whose device was removed while it waited in the
 * queue: samples carry no foreign key (see migration 2), and a late row would never be purged.
 */
export const INSERT_SAMPLE_SQL = `INSERT INTO ptp_samples (device_id, t_ms, master_offset_ns, offset_from_master_ns, mean_path_delay_ns, steps_removed, gm_present, gm_identity, port_state)
  SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM devices WHERE id = ?)`;

export function sampleParams(s: PtpSample): unknown[] {
  return [s.deviceId, s.tMs, s.masterOffsetNs, s.offsetFromMasterNs, s.meanPathDelayNs, s.stepsRemoved, s.gmPresent === null ? null : s.gmPresent ? 1 : 0, s.gmIdentity, s.portState, s.deviceId];
}

export interface SampleWriteOptions {
  /** A queued sample is written at the latest this long after it arrived. */
  flushEveryMs?: number;
  /** …or as soon as this many are waiting. */
  flushAtRows?: number;
  /** While the database refuses writes, keep at most this many (the oldest go first). */
  maxQueuedRows?: number;
  /** A flush failed (e.g. SQLITE_BUSY under another process's write lock); the rows stay queued. */
  onFlushError?(err: unknown, queuedRows: number): void;
}

/**
 * PTP samples in SQLite: queued per poll and written in one transaction per flush (an autocommit
 * INSERT per sample costs a WAL commit each), read back as columns for the chart.
 */
export class SamplesRepo {
  private readonly insertStmt;
  private readonly queryStmt;
  private readonly writeBatch: (rows: PtpSample[]) => void;
  private queue: PtpSample[] = [];
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly flushEveryMs: number;
  private readonly flushAtRows: number;
  private readonly maxQueuedRows: number;

  constructor(
    private readonly db: Db,
    private readonly opts: SampleWriteOptions = {},
  ) {
    this.flushEveryMs = opts.flushEveryMs ?? 250;
    this.flushAtRows = opts.flushAtRows ?? 500;
    this.maxQueuedRows = opts.maxQueuedRows ?? 100_000;
    this.insertStmt = db.prepare(INSERT_SAMPLE_SQL);
    this.writeBatch = db.transaction((rows: PtpSample[]) => {
      for (const s of rows) this.insertStmt.run(...sampleParams(s));
    });
    // Newest first with a limit, then reversed: the chart wants the most recent window.
    this.queryStmt = db.prepare(
      `SELECT t_ms, master_offset_ns, offset_from_master_ns, mean_path_delay_ns FROM ptp_samples
       WHERE device_id = ? AND t_ms >= ? AND t_ms <= ? ORDER BY t_ms DESC LIMIT ?`,
    );
  }

  /** Queues a sample; it reaches the database within `flushEveryMs`, or at once when the batch is full. */
  insert(s: PtpSample): void {
    if (this.closed) return;
    this.queue.push(s);
    if (this.queue.length > this.maxQueuedRows) this.queue.splice(0, this.queue.length - this.maxQueuedRows);
    if (this.queue.length >= this.flushAtRows) this.flush();
    else this.schedule();
  }

  /** Writes every queued sample in one transaction; returns how many were written (0 when it failed). */
  flush(): number {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.queue.length === 0) return 0;
    const rows = this.queue;
    this.queue = [];
    try {
      this.writeBatch(rows);
      return rows.length;
    } catch (err) {
      this.queue = rows.concat(this.queue);
      this.opts.onFlushError?.(err, this.queue.length);
      this.schedule();
      return 0;
    }
  }

  /** Samples not yet written. */
  get queued(): number {
    return this.queue.length;
  }

  query(deviceId: string, sinceMs: number, untilMs: number, limit: number): SampleColumns {
    this.flush();
    const rows = (this.queryStmt.all(deviceId, sinceMs, untilMs, limit) as SampleRow[]).reverse();
    return {
      deviceId,
      tMs: rows.map((r) => r.t_ms),
      offsetFromMasterNs: rows.map((r) => r.offset_from_master_ns),
      meanPathDelayNs: rows.map((r) => r.mean_path_delay_ns),
      masterOffsetNs: rows.map((r) => r.master_offset_ns),
    };
  }

  count(deviceId: string): number {
    this.flush();
    return (this.db.prepare('SELECT COUNT(*) AS n FROM ptp_samples WHERE device_id = ?').get(deviceId) as { n: number }).n;
  }

  /** Writes what is queued and takes no more. */
  close(): void {
    this.flush();
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, this.flushEveryMs);
    this.timer.unref();
  }
}

import type { PtpSample, SampleColumns } from '../../../shared/domain/ptp';
import type { Db } from './db';

interface SampleRow {
  t_ms: number;
  master_offset_ns: number | null;
  offset_from_master_ns: number | null;
  mean_path_delay_ns: number | null;
}

/** PTP samples in SQLite: appended per poll, read back as columns for the chart. */
export class SamplesRepo {
  private readonly insertStmt;
  private readonly queryStmt;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO ptp_samples (device_id, t_ms, master_offset_ns, offset_from_master_ns, mean_path_delay_ns, steps_removed, gm_present, gm_identity, port_state)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // Newest first with a limit, then reversed: the chart wants the most recent window.
    this.queryStmt = db.prepare(
      `SELECT t_ms, master_offset_ns, offset_from_master_ns, mean_path_delay_ns FROM ptp_samples
       WHERE device_id = ? AND t_ms >= ? AND t_ms <= ? ORDER BY t_ms DESC LIMIT ?`,
    );
  }

  insert(s: PtpSample): void {
    this.insertStmt.run(
      s.deviceId,
      s.tMs,
      s.masterOffsetNs,
      s.offsetFromMasterNs,
      s.meanPathDelayNs,
      s.stepsRemoved,
      s.gmPresent === null ? null : s.gmPresent ? 1 : 0,
      s.gmIdentity,
      s.portState,
    );
  }

  query(deviceId: string, sinceMs: number, untilMs: number, limit: number): SampleColumns {
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
    return (this.db.prepare('SELECT COUNT(*) AS n FROM ptp_samples WHERE device_id = ?').get(deviceId) as { n: number }).n;
  }
}

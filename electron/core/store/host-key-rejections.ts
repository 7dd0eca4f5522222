import type { HostKeyTarget } from '../../../shared/hostkeys/host-key-prompt';
import type { Db } from './db';

export interface HostKeyRejection {
  deviceId: string;
  target: HostKeyTarget;
  fingerprint: string;
  atMs: number;
  /** Who rejected it (the audit event says the same). */
  by: string | null;
}

/**
 * Host keys the operator rejected, per device and hop (table host_key_rejections, migration 5): a
 * rejected key stays refused across engine restarts until the operator trusts it. A removed device's
 * rows go with it (trigger).
 */
export class HostKeyRejections {
  constructor(private readonly db: Db) {}

  has(deviceId: string, target: HostKeyTarget, fingerprint: string): boolean {
    return this.db.prepare('SELECT 1 FROM host_key_rejections WHERE device_id = ? AND target = ? AND fingerprint = ?').get(deviceId, target, fingerprint) !== undefined;
  }

  add(r: HostKeyRejection): void {
    this.db
      .prepare('INSERT OR REPLACE INTO host_key_rejections (device_id, target, fingerprint, rejected_at_ms, rejected_by) VALUES (?, ?, ?, ?, ?)')
      .run(r.deviceId, r.target, r.fingerprint, r.atMs, r.by);
  }

  /** The operator trusted the key after all. */
  remove(deviceId: string, target: HostKeyTarget, fingerprint: string): void {
    this.db.prepare('DELETE FROM host_key_rejections WHERE device_id = ? AND target = ? AND fingerprint = ?').run(deviceId, target, fingerprint);
  }

  list(deviceId: string): HostKeyRejection[] {
    const rows = this.db
      .prepare('SELECT target, fingerprint, rejected_at_ms, rejected_by FROM host_key_rejections WHERE device_id = ? ORDER BY rejected_at_ms')
      .all(deviceId) as { target: HostKeyTarget; fingerprint: string; rejected_at_ms: number; rejected_by: string | null }[];
    return rows.map((r) => ({ deviceId, target: r.target, fingerprint: r.fingerprint, atMs: r.rejected_at_ms, by: r.rejected_by }));
  }
}

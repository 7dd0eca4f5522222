import type { Statement } from 'better-sqlite3';
import { z } from 'zod';
import { AuditEntry, PushStep, RollbackInfo, type AuditQuery } from '../../../shared/contract/methods-config';
import { ErrorValue } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import type { Db } from '../store/db';

interface Row {
  id: string;
  started_at_ms: number;
  updated_at_ms: number;
  ended_at_ms: number | null;
  actor_origin: string;
  actor_user: string | null;
  actor_address: string | null;
  device_id: string;
  device_name: string;
  target_kind: AuditEntry['targetKind'];
  target: string;
  instance: string | null;
  old_sha256: string | null;
  new_sha256: string;
  diff: string;
  outcome: string;
  steps: string;
  backup_path: string | null;
  rollback: string | null;
  error: string | null;
}

/**
 * A push that has not moved for this long was cut off by an engine that stopped (a crash, a power
 * cut): the longest push (apply 60 s, verify up to 10 min, the same again for a rollback) is shorter.
 */
export const STALE_RUNNING_MS = 30 * 60_000;

/**
 * The `config_push_audit` table. Each push writes its row before it starts and rewrites it at every
 * step, in its own statement (autocommit), so whatever happens next, the row says how far it got.
 */
export class AuditRepo {
  private readonly stmt: Record<'insert' | 'update' | 'get' | 'stale', Statement>;

  constructor(private readonly db: Db) {
    this.stmt = {
      insert: db.prepare(`INSERT INTO config_push_audit (id, started_at_ms, updated_at_ms, ended_at_ms, actor_origin, actor_user, actor_address, device_id, device_name,
        target_kind, target, instance, old_sha256, new_sha256, diff, outcome, steps, backup_path, rollback, error)
        VALUES (@id, @started_at_ms, @updated_at_ms, @ended_at_ms, @actor_origin, @actor_user, @actor_address, @device_id, @device_name,
        @target_kind, @target, @instance, @old_sha256, @new_sha256, @diff, @outcome, @steps, @backup_path, @rollback, @error)`),
      update: db.prepare(`UPDATE config_push_audit SET updated_at_ms = @updated_at_ms, ended_at_ms = @ended_at_ms, old_sha256 = @old_sha256, diff = @diff,
        outcome = @outcome, steps = @steps, backup_path = @backup_path, rollback = @rollback, error = @error WHERE id = @id`),
      get: db.prepare('SELECT * FROM config_push_audit WHERE id = ?'),
      stale: db.prepare("SELECT * FROM config_push_audit WHERE outcome = 'running' AND updated_at_ms < ?"),
    };
  }

  insert(entry: AuditEntry): void {
    this.stmt.insert.run(toRow(entry));
  }

  update(entry: AuditEntry): void {
    this.stmt.update.run(toRow(entry));
  }

  get(id: string): AuditEntry | null {
    const row = this.stmt.get.get(id) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** Newest first, filtered; pushes an engine left unfinished long ago are marked `interrupted` first. */
  list(q: AuditQuery, nowMs = Date.now()): AuditEntry[] {
    this.closeStale(nowMs);
    const where: string[] = [];
    const args: Record<string, string | number> = { limit: q.limit };
    if (q.deviceId !== undefined) {
      where.push('device_id = @deviceId');
      args.deviceId = q.deviceId;
    }
    if (q.outcome !== undefined) {
      where.push('outcome = @outcome');
      args.outcome = q.outcome;
    }
    if (q.sinceMs !== undefined) {
      where.push('started_at_ms >= @sinceMs');
      args.sinceMs = q.sinceMs;
    }
    if (q.untilMs !== undefined) {
      where.push('started_at_ms < @untilMs');
      args.untilMs = q.untilMs;
    }
    const sql = `SELECT * FROM config_push_audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY started_at_ms DESC, rowid DESC LIMIT @limit`;
    return (this.db.prepare(sql).all(args) as Row[]).map(fromRow);
  }

  private closeStale(nowMs: number): void {
    for (const row of this.stmt.stale.all(nowMs - STALE_RUNNING_MS) as Row[]) {
      const entry = fromRow(row);
      const last = entry.steps.at(-1);
      this.update({ ...entry, outcome: 'interrupted', updatedAtMs: nowMs, error: entry.error ?? catalogError('config-push.interrupted', { step: last ? `${last.phase} ${last.step}` : 'start' }, { deviceId: entry.deviceId }) });
    }
  }
}

function toRow(e: AuditEntry): Row {
  return {
    id: e.id,
    started_at_ms: e.startedAtMs,
    updated_at_ms: e.updatedAtMs,
    ended_at_ms: e.endedAtMs,
    actor_origin: e.actor.origin,
    actor_user: e.actor.user,
    actor_address: e.actor.address,
    device_id: e.deviceId,
    device_name: e.deviceName,
    target_kind: e.targetKind,
    target: e.target,
    instance: e.instance,
    old_sha256: e.oldSha256,
    new_sha256: e.newSha256,
    diff: e.diff,
    outcome: e.outcome,
    steps: JSON.stringify(e.steps),
    backup_path: e.backupPath,
    rollback: e.rollback ? JSON.stringify(e.rollback) : null,
    error: e.error ? JSON.stringify(e.error) : null,
  };
}

/** A row as the contract shows it; a JSON column that no longer parses is shown empty rather than failing the list. */
function fromRow(r: Row): AuditEntry {
  const json = <T>(schema: z.ZodType<T>, text: string | null): T | null => {
    if (text === null) return null;
    try {
      const parsed = schema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  };
  const outcome = AuditEntry.shape.outcome.safeParse(r.outcome);
  return {
    id: r.id,
    startedAtMs: r.started_at_ms,
    updatedAtMs: r.updated_at_ms,
    endedAtMs: r.ended_at_ms,
    actor: { origin: r.actor_origin, user: r.actor_user, address: r.actor_address },
    deviceId: r.device_id,
    deviceName: r.device_name,
    targetKind: r.target_kind,
    target: r.target,
    instance: r.instance,
    oldSha256: r.old_sha256,
    newSha256: r.new_sha256,
    diff: r.diff,
    outcome: outcome.success ? outcome.data : 'interrupted',
    steps: json(z.array(PushStep), r.steps) ?? [],
    backupPath: r.backup_path,
    rollback: json(RollbackInfo, r.rollback),
    error: json(ErrorValue, r.error),
  };
}

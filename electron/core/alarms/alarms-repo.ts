import { Alarm, AlarmTransition, Silence, type AlarmState } from '../../../shared/alarms/alarm-model';
import { defaultRules } from '../../../shared/alarms/default-rules';
import { AlarmRule } from '../../../shared/alarms/rule-schema';
import { WebhookConfig } from '../../../shared/contract/methods-alarms';
import type { Severity } from '../../../shared/alarms/rule-schema';
import type { Db } from '../store/db';

interface AlarmRow {
  body: string;
}

/** Bumped by every change of rules, silences or webhooks, so the collecting engine sees another process's edit. */
const REVISION = 'revision';
const SEEDED = 'rules-seeded';

/**
 * The alarm tables (migration 8): rules, alarms and their transitions, acknowledgements, silences and
 * webhook receivers. Everything read back is validated again (a row that no longer parses is
 * skipped, not fatal); the first open seeds the default rules.
 */
export class AlarmsRepo {
  private readonly stmt: ReturnType<typeof statements>;

  constructor(private readonly db: Db) {
    this.stmt = statements(db);
    if (this.setting(SEEDED) === null) {
      db.transaction(() => {
        this.replaceRules(defaultRules());
        this.putSetting(SEEDED, '1');
      })();
    }
  }

  // --- rules ---------------------------------------------------------------

  rules(): AlarmRule[] {
    return (this.stmt.rules.all() as { definition: string }[]).flatMap((r) => parsed(AlarmRule, r.definition));
  }

  saveRule(rule: AlarmRule): void {
    this.db.transaction(() => {
      this.stmt.putRule.run(rule.id, JSON.stringify(rule), rule.id, Date.now());
      this.bump();
    })();
  }

  deleteRule(id: string): boolean {
    return this.db.transaction(() => {
      const n = this.stmt.deleteRule.run(id).changes;
      this.bump();
      return n > 0;
    })();
  }

  replaceRules(rules: readonly AlarmRule[]): void {
    this.db.transaction(() => {
      this.stmt.deleteRules.run();
      for (const r of rules) this.stmt.putRule.run(r.id, JSON.stringify(r), r.id, Date.now());
      this.bump();
    })();
  }

  /** A number that changes with every rule, silence or webhook edit (from any process on this folder). */
  revision(): number {
    return Number(this.setting(REVISION) ?? 0);
  }

  // --- alarms --------------------------------------------------------------

  /** Writes alarms' new states and their transitions in one transaction. */
  record(changes: readonly { alarm: Alarm; transition: AlarmTransition }[]): void {
    if (changes.length === 0) return;
    this.db.transaction(() => {
      for (const { alarm, transition } of changes) {
        this.stmt.putAlarm.run({ id: alarm.id, key: alarm.key, ruleId: alarm.ruleId, deviceId: alarm.deviceId, severity: alarm.severity, state: alarm.state, startedAtMs: alarm.startedAtMs, resolvedAtMs: alarm.resolvedAtMs, body: JSON.stringify(alarm) });
        this.stmt.transition.run(transition.alarmId, transition.tMs, transition.from, transition.to, transition.note);
      }
    })();
  }

  alarm(id: string): Alarm | null {
    const row = this.stmt.getAlarm.get(id) as AlarmRow | undefined;
    return row ? (parsed(Alarm, row.body)[0] ?? null) : null;
  }

  openAlarms(): Alarm[] {
    return (this.stmt.openAlarms.all() as AlarmRow[]).flatMap((r) => parsed(Alarm, r.body));
  }

  listAlarms(f: { deviceId?: string | undefined; severity?: Severity | undefined; states?: AlarmState[] | undefined; sinceMs?: number | undefined; limit: number }): Alarm[] {
    const where: string[] = [];
    const args: (string | number)[] = [];
    const when = (sql: string, ...values: (string | number)[]) => {
      where.push(sql);
      args.push(...values);
    };
    if (f.deviceId !== undefined) when('device_id = ?', f.deviceId);
    if (f.severity !== undefined) when('severity = ?', f.severity);
    if (f.sinceMs !== undefined) when('started_at_ms >= ?', f.sinceMs);
    if (f.states?.length) when(`state IN (${f.states.map(() => '?').join(', ')})`, ...f.states);
    const sql = `SELECT body FROM alarms ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY started_at_ms DESC, id LIMIT ?`;
    return (this.db.prepare(sql).all(...args, f.limit) as AlarmRow[]).flatMap((r) => parsed(Alarm, r.body));
  }

  transitions(id: string): AlarmTransition[] {
    return (this.stmt.transitions.all(id) as unknown[]).flatMap((r) => {
      const t = AlarmTransition.safeParse(r);
      return t.success ? [t.data] : [];
    });
  }

  // --- acknowledgements ----------------------------------------------------

  /** An acknowledgement to apply: `applied` when the collecting engine applied it already. */
  addAck(alarmId: string, by: string, comment: string, atMs: number, applied: boolean): void {
    this.stmt.ack.run(alarmId, by, comment, atMs, applied ? 1 : 0);
  }

  /** Acknowledgements another process (the CLI on this folder) wrote, each returned once. */
  takePendingAcks(): { alarmId: string; by: string; comment: string; atMs: number }[] {
    return this.db.transaction(() => {
      const rows = this.stmt.pendingAcks.all() as { seq: number; alarmId: string; by: string; comment: string; atMs: number }[];
      for (const r of rows) this.stmt.ackApplied.run(r.seq);
      return rows;
    })();
  }

  // --- silences ------------------------------------------------------------

  /** Silences that have not ended at `nowMs` (with includeExpired: every one of the last 30 days too). */
  silences(nowMs: number, includeExpired = false): Silence[] {
    return (this.stmt.silences.all(includeExpired ? nowMs - 30 * 86_400_000 : nowMs) as AlarmRow[]).flatMap((r) => parsed(Silence, r.body));
  }

  silence(id: string): Silence | null {
    const row = this.stmt.getSilence.get(id) as AlarmRow | undefined;
    return row ? (parsed(Silence, row.body)[0] ?? null) : null;
  }

  putSilence(s: Silence): void {
    this.db.transaction(() => {
      this.stmt.putSilence.run(s.id, s.endsAtMs, JSON.stringify(s));
      this.bump();
    })();
  }

  // --- webhooks ------------------------------------------------------------

  webhooks(): WebhookConfig[] {
    return (this.stmt.webhooks.all() as AlarmRow[]).flatMap((r) => parsed(WebhookConfig, r.body));
  }

  putWebhook(w: WebhookConfig): void {
    this.db.transaction(() => {
      this.stmt.putWebhook.run(w.id, JSON.stringify(w));
      this.bump();
    })();
  }

  deleteWebhook(id: string): boolean {
    return this.db.transaction(() => {
      const n = this.stmt.deleteWebhook.run(id).changes;
      this.bump();
      return n > 0;
    })();
  }

  private setting(key: string): string | null {
    return (this.stmt.setting.get(key) as { value: string } | undefined)?.value ?? null;
  }

  private putSetting(key: string, value: string): void {
    this.stmt.putSetting.run(key, value);
  }

  private bump(): void {
    this.putSetting(REVISION, String(this.revision() + 1));
  }
}

function parsed<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, json: string): T[] {
  try {
    const r = schema.safeParse(JSON.parse(json));
    return r.success ? [r.data] : [];
  } catch {
    return [];
  }
}

function statements(db: Db) {
  return {
    rules: db.prepare('SELECT definition FROM alarm_rules ORDER BY position, id'),
    putRule: db.prepare('INSERT INTO alarm_rules (id, definition, position, updated_at_ms) VALUES (?, ?, COALESCE((SELECT position FROM alarm_rules WHERE id = ?), (SELECT COALESCE(MAX(position), 0) + 1 FROM alarm_rules)), ?) ON CONFLICT (id) DO UPDATE SET definition = excluded.definition, updated_at_ms = excluded.updated_at_ms'),
    deleteRule: db.prepare('DELETE FROM alarm_rules WHERE id = ?'),
    deleteRules: db.prepare('DELETE FROM alarm_rules'),
    setting: db.prepare('SELECT value FROM alarm_settings WHERE key = ?'),
    putSetting: db.prepare('INSERT INTO alarm_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    putAlarm: db.prepare('INSERT INTO alarms (id, key, rule_id, device_id, severity, state, started_at_ms, resolved_at_ms, body) VALUES (@id, @key, @ruleId, @deviceId, @severity, @state, @startedAtMs, @resolvedAtMs, @body) ON CONFLICT (id) DO UPDATE SET state = excluded.state, resolved_at_ms = excluded.resolved_at_ms, body = excluded.body'),
    getAlarm: db.prepare('SELECT body FROM alarms WHERE id = ?'),
    openAlarms: db.prepare("SELECT body FROM alarms WHERE state <> 'resolved' ORDER BY started_at_ms DESC"),
    transition: db.prepare('INSERT INTO alarm_transitions (alarm_id, t_ms, from_state, to_state, note) VALUES (?, ?, ?, ?, ?)'),
    transitions: db.prepare('SELECT alarm_id AS alarmId, t_ms AS tMs, from_state AS "from", to_state AS "to", note FROM alarm_transitions WHERE alarm_id = ? ORDER BY t_ms, rowid'),
    ack: db.prepare('INSERT INTO alarm_acks (alarm_id, acked_by, comment, acked_at_ms, applied) VALUES (?, ?, ?, ?, ?)'),
    pendingAcks: db.prepare('SELECT seq, alarm_id AS alarmId, acked_by AS by, comment, acked_at_ms AS atMs FROM alarm_acks WHERE applied = 0 ORDER BY seq'),
    ackApplied: db.prepare('UPDATE alarm_acks SET applied = 1 WHERE seq = ?'),
    silences: db.prepare('SELECT body FROM alarm_silences WHERE ends_at_ms > ? ORDER BY ends_at_ms'),
    putSilence: db.prepare('INSERT INTO alarm_silences (id, ends_at_ms, body) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET ends_at_ms = excluded.ends_at_ms, body = excluded.body'),
    getSilence: db.prepare('SELECT body FROM alarm_silences WHERE id = ?'),
    webhooks: db.prepare('SELECT body FROM alarm_webhooks ORDER BY id'),
    putWebhook: db.prepare('INSERT INTO alarm_webhooks (id, body) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body'),
    deleteWebhook: db.prepare('DELETE FROM alarm_webhooks WHERE id = ?'),
  };
}

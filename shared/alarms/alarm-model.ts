import { z } from 'zod';
import { Severity } from './rule-schema';

/**
 * An alarm: one (rule, device, labels) that fired, from pending to resolved. Deduplicated by `key`:
 * while it lasts, a new breach of the same key is this alarm, not another. `groupKey` names the
 * notification group it went out in (one per rule: a GM failover on many slaves is one notice).
 */
export const AlarmState = z.enum(['pending', 'firing', 'acknowledged', 'resolved']);
export type AlarmState = z.infer<typeof AlarmState>;

export const AlarmAck = z.object({ by: z.string(), comment: z.string(), atMs: z.number() });
export type AlarmAck = z.infer<typeof AlarmAck>;

export const Alarm = z.object({
  id: z.string(),
  key: z.string(),
  ruleId: z.string(),
  ruleName: z.string(),
  kind: z.string(),
  severity: Severity,
  /** null for an alarm about several devices at once (topology). */
  deviceId: z.string().nullable(),
  deviceName: z.string().nullable(),
  labels: z.record(z.string(), z.string()),
  state: AlarmState,
  /** One English sentence: what is wrong, where, by how much. */
  summary: z.string(),
  value: z.number().nullable(),
  startedAtMs: z.number(),
  firedAtMs: z.number().nullable(),
  resolvedAtMs: z.number().nullable(),
  ack: AlarmAck.nullable(),
  /** A silence or maintenance window covers it: kept and shown, but nobody is notified. */
  silenced: z.boolean(),
  /** It fired and cleared too often lately: held firing until it stays clear, notified once. */
  flapping: z.boolean(),
  groupKey: z.string(),
  lastChangeMs: z.number(),
});
export type Alarm = z.infer<typeof Alarm>;

/** One step of an alarm's history (the store keeps every one). */
export const AlarmTransition = z.object({
  alarmId: z.string(),
  tMs: z.number(),
  from: AlarmState.nullable(),
  to: AlarmState,
  /** Who or what: `rule`, `ack by NAME: comment`, `silence ID` … */
  note: z.string(),
});
export type AlarmTransition = z.infer<typeof AlarmTransition>;

/** A silence (or a maintenance window: the same thing, named for what it is for) with an end time. */
export const SilenceMatch = z
  .object({
    ruleId: z.string().max(64).optional(),
    /** A device name or a glob over names (`lab-*`). */
    device: z.string().max(128).optional(),
    severity: Severity.optional(),
  })
  .strict();
export const Silence = z.object({
  id: z.string(),
  kind: z.enum(['silence', 'maintenance']),
  match: SilenceMatch,
  startsAtMs: z.number(),
  endsAtMs: z.number(),
  createdBy: z.string().max(64),
  comment: z.string().max(1000),
  createdAtMs: z.number(),
});
export type Silence = z.infer<typeof Silence>;

/** What one notification says: a group of alarms of one rule that fired, or all resolved (the recovery notice). */
export interface AlarmNotification {
  id: string;
  groupKey: string;
  ruleId: string;
  status: 'firing' | 'resolved';
  alerts: Alarm[];
  createdAtMs: number;
}

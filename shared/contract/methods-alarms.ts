import { z } from 'zod';
import { Alarm, AlarmState, AlarmTransition, Silence, SilenceMatch } from '../alarms/alarm-model';
import { AlarmRule, RuleFile, Severity } from '../alarms/rule-schema';
import { ErrorValue } from '../domain/errors';

/** Who acts, as the caller names them (a console's or the CLI's login name). */
const Operator = z.string().trim().min(1).max(64).regex(/^[\p{L}\p{N} ._@-]+$/u, 'operator may hold letters, digits, space and . _ @ -');

export const AlarmFilter = z.object({
  deviceId: z.string().optional(),
  severity: Severity.optional(),
  states: z.array(AlarmState).optional(),
  sinceMs: z.number().optional(),
  limit: z.number().int().min(1).max(10_000).default(500),
});

/** A webhook receiver: Alertmanager's webhook_config body, POSTed; retried with backoff until it answers 2xx. */
export const WebhookConfig = z.object({
  id: z.string().min(1).max(64).regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits and . _ -'),
  url: z.string().url().refine((u) => /^https?:\/\//.test(u), 'http:// or https:// only'),
  enabled: z.boolean().default(true),
  /** How long one POST may take before it counts as failed and is retried. */
  timeoutMs: z.number().int().min(100).max(60_000).default(5000),
  /** Only alarms of at least this severity (warning: all). */
  minSeverity: Severity.default('warning'),
});
export type WebhookConfig = z.output<typeof WebhookConfig>;

export const WebhookStatus = z.object({
  id: z.string(),
  url: z.string(),
  enabled: z.boolean(),
  /** Notifications waiting (first tries and retries). */
  pending: z.number().int(),
  delivered: z.number().int(),
  /** Failed attempts so far (each retried until delivered). */
  failedAttempts: z.number().int(),
  lastError: z.string().nullable(),
  lastErrorAtMs: z.number().nullable(),
  lastDeliveredAtMs: z.number().nullable(),
  nextAttemptAtMs: z.number().nullable(),
});
export type WebhookStatus = z.infer<typeof WebhookStatus>;

export const PreviewHit = z.object({
  deviceId: z.string().nullable(),
  deviceName: z.string().nullable(),
  labels: z.record(z.string(), z.string()),
  firedAtMs: z.number(),
  resolvedAtMs: z.number().nullable(),
  summary: z.string(),
});
export type PreviewHit = z.infer<typeof PreviewHit>;

const ConsistencyWarning = z.object({ ruleId: z.string(), device: z.string(), warning: ErrorValue });

/**
 * Alarms (joined into methods.ts): the alarms themselves (active, history, acknowledge), the rules
 * (list, save, delete, import/export as a versioned JSON file, preview over stored history, the
 * Prometheus export), silences and maintenance windows, and webhook receivers with their delivery state.
 */
export const alarmMethods = {
  /** Alarms newest first: by default every state; `states` narrows (history is `resolved`). */
  'alarms.list': { params: AlarmFilter.default({ limit: 500 }), result: z.array(Alarm) },
  /** Alarms not resolved (pending, firing, acknowledged), as the engine holds them now. */
  'alarms.active': { params: z.object({}).default({}), result: z.array(Alarm) },
  /** One alarm's every transition, oldest first. */
  'alarms.history': { params: z.object({ id: z.string() }), result: z.object({ alarm: Alarm, transitions: z.array(AlarmTransition) }) },
  'alarms.ack': { params: z.object({ id: z.string(), comment: z.string().max(1000).default(''), operator: Operator.optional() }), result: Alarm },
  'alarms.rules.list': { params: z.object({}).default({}), result: z.object({ rules: z.array(AlarmRule), warnings: z.array(ConsistencyWarning) }) },
  /** Adds or replaces a rule (by id). */
  'alarms.rules.save': { params: z.object({ rule: AlarmRule }), result: z.object({ rule: AlarmRule, warnings: z.array(ConsistencyWarning) }) },
  'alarms.rules.delete': { params: z.object({ id: z.string() }), result: z.object({ deleted: z.literal(true) }) },
  /** Replaces every rule with a file's (`replace`), or adds and updates by id (`merge`). */
  'alarms.rules.import': { params: z.object({ file: z.unknown(), mode: z.enum(['replace', 'merge']).default('merge') }), result: z.object({ imported: z.number().int(), total: z.number().int() }) },
  'alarms.rules.export': { params: z.object({}).default({}), result: RuleFile },
  /** The rules as Prometheus alerting rules (YAML over the /metrics names). */
  'alarms.rules.prometheus': { params: z.object({}).default({}), result: z.object({ yaml: z.string() }) },
  /** The default rules back (the ones a newcomer gets), replacing the current set. */
  'alarms.rules.reset': { params: z.object({}).default({}), result: z.object({ total: z.number().int() }) },
  /** What `rule` would have fired on over the last `minutes` of stored history (nothing is saved or sent). */
  'alarms.rules.preview': {
    params: z.object({ rule: AlarmRule, minutes: z.number().int().min(1).max(24 * 60).default(60) }),
    result: z.object({ hits: z.array(PreviewHit), devices: z.number().int(), points: z.number().int(), events: z.number().int() }),
  },
  'alarms.silences.list': { params: z.object({ includeExpired: z.boolean().default(false) }).default({ includeExpired: false }), result: z.array(Silence) },
  'alarms.silences.create': {
    params: z.object({ kind: z.enum(['silence', 'maintenance']).default('silence'), match: SilenceMatch, startsAtMs: z.number().optional(), endsAtMs: z.number(), comment: z.string().max(1000).default(''), operator: Operator.optional() }),
    result: Silence,
  },
  /** Ends a silence now (kept in the list as expired). */
  'alarms.silences.expire': { params: z.object({ id: z.string() }), result: Silence },
  'alarms.webhooks.list': { params: z.object({}).default({}), result: z.array(WebhookConfig) },
  'alarms.webhooks.save': { params: z.object({ webhook: WebhookConfig }), result: WebhookConfig },
  'alarms.webhooks.delete': { params: z.object({ id: z.string() }), result: z.object({ deleted: z.literal(true) }) },
  'alarms.webhooks.status': { params: z.object({}).default({}), result: z.array(WebhookStatus) },
} as const;

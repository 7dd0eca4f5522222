import { z } from 'zod';
import { isMetricKey, type MetricKey } from '../series/metric-catalog';

/**
 * Alarm rules as data: validated at every edge (contract, CLI import, the store), exported and
 * imported as JSON with a format version. One schema per kind (a table, not an if-chain); the
 * evaluator's conditions (conditions/*.ts) read the same shapes.
 */

export const RULES_FORMAT_VERSION = 1;

export const Severity = z.enum(['warning', 'critical']);
export type Severity = z.infer<typeof Severity>;

const Ms = z.number().int().min(0).max(7 * 24 * 3600 * 1000);
const Metric = z.string().refine(isMetricKey, 'not a metric of the catalog (shared/series/metric-catalog.ts)').transform((m) => m as MetricKey);

/**
 * Which devices a rule watches. Neither field: every device (global). `devices`: these device names
 * (a group as a list); `match`: a glob over names (`lab-*`, `*-gm?`), a group by naming convention.
 */
export const RuleScope = z
  .object({
    devices: z.array(z.string().min(1).max(128)).max(1000).optional(),
    match: z.string().min(1).max(128).optional(),
  })
  .strict();
export type RuleScope = z.infer<typeof RuleScope>;

const RuleId = z.string().min(1).max(64).regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits and . _ - (a stable name, e.g. offset-high)');

const common = {
  id: RuleId,
  name: z.string().trim().min(1).max(120),
  description: z.string().max(1000).optional(),
  enabled: z.boolean().default(true),
  severity: Severity,
  scope: RuleScope.default({}),
  /** Alerts of this rule that fire within this wait go out as one notification (a GM failover on many slaves). */
  groupWaitMs: Ms.default(2000),
};

/** Only series whose labels carry these values (a port, a counter name); absent: every series of the metric. */
const LabelMatch = z.record(z.string().max(64), z.string().max(128)).optional();

/** Fire after `forMs` of breach (or when `nOfM` of the last samples breach); clear after `clearForMs` on the clear side of `clearAt`. */
export const ThresholdRule = z
  .object({
    ...common,
    kind: z.literal('threshold'),
    metric: Metric,
    labels: LabelMatch,
    op: z.enum(['>', '<']),
    /** Compare |value| (an offset either side of zero). */
    abs: z.boolean().default(false),
    /** In the metric's unit (ns for offsets). */
    value: z.number(),
    forMs: Ms.default(0),
    nOfM: z.object({ n: z.number().int().min(1).max(1000), m: z.number().int().min(1).max(1000) }).refine((x) => x.n <= x.m, 'n must not exceed m').optional(),
    /** Hysteresis: clears only beyond this (≤ value for `>`, ≥ value for `<`); default the firing value. */
    clearAt: z.number().optional(),
    clearForMs: Ms.default(0),
  })
  .refine((r) => r.clearAt === undefined || (r.op === '>' ? r.clearAt <= r.value : r.clearAt >= r.value), { message: 'clearAt must lie on the clear side of value (hysteresis), or a sample could fire and clear at once', path: ['clearAt'] });

/** Per-second increase of a counter; a counter that went down was reset on the device, not a negative rate. */
export const RateRule = z.object({
  ...common,
  kind: z.literal('rate'),
  metric: Metric,
  labels: LabelMatch,
  /** Increase per second above which it fires. */
  perSecond: z.number().min(0),
  forMs: Ms.default(0),
  clearPerSecond: z.number().min(0).optional(),
  clearForMs: Ms.default(0),
});

/** A coded value (port state, servo state) not among `expected` for `forMs`. */
export const StateRule = z.object({
  ...common,
  kind: z.literal('state'),
  metric: Metric,
  labels: LabelMatch,
  expected: z.array(z.number().int()).min(1).max(32),
  forMs: Ms.default(0),
  clearForMs: Ms.default(0),
});

/**
 * A device event of kind `event` (gm-change, clock-class, steps-removed …): fires on it, stays firing
 * while changes go on, resolves after `settleMs` without another. `degradedOnly`: only a numeric
 * `to` above `from` (a worse clock class).
 */
export const ChangeRule = z.object({
  ...common,
  kind: z.literal('change'),
  event: z.string().min(1).max(64),
  degradedOnly: z.boolean().default(false),
  /** Ignore changes to the device's own clock (a slave passing through its own clock while it has no master). */
  ignoreLocalClock: z.boolean().default(false),
  settleMs: Ms.default(30_000),
});

/**
 * Nothing arrives: `device` — offline (unreachable) or not measuring (no-data) for `forMs`, a
 * deliberate disconnect is no outage; `series` — no fresh value of `metric` for `forMs` after one.
 */
export const AbsenceRule = z.object({
  ...common,
  kind: z.literal('absence'),
  of: z.enum(['device-offline', 'not-measuring', 'series']),
  metric: Metric.optional(),
  labels: LabelMatch,
  forMs: Ms.default(10_000),
}).refine((r) => r.of !== 'series' || r.metric !== undefined, { message: 'an absence of a series names its metric', path: ['metric'] });

/**
 * Device events matched by kind (any name: future kinds such as `config-push` need no code), their
 * `to` and detail fields: `count` matches within `windowMs` fire it, `quietMs` without one resolve it.
 * `line` is for log lines (notices, holdover), `security` for host keys and config pushes.
 */
const eventMatch = {
  event: z.string().min(1).max(64),
  to: z.array(z.string().max(256)).max(64).optional(),
  detail: z.record(z.string().max(64), z.array(z.union([z.string(), z.number(), z.boolean()])).max(64)).optional(),
  /** An event of the same kind with one of these `to` resolves it at once (holdover → locked). */
  clearTo: z.array(z.string().max(256)).max(64).optional(),
  count: z.number().int().min(1).max(10_000).default(1),
  windowMs: Ms.default(60_000),
  quietMs: Ms.default(60_000),
};
export const LineRule = z.object({ ...common, kind: z.literal('line'), ...eventMatch });
export const SecurityRule = z.object({ ...common, kind: z.literal('security'), ...eventMatch });

/**
 * Across devices of the scope (one PTP domain): several grandmasters followed at once; one device's
 * grandmaster changing more than `maxPerHour` times an hour; two grandmasters of equal priority1.
 */
export const TopologyRule = z.object({
  ...common,
  kind: z.literal('topology'),
  check: z.enum(['multiple-grandmasters', 'gm-flapping', 'priority1-collision']),
  maxPerHour: z.number().int().min(1).max(10_000).default(4),
  forMs: Ms.default(5_000),
  clearForMs: Ms.default(10_000),
});

export const AlarmRule = z.union([ThresholdRule, RateRule, StateRule, ChangeRule, AbsenceRule, LineRule, SecurityRule, TopologyRule]);
export type AlarmRule = z.output<typeof AlarmRule>;
export type AlarmRuleInput = z.input<typeof AlarmRule>;
export type RuleKind = AlarmRule['kind'];
export type RuleOf<K extends RuleKind> = Extract<AlarmRule, { kind: K }>;

export const RULE_KINDS = ['threshold', 'rate', 'state', 'change', 'absence', 'line', 'security', 'topology'] as const satisfies readonly RuleKind[];

/** An exported rule file: `{ "format": "syncscope-alarm-rules", "version": 1, "rules": [...] }`. */
export const RuleFile = z.object({
  format: z.literal('syncscope-alarm-rules'),
  version: z.literal(RULES_FORMAT_VERSION),
  rules: z.array(AlarmRule).max(10_000),
});
export type RuleFile = z.output<typeof RuleFile>;

export function ruleFile(rules: readonly AlarmRule[]): RuleFile {
  return { format: 'syncscope-alarm-rules', version: RULES_FORMAT_VERSION, rules: [...rules] };
}

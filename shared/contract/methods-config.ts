import { z } from 'zod';
import { DeviceId, InstanceName } from '../domain/device';
import { ErrorValue } from '../domain/errors';
import { PortState } from '../domain/ptp';
import { InterfaceName } from '../tsn/stats/interface-name';

/**
 * Reading and pushing a device's configuration safely (joined into methods.ts): read the current
 * file, preview a change (validation + diff + the hash the push must confirm), push it (backup,
 * atomic write, apply, verify, automatic rollback), and the audit log of every push.
 */

/** A SHA-256 as lowercase hex: what a preview showed and a push must confirm. */
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'hash must be 64 lowercase hex digits (a SHA-256)');

/** One ptp4l instance of a device: its config file is the instance's `configPath`. */
export const ConfigTarget = z.object({ deviceId: DeviceId, instance: InstanceName });
export type ConfigTarget = z.infer<typeof ConfigTarget>;

/** The text of a ptp4l.conf as an operator may push it: no NUL, at most 256 KiB. */
export const ConfigText = z
  .string()
  .max(256 * 1024, 'config text is larger than 256 KiB')
  .refine((t) => !t.includes('\0'), 'config text contains a NUL byte');

export const ConfigFile = z.object({
  deviceId: DeviceId,
  instance: z.string(),
  path: z.string(),
  text: z.string(),
  sha256: Sha256,
  sizeBytes: z.number().int(),
  readAtMs: z.number(),
  /** The command that applies a change to this instance (argv), or null: then a push is refused. */
  restartCommand: z.array(z.string()).nullable(),
});
export type ConfigFile = z.infer<typeof ConfigFile>;

/** One finding of the ptp4l.conf validator; `line` is 1-based in the new text. */
export const ValidationIssue = z.object({
  severity: z.enum(['error', 'warning']),
  line: z.number().int().nullable(),
  option: z.string().nullable(),
  message: z.string(),
});
export type ValidationIssue = z.infer<typeof ValidationIssue>;

export const ConfigValidation = z.object({
  /** False when any issue is an error: such a config is never pushed. */
  ok: z.boolean(),
  issues: z.array(ValidationIssue),
  /** What checked it, e.g. `ptp4l.conf table for linuxptp 3.1`. */
  checkedBy: z.string(),
});
export type ConfigValidation = z.infer<typeof ConfigValidation>;

/** One line of a line diff; numbers are 1-based in the old and new text. */
export const DiffLine = z.object({
  kind: z.enum(['same', 'add', 'remove']),
  oldLine: z.number().int().nullable(),
  newLine: z.number().int().nullable(),
  text: z.string(),
});
export type DiffLine = z.infer<typeof DiffLine>;

/** An option whose value changed (from/to null: added or removed), by section (`global`, a port's interface). */
export const OptionChange = z.object({ section: z.string(), option: z.string(), from: z.string().nullable(), to: z.string().nullable() });
export type OptionChange = z.infer<typeof OptionChange>;

export const ConfigDiff = z.object({
  /** `diff -u` style text (what the audit log keeps). */
  unified: z.string(),
  lines: z.array(DiffLine),
  /** Option-level changes, when the text could be read as a ptp4l.conf. */
  options: z.array(OptionChange),
  added: z.number().int(),
  removed: z.number().int(),
});
export type ConfigDiff = z.infer<typeof ConfigDiff>;

export const ConfigPreview = z.object({
  path: z.string(),
  /** The current file's hash: pass it as `confirmedSha256` to push exactly against what was previewed. */
  currentSha256: Sha256,
  newSha256: Sha256,
  unchanged: z.boolean(),
  validation: ConfigValidation,
  diff: ConfigDiff,
  /** Why a push would be refused (invalid config, no restart command …); empty when it may go. */
  blockers: z.array(ErrorValue),
});
export type ConfigPreview = z.infer<typeof ConfigPreview>;

/** How a push decides the device came back: ptp4l answers pmc and a port reaches one of these states in time. */
export const DEFAULT_EXPECTED_PORT_STATES = ['MASTER', 'SLAVE', 'PASSIVE'] as const;
export const DEFAULT_VERIFY_TIMEOUT_MS = 30_000;
export const VerifyOptions = z.object({
  expectedPortStates: z.array(PortState).min(1).default([...DEFAULT_EXPECTED_PORT_STATES]),
  timeoutMs: z.number().int().min(1_000).max(600_000).default(DEFAULT_VERIFY_TIMEOUT_MS),
});
export type VerifyOptions = z.output<typeof VerifyOptions>;

export const PUSH_STEPS = ['connect', 'read', 'validate', 'backup', 'write', 'apply', 'verify'] as const;
export const PushStepName = z.enum(PUSH_STEPS);
export type PushStepName = z.infer<typeof PushStepName>;
/** `rollback`: the steps that put the backup back after a failed push. */
export const PushPhase = z.enum(['push', 'rollback']);
export type PushPhase = z.infer<typeof PushPhase>;
export const StepState = z.enum(['running', 'ok', 'failed', 'skipped']);
export type StepState = z.infer<typeof StepState>;

export const PushStep = z.object({
  phase: PushPhase,
  step: PushStepName,
  state: StepState,
  startedAtMs: z.number(),
  endedAtMs: z.number().nullable(),
  /** What happened, for people (`backup /etc/ptp4l.conf.syncscope-20261208T010203Z`, `port 1 SLAVE after 2.1 s`). */
  detail: z.string().nullable(),
  error: ErrorValue.nullable(),
});
export type PushStep = z.infer<typeof PushStep>;

/**
 * - `running`: not finished (or the engine stopped during it: then `interrupted` once it restarts);
 * - `applied`: written, applied and verified;
 * - `unchanged`: the new text equals the device's file, nothing was done;
 * - `refused`: checked before anything reached the device (invalid config, changed since the preview, bad path);
 * - `failed`: failed before the device's file changed (it is as it was);
 * - `rolled-back`: failed after the file changed, and the backup was restored, applied and verified;
 * - `rollback-failed`: the backup could not be restored or does not run: the device needs a person.
 */
export const PUSH_OUTCOMES = ['running', 'applied', 'unchanged', 'refused', 'failed', 'rolled-back', 'rollback-failed', 'interrupted'] as const;
export const PushOutcome = z.enum(PUSH_OUTCOMES);
export type PushOutcome = z.infer<typeof PushOutcome>;

export const RollbackInfo = z.object({
  /** Why the push was rolled back. */
  reason: ErrorValue,
  result: z.enum(['restored', 'failed']),
  /** Why the rollback failed, when it did. */
  error: ErrorValue.nullable(),
});
export type RollbackInfo = z.infer<typeof RollbackInfo>;

/** What pmc read back at verify: each port's state and the values an operator usually changes. */
export const VerifiedState = z.object({
  ports: z.array(z.object({ portIdentity: z.string(), portState: PortState, logSyncInterval: z.number().int().nullable(), logAnnounceInterval: z.number().int().nullable() })),
  priority1: z.number().int().nullable(),
  priority2: z.number().int().nullable(),
  domainNumber: z.number().int().nullable(),
  afterMs: z.number(),
});
export type VerifiedState = z.infer<typeof VerifiedState>;

export const PushResult = z.object({
  auditId: z.string(),
  outcome: PushOutcome,
  steps: z.array(PushStep),
  backupPath: z.string().nullable(),
  rollback: RollbackInfo.nullable(),
  /** The first failure (the push's), when there was one. */
  error: ErrorValue.nullable(),
  verified: VerifiedState.nullable(),
  durationMs: z.number(),
});
export type PushResult = z.infer<typeof PushResult>;

export const AuditActor = z.object({ origin: z.string(), user: z.string().nullable(), address: z.string().nullable() });
export type AuditActor = z.infer<typeof AuditActor>;

export const AuditTargetKind = z.enum(['ptp4l-conf', 'tsn-qdisc']);
export type AuditTargetKind = z.infer<typeof AuditTargetKind>;

/** One push as the audit log keeps it, written before the push starts and updated at every step. */
export const AuditEntry = z.object({
  id: z.string(),
  startedAtMs: z.number(),
  updatedAtMs: z.number(),
  endedAtMs: z.number().nullable(),
  actor: AuditActor,
  deviceId: z.string(),
  /** As it was at the push (the device may since be renamed or removed). */
  deviceName: z.string(),
  targetKind: AuditTargetKind,
  /** The file's path, or the interface of a qdisc. */
  target: z.string(),
  instance: z.string().nullable(),
  oldSha256: z.string().nullable(),
  newSha256: z.string(),
  diff: z.string(),
  outcome: PushOutcome,
  steps: z.array(PushStep),
  backupPath: z.string().nullable(),
  rollback: RollbackInfo.nullable(),
  error: ErrorValue.nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  deviceId: DeviceId.optional(),
  outcome: PushOutcome.optional(),
  sinceMs: z.number().optional(),
  untilMs: z.number().optional(),
  limit: z.number().int().min(1).max(10_000).default(200),
});
export type AuditQuery = z.output<typeof AuditQuery>;

export const AuditExport = z.object({ format: z.enum(['csv', 'json']), fileName: z.string(), text: z.string(), rows: z.number().int() });
export type AuditExport = z.infer<typeof AuditExport>;

/** A push's progress, one event per step change (contract event `config.push.progress`). */
export const PushProgress = z.object({
  auditId: z.string(),
  deviceId: z.string(),
  phase: PushPhase,
  step: PushStepName,
  state: StepState,
  atMs: z.number(),
  detail: z.string().nullable(),
});
export type PushProgress = z.infer<typeof PushProgress>;

/** A TSN qdisc target: the interface (checked here, so `eth0; reboot` is refused before anything runs). */
export const QdiscTarget = z.object({ deviceId: DeviceId, iface: InterfaceName });
export type QdiscTarget = z.infer<typeof QdiscTarget>;

/** What `tc -j qdisc show dev IF` says now: its text (what a push confirms by hash) and each qdisc as its command when Syncscope models it. */
export const QdiscFile = z.object({
  deviceId: DeviceId,
  iface: z.string(),
  text: z.string(),
  sha256: Sha256,
  readAtMs: z.number(),
  qdiscs: z.array(z.object({ kind: z.string(), handle: z.string().nullable(), parent: z.string().nullable(), command: z.string().nullable() })),
});
export type QdiscFile = z.infer<typeof QdiscFile>;

/**
 * How long a client waits for a push's answer: the longest push (connect, apply 60 s, verify up to
 * 10 min, and a rollback's reconnect, apply and verify again) ends well within it. Progress comes
 * as events meanwhile; a client gone before the answer finds the outcome in the audit log.
 */
export const PUSH_REQUEST_TIMEOUT_MS = 30 * 60_000;
export const LONG_REQUESTS_MS: Readonly<Record<string, number>> = { 'config.push': PUSH_REQUEST_TIMEOUT_MS, 'config.qdiscPush': PUSH_REQUEST_TIMEOUT_MS };

export const configMethods = {
  /** The instance's current ptp4l.conf as the device has it (read over its transport). */
  'config.read': {
    params: ConfigTarget,
    result: ConfigFile,
  },
  /** Validates `text` and diffs it against the device's current file; nothing is written. */
  'config.preview': {
    params: ConfigTarget.extend({ text: ConfigText }),
    result: ConfigPreview,
  },
  /**
   * Backs up, writes atomically, applies (the instance's restart command) and verifies; rolls back
   * by itself on any failure. Refused when the file changed since the preview (`confirmedSha256`).
   * Progress comes as `config.push.progress` events; the answer comes when the push has ended.
   */
  'config.push': {
    params: ConfigTarget.extend({ text: ConfigText, confirmedSha256: Sha256, verify: VerifyOptions.prefault({}) }),
    result: PushResult,
  },
  /** An interface's qdiscs as the device has them now. */
  'config.qdiscRead': {
    params: QdiscTarget,
    result: QdiscFile,
  },
  /** Validates a taprio/cbs/etf/mqprio model (JSON text, as `syncscope tsn plan` reads it) and diffs its tc command against the interface's qdiscs. `path` in the answer is the interface. */
  'config.qdiscPreview': {
    params: QdiscTarget.extend({ model: ConfigText }),
    result: ConfigPreview,
  },
  /**
   * Applies the model with `tc qdisc replace` (delete-then-add where the driver refuses a replace),
   * verifies with `tc -j qdisc show`, and puts the previous qdisc back on any failure. The device's
   * own words (e.g. "Device failed to setup taprio offload") are in the error verbatim.
   */
  'config.qdiscPush': {
    params: QdiscTarget.extend({ model: ConfigText, confirmedSha256: Sha256 }),
    result: PushResult,
  },
  /** The audit log, newest first. */
  'config.audit': {
    params: AuditQuery,
    result: z.array(AuditEntry),
  },
  /** The audit log as a CSV (spreadsheet-safe) or JSON file's text. */
  'config.auditExport': {
    params: AuditQuery.extend({ format: z.enum(['csv', 'json']).default('csv') }),
    result: AuditExport,
  },
} as const;

import type { AuditTargetKind, ConfigValidation, VerifiedState } from '../../../shared/contract/methods-config';
import type { DeviceIo } from './push-session';

/** What a target holds now: its text (a file, a qdisc as its tc command) and that text's hash. */
export interface TargetState {
  text: string;
  sha256: string;
  /** What else reading found, for the step's detail (`linuxptp 3.1.1`). */
  detail: string;
  /** The device's linuxptp version text, when the target asked. */
  linuxptpVersion?: string | null;
}

export interface StepOutcome {
  detail: string;
  verified?: VerifiedState | null;
}

/**
 * One kind of thing a push changes on a device (a ptp4l.conf, a TSN qdisc): each step of the
 * pipeline (push-pipeline.ts) is one method here. Every method may be called again on a new
 * connection after a drop, so each is idempotent.
 */
export interface PushTarget {
  readonly kind: AuditTargetKind;
  /** The file's path or the interface, as the audit log names it. */
  readonly target: string;
  read(io: DeviceIo): Promise<TargetState>;
  validate(newText: string, current: TargetState): ConfigValidation;
  /** Keeps what is there, on the device; returns where (for the audit log and a person). */
  backup(io: DeviceIo, current: TargetState, atMs: number): Promise<string | null>;
  write(io: DeviceIo, newText: string, newSha256: string): Promise<StepOutcome>;
  apply(io: DeviceIo): Promise<StepOutcome>;
  /** Resolves once the device runs `text` as expected; rejects with why not. */
  verify(io: DeviceIo, text: string): Promise<StepOutcome>;
  /** Puts `previous` back (the rollback's write). */
  restore(io: DeviceIo, previous: TargetState): Promise<StepOutcome>;
  /** Makes the device run what restore put back (the rollback's apply: a restart; nothing where restore applied it already). */
  applyRestored(io: DeviceIo): Promise<StepOutcome>;
  /** Resolves once the device runs `previous` again (less strict than verify: the old state need not have been one the push expects). */
  verifyRestored(io: DeviceIo, previous: TargetState): Promise<StepOutcome>;
}

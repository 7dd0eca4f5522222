import type { AuditEntry, PushOutcome, PushPhase, PushProgress, PushStep, PushStepName, RollbackInfo } from '../../../shared/contract/methods-config';
import type { ErrorValue } from '../../../shared/domain/errors';
import type { AuditRepo } from './audit-repo';

/** What is known of a push before it starts; the rest of its audit row fills in as it goes. */
export type PushStart = Pick<AuditEntry, 'id' | 'actor' | 'deviceId' | 'deviceName' | 'targetKind' | 'target' | 'instance' | 'newSha256'>;

/** The audit row of a push that is about to start. */
export function startEntry(start: PushStart, nowMs = Date.now()): AuditEntry {
  return { ...start, startedAtMs: nowMs, updatedAtMs: nowMs, endedAtMs: null, oldSha256: null, diff: '', outcome: 'running', steps: [], backupPath: null, rollback: null, error: null };
}

/**
 * One push's audit row and progress: every step's start and end is written to the row (before the
 * step's work goes on) and told to every console as a `config.push.progress` event.
 */
export class PushRecorder {
  private current: PushStep | null = null;

  constructor(
    private entry: AuditEntry,
    private readonly repo: Pick<AuditRepo, 'insert' | 'update'>,
    private readonly progress: (p: PushProgress) => void,
  ) {
    repo.insert(entry);
  }

  get id(): string {
    return this.entry.id;
  }

  get steps(): readonly PushStep[] {
    return this.entry.steps;
  }

  get snapshot(): AuditEntry {
    return this.entry;
  }

  start(phase: PushPhase, step: PushStepName, detail: string | null = null): void {
    const s: PushStep = { phase, step, state: 'running', startedAtMs: Date.now(), endedAtMs: null, detail, error: null };
    this.current = s;
    this.write({ steps: [...this.entry.steps, s] });
    this.tell(s);
  }

  /** Ends the running step. */
  end(state: 'ok' | 'failed' | 'skipped', detail: string | null, error: ErrorValue | null = null): void {
    const s = this.current;
    if (!s) return;
    const done: PushStep = { ...s, state, endedAtMs: Date.now(), detail: detail ?? s.detail, error };
    this.current = null;
    this.write({ steps: this.entry.steps.map((x) => (x === s ? done : x)) });
    this.tell(done);
  }

  /** A step that did not run (said so the list of steps is complete). */
  skip(phase: PushPhase, step: PushStepName, detail: string): void {
    this.start(phase, step, detail);
    this.end('skipped', detail);
  }

  /** What became known along the way (the file's hash and diff, the backup's path). */
  note(fields: Partial<Pick<AuditEntry, 'oldSha256' | 'diff' | 'backupPath'>>): void {
    this.write(fields);
  }

  finish(outcome: Exclude<PushOutcome, 'running'>, error: ErrorValue | null, rollback: RollbackInfo | null): AuditEntry {
    this.write({ outcome, error, rollback, endedAtMs: Date.now() });
    return this.entry;
  }

  private write(fields: Partial<AuditEntry>): void {
    this.entry = { ...this.entry, ...fields, updatedAtMs: Date.now() };
    this.repo.update(this.entry);
  }

  private tell(s: PushStep): void {
    this.progress({ auditId: this.entry.id, deviceId: this.entry.deviceId, phase: s.phase, step: s.step, state: s.state, atMs: s.endedAtMs ?? s.startedAtMs, detail: s.detail });
  }
}

import type { PushPhase, PushResult, PushStepName, RollbackInfo, VerifiedState } from '../../../shared/contract/methods-config';
import { errorValueOf, SyncscopeError, type ErrorValue } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import type { PushRecorder } from './push-recorder';
import { RECONNECT_WINDOW_MS, type DeviceIo, type PushSession } from './push-session';
import type { PushTarget, StepOutcome, TargetState } from './push-target';

export interface PushRequest {
  target: PushTarget;
  session: PushSession;
  recorder: PushRecorder;
  newText: string;
  newSha256: string;
  /** The current file's hash as the operator previewed it: anything else there now refuses the push. */
  confirmedSha256: string;
  /** Shown in the audit log: the diff against what the device really holds, once read. */
  diffOf(current: TargetState): string;
  reconnectWindowMs?: number;
}

/** A step that failed, with the error a person sees. */
class StepFailed extends Error {
  constructor(readonly error: ErrorValue) {
    super(error.message);
  }
}

/**
 * The safe push, step by step: connect → read (and check it is what was previewed) → validate →
 * back up on the device → write atomically → apply → verify. Any failure once the file may have
 * changed rolls back by itself: reconnect if the connection went, read what is there, and when it
 * is not the old file (or the new one was applied) restore the old one, apply and verify again.
 * Every step is in the audit row before its work starts. Never throws: the result says what happened.
 */
export async function runPush(req: PushRequest): Promise<PushResult> {
  const started = performance.now();
  const { target, session, recorder } = req;
  let backupPath: string | null = null;
  let verified: VerifiedState | null = null;
  let current: TargetState | null = null;
  let applyStarted = false;

  const step = async <T>(phase: PushPhase, name: PushStepName, work: () => Promise<T>, detailOf: (v: T) => string | null): Promise<T> => {
    recorder.start(phase, name);
    try {
      const value = await work();
      recorder.end('ok', detailOf(value));
      return value;
    } catch (err) {
      const error = lost(err, name);
      recorder.end('failed', null, error);
      throw new StepFailed(error);
    }
  };
  const lost = (err: unknown, name: PushStepName): ErrorValue => {
    if (err instanceof StepFailed) return err.error;
    const value = errorValueOf(err);
    if (session.connected) return value;
    session.dropped();
    return catalogError('config-push.connection-lost', { device: session.owner.device, step: name, detail: value.message }, { deviceId: session.owner.deviceId });
  };
  const result = (outcome: PushResult['outcome'], error: ErrorValue | null, rollback: RollbackInfo | null): PushResult => {
    const entry = recorder.finish(outcome as Exclude<PushResult['outcome'], 'running'>, error, rollback);
    return { auditId: entry.id, outcome, steps: entry.steps, backupPath, rollback, error, verified, durationMs: performance.now() - started };
  };

  // Until the write starts nothing on the device has changed: a failure is just a failure.
  let io: DeviceIo;
  try {
    io = await step('push', 'connect', () => session.io(), (d) => `${d.transport.kind}, files over ${d.files.how}`);
    current = await step('push', 'read', () => target.read(io), (s) => s.detail);
    const state = current;
    recorder.note({ oldSha256: state.sha256, diff: req.diffOf(state) });
    if (state.sha256 === req.newSha256) {
      recorder.skip('push', 'validate', 'the device holds this text already: nothing to do');
      return result('unchanged', null, null);
    }
    await step(
      'push',
      'validate',
      async () => {
        if (state.sha256 !== req.confirmedSha256) {
          throw new SyncscopeError(catalogError('config-push.changed-since-preview', { device: session.owner.device, path: target.target, previewed: short(req.confirmedSha256), current: short(state.sha256) }, { deviceId: session.owner.deviceId }));
        }
        const validation = target.validate(req.newText, state);
        const errors = validation.issues.filter((i) => i.severity === 'error');
        if (!validation.ok || errors.length > 0) {
          const first = errors[0];
          throw new SyncscopeError(catalogError('config-push.invalid-config', { device: session.owner.device, count: errors.length, first: first ? `${first.line ? `line ${first.line}: ` : ''}${first.message}` : 'invalid' }, { deviceId: session.owner.deviceId }));
        }
        return validation;
      },
      (v) => `${v.checkedBy}: ${v.issues.length ? `${v.issues.length} warning(s)` : 'no issue'}`,
    );
  } catch (err) {
    const error = err instanceof StepFailed ? err.error : errorValueOf(err);
    return result(isRefusal(error) ? 'refused' : 'failed', error, null);
  }

  try {
    backupPath = await step('push', 'backup', () => target.backup(io, current as TargetState, Date.now()), (p) => (p ? `kept as ${p}` : 'the previous state is kept by this push (and in its audit entry)'));
    recorder.note({ backupPath });
  } catch (err) {
    return result('failed', (err as StepFailed).error, null);
  }

  let reason: ErrorValue;
  try {
    await step('push', 'write', () => target.write(io, req.newText, req.newSha256), (o) => o.detail);
    applyStarted = true;
    await step('push', 'apply', () => target.apply(io), (o) => o.detail);
    const v = await step('push', 'verify', () => target.verify(io, req.newText), (o) => o.detail);
    verified = v.verified ?? null;
    return result('applied', null, null);
  } catch (err) {
    reason = err instanceof StepFailed ? err.error : errorValueOf(err);
  }

  // Roll back: the device may hold the new file, and may run it.
  const previous = current as TargetState;
  const window = req.reconnectWindowMs ?? RECONNECT_WINDOW_MS;
  /** A rollback step gets a second try on a new connection when the first lost its connection. */
  const again = async <T extends StepOutcome>(name: PushStepName, work: (io: DeviceIo) => Promise<T>): Promise<T> => {
    try {
      return await step('rollback', name, async () => work(session.connected ? io : (io = await session.reconnect(window, backupPath))), (o) => o.detail);
    } catch (err) {
      if (session.connected) throw err;
      return step('rollback', name, async () => work((io = await session.reconnect(window, backupPath))), (o) => o.detail);
    }
  };
  try {
    if (!applyStarted) {
      // The write failed: atomic, so the old file is normally still there; then nothing needs undoing.
      const now = await again('read', async (d) => {
        const same = (await target.read(d)).sha256 === previous.sha256;
        return { same, detail: same ? 'the file is as it was: nothing to restore' : 'the file changed: restoring' };
      });
      if (now.same) return result('failed', reason, null);
    }
    await again('write', (d) => target.restore(d, previous));
    await again('apply', (d) => target.applyRestored(d));
    await again('verify', (d) => target.verifyRestored(d, previous));
    return result('rolled-back', reason, { reason, result: 'restored', error: null });
  } catch (err) {
    const error = err instanceof StepFailed ? err.error : errorValueOf(err);
    const last = recorder.steps.at(-1);
    const wrapped =
      error.messageId === 'config-push.reconnect-failed'
        ? error
        : catalogError('config-push.rollback-failed', { device: session.owner.device, path: target.target, step: last?.step ?? 'rollback', detail: error.message, backup: backupPath ?? '(none)' }, { deviceId: session.owner.deviceId });
    return result('rollback-failed', reason, { reason, result: 'failed', error: wrapped });
  }
}

/** Refused: checked before anything was written (the operator's input or the file's hash). */
function isRefusal(e: ErrorValue): boolean {
  return e.code === 'invalid-input' || e.messageId === 'config-push.changed-since-preview';
}

export function short(sha: string): string {
  return sha.slice(0, 12);
}

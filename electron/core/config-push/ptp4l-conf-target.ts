import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ConfigValidation, VerifyOptions } from '../../../shared/contract/methods-config';
import type { ConfigChecker } from '../../../shared/config-push/config-check';
import type { PtpInstance } from '../../../shared/domain/device';
import { errorValueOf, SyncscopeError } from '../../../shared/domain/errors';
import type { PortState } from '../../../shared/domain/ptp';
import { catalogError } from '../../../shared/errors/catalog';
import { parsePtpConf } from '../../../shared/ptpconf';
import { backupPathFor, checkedPath, type FilesOwner } from './device-files';
import { mismatches, portStatesText, reachedState, readPtp4l, type ExpectedValues } from './ptp4l-readback';
import type { DeviceIo } from './push-session';
import type { PushTarget, StepOutcome, TargetState } from './push-target';
import { runRestart } from './restart-command';

/** Between two pmc reads while waiting for ptp4l to come back. */
const VERIFY_EVERY_MS = 500;
/** A restored config is running again when ptp4l answers in any of these (the old state need not have been a synchronized one). */
const RUNNING_STATES: readonly PortState[] = ['LISTENING', 'PRE_MASTER', 'MASTER', 'PASSIVE', 'UNCALIBRATED', 'SLAVE', 'GRAND_MASTER'];

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface Ptp4lTargetSpec {
  owner: FilesOwner;
  /** The instance, with its configPath (checked by the caller); without a restartCommand nothing can be applied. */
  instance: PtpInstance & { configPath: string };
  checker: ConfigChecker;
  verify: VerifyOptions;
}

/** A ptp4l instance's ptp4l.conf: backed up beside itself, replaced atomically, applied by the instance's restart command, verified through pmc. */
export class Ptp4lConfTarget implements PushTarget {
  readonly kind = 'ptp4l-conf';
  readonly target: string;

  constructor(private readonly spec: Ptp4lTargetSpec) {
    this.target = checkedPath(spec.instance.configPath, 'configPath');
  }

  async read(io: DeviceIo): Promise<TargetState> {
    const text = await io.files.read(this.target);
    const version = await linuxptpVersion(io);
    return { text, sha256: sha256Hex(text), linuxptpVersion: version, detail: `${Buffer.byteLength(text)} bytes; linuxptp ${version ?? 'version unknown'}` };
  }

  validate(newText: string, current: TargetState): ConfigValidation {
    return this.spec.checker.validate(newText, current.linuxptpVersion ?? null);
  }

  async backup(io: DeviceIo, current: TargetState, atMs: number): Promise<string> {
    const path = backupPathFor(this.target, atMs);
    await io.files.replace(path, current.text, 'back up', this.target);
    return path;
  }

  async write(io: DeviceIo, newText: string, newSha256: string): Promise<StepOutcome> {
    await io.files.replace(this.target, newText, 'replace');
    await this.readBack(io, newSha256);
    return { detail: `${Buffer.byteLength(newText)} bytes written over ${io.files.how} and renamed into place` };
  }

  async apply(io: DeviceIo): Promise<StepOutcome> {
    const { restartCommand, name } = this.spec.instance;
    if (!restartCommand) throw new SyncscopeError(catalogError('config-push.no-restart-command', { device: this.spec.owner.device, instance: name }, { deviceId: this.spec.owner.deviceId }));
    return runRestart(io.transport, this.spec.owner, restartCommand);
  }

  /** The restored file runs once ptp4l restarts, as the new one would have. */
  applyRestored(io: DeviceIo): Promise<StepOutcome> {
    return this.apply(io);
  }

  verify(io: DeviceIo, text: string): Promise<StepOutcome> {
    return this.waitFor(io, text, this.spec.verify.expectedPortStates);
  }

  async restore(io: DeviceIo, previous: TargetState): Promise<StepOutcome> {
    await io.files.replace(this.target, previous.text, 'restore');
    await this.readBack(io, previous.sha256);
    return { detail: `the previous ${this.target} is back (${previous.sha256.slice(0, 12)})` };
  }

  verifyRestored(io: DeviceIo, previous: TargetState): Promise<StepOutcome> {
    return this.waitFor(io, previous.text, RUNNING_STATES);
  }

  private async readBack(io: DeviceIo, expected: string): Promise<void> {
    const found = sha256Hex(await io.files.read(this.target));
    if (found !== expected) {
      throw new SyncscopeError(catalogError('config-push.write-mismatch', { device: this.spec.owner.device, path: this.target, found: found.slice(0, 12), expected: expected.slice(0, 12) }, { deviceId: this.spec.owner.deviceId }));
    }
  }

  /**
   * Reads ptp4l through pmc until a port is in one of `states` and the clock shows the config's own
   * values (priority1 …: a ptp4l that was not restarted still answers, with the old ones), or the timeout.
   */
  private async waitFor(io: DeviceIo, text: string, states: readonly PortState[]): Promise<StepOutcome> {
    const { udsPath, configPath, name } = this.spec.instance;
    const expected = expectedValues(this.spec.checker, text);
    const startedAt = performance.now();
    const deadline = startedAt + this.spec.verify.timeoutMs;
    let last = 'no answer yet';
    let answered = false;
    for (;;) {
      try {
        const read = await readPtp4l(io.transport, udsPath, configPath);
        if (read.answered) {
          answered = true;
          const wrong = mismatches(read.state, expected);
          last = wrong.length ? `${portStatesText(read.state)}; not yet the config's ${wrong.join(', ')}` : portStatesText(read.state);
          if (wrong.length === 0 && reachedState(read.state, states)) {
            const afterMs = Math.round(performance.now() - startedAt);
            return { detail: `${portStatesText(read.state)} after ${(afterMs / 1000).toFixed(1)} s`, verified: { ...read.state, afterMs } };
          }
        } else last = read.why;
      } catch (err) {
        // The connection is the pipeline's to judge; a slow pmc is just another try.
        if (io.transport.state !== 'connected') throw err;
        last = errorValueOf(err).message;
      }
      if (performance.now() + VERIFY_EVERY_MS > deadline) break;
      await sleep(VERIFY_EVERY_MS);
    }
    const seconds = Math.round(this.spec.verify.timeoutMs / 1000);
    const ref = { deviceId: this.spec.owner.deviceId };
    throw new SyncscopeError(
      answered
        ? catalogError('config-push.verify-state', { device: this.spec.owner.device, instance: name, expected: states.join('/'), seconds, seen: last }, ref)
        : catalogError('config-push.verify-not-running', { device: this.spec.owner.device, instance: name, seconds, detail: last }, ref),
    );
  }
}

/** The clock-wide values a config sets that pmc shows (logSyncInterval only when no port section sets its own). */
export function expectedValues(checker: ConfigChecker, text: string): ExpectedValues {
  const out: ExpectedValues = {};
  const num = (option: string): number | undefined => {
    const v = checker.globalValue(text, option);
    return v !== null && /^-?\d+$/.test(v.trim()) ? Number(v) : undefined;
  };
  const set = <K extends keyof ExpectedValues>(k: K, v: number | undefined) => {
    if (v !== undefined) out[k] = v;
  };
  set('priority1', num('priority1'));
  set('priority2', num('priority2'));
  set('domainNumber', num('domainNumber'));
  const perPort = parsePtpConf(text).lines.some((l) => l.kind === 'option' && l.section?.kind === 'port' && l.key === 'logSyncInterval');
  if (!perPort) set('logSyncInterval', num('logSyncInterval'));
  return out;
}

/** `ptp4l -v` on the device (the validator's table is per release); null when it says nothing usable. */
async function linuxptpVersion(io: DeviceIo): Promise<string | null> {
  try {
    const res = await io.transport.exec(['ptp4l', '-v'], { timeoutMs: 5_000, maxOutputBytes: 4096 });
    const text = `${res.stdout}\n${res.stderr}`.trim().split('\n')[0]?.trim() ?? '';
    return res.exitCode === 0 && /^v?\d+\.\d+/.test(text) ? text : null;
  } catch (err) {
    if (io.transport.state !== 'connected') throw err;
    return null;
  }
}

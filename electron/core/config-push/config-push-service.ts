import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import type { Actor } from '../../../shared/contract/envelope';
import type { AuditActor, AuditEntry, AuditExport, AuditQuery, ConfigFile, ConfigPreview, PushProgress, PushResult, QdiscFile, VerifyOptions } from '../../../shared/contract/methods-config';
import { exportAudit } from '../../../shared/config-push/audit-export';
import type { ConfigChecker } from '../../../shared/config-push/config-check';
import { unifiedDiff } from '../../../shared/config-push/unified-diff';
import { SyncscopeError, type ErrorValue } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import { diffLines } from '../../../shared/ptpconf';
import type { Collection } from '../collect/collection';
import type { HostKeys } from '../hostkeys/host-keys';
import type { Logger } from '../log';
import type { DeviceConnectSpec, DevicesRepo } from '../store/devices-repo';
import { createTransport } from '../transport/registry';
import type { AuditRepo } from './audit-repo';
import { sha256Hex, Ptp4lConfTarget } from './ptp4l-conf-target';
import { runPush } from './push-pipeline';
import { PushRecorder, startEntry } from './push-recorder';
import { PushSession } from './push-session';
import type { PushTarget, TargetState } from './push-target';
import { newQdiscText, qdiscCommandsText, qdiscList, QdiscTarget } from './qdisc-target';

export interface ConfigPushDeps {
  devices: Pick<DevicesRepo, 'get' | 'connectSpec'>;
  audit: AuditRepo;
  checker: ConfigChecker;
  /** The collecting engine's collectors (a serial console's one shell is theirs); null in a CLI engine. */
  collection: Pick<Collection, 'collector'> | null;
  hostKeys?: Pick<HostKeys, 'verifierFor'>;
  progress(p: PushProgress): void;
  log: Logger;
  /** How long a push keeps trying to reach a device that dropped mid-push (tests shorten it). */
  reconnectWindowMs?: number;
}

interface Resolved {
  spec: DeviceConnectSpec;
  instance: DeviceConnectSpec['instances'][number];
  configPath: string;
}

/**
 * The config rows of the contract: read a ptp4l instance's config, preview a change, push it
 * through the safe pipeline (one push per device at a time), and the audit log.
 */
export class ConfigPushService {
  private readonly busy = new Set<string>();

  constructor(private readonly deps: ConfigPushDeps) {}

  async read(deviceId: string, instanceName: string): Promise<ConfigFile> {
    const r = this.resolve(deviceId, instanceName);
    const target = this.target(r, { expectedPortStates: ['SLAVE'], timeoutMs: 1_000 });
    return this.withSession(r.spec, async (session) => {
      const state = await target.read(await session.io());
      return {
        deviceId,
        instance: r.instance.name,
        path: r.configPath,
        text: state.text,
        sha256: state.sha256,
        sizeBytes: Buffer.byteLength(state.text),
        readAtMs: Date.now(),
        restartCommand: r.instance.restartCommand ?? null,
      };
    });
  }

  async preview(deviceId: string, instanceName: string, text: string): Promise<ConfigPreview> {
    const r = this.resolve(deviceId, instanceName);
    const target = this.target(r, { expectedPortStates: ['SLAVE'], timeoutMs: 1_000 });
    const current = await this.withSession(r.spec, async (session) => target.read(await session.io()));
    const validation = target.validate(text, current);
    const newSha256 = sha256Hex(text);
    const blockers: ErrorValue[] = [];
    const errors = validation.issues.filter((i) => i.severity === 'error');
    if (!validation.ok) blockers.push(catalogError('config-push.invalid-config', { device: r.spec.name, count: errors.length, first: errors[0] ? `${errors[0].line ? `line ${errors[0].line}: ` : ''}${errors[0].message}` : 'invalid' }, { deviceId }));
    if (!r.instance.restartCommand) blockers.push(this.noRestart(r));
    const lines = diffLines(current.text, text);
    return {
      path: r.configPath,
      currentSha256: current.sha256,
      newSha256,
      unchanged: newSha256 === current.sha256,
      validation,
      diff: {
        unified: unifiedDiff(lines, `${r.configPath} (device)`, `${r.configPath} (new)`),
        lines,
        options: this.deps.checker.optionChanges(current.text, text),
        added: lines.filter((l) => l.kind === 'add').length,
        removed: lines.filter((l) => l.kind === 'remove').length,
      },
      blockers,
    };
  }

  async push(params: { deviceId: string; instance: string; text: string; confirmedSha256: string; verify: VerifyOptions }, actor: Actor): Promise<PushResult> {
    const r = this.resolve(params.deviceId, params.instance);
    return this.runTarget(r.spec, actor, { kind: 'ptp4l-conf', target: r.configPath, instance: r.instance.name }, params, async (recorder) => {
      if (r.instance.restartCommand) return this.target(r, params.verify);
      const error = this.noRestart(r);
      const entry = recorder.finish('refused', error, null);
      return { auditId: entry.id, outcome: 'refused', steps: [], backupPath: null, rollback: null, error, verified: null, durationMs: 0 };
    });
  }

  async qdiscRead(deviceId: string, iface: string): Promise<QdiscFile> {
    const spec = this.spec(deviceId);
    const target = new QdiscTarget(iface, { device: spec.name, deviceId });
    const state = await this.withSession(spec, async (session) => target.read(await session.io()));
    return { deviceId, iface, text: state.text, sha256: state.sha256, readAtMs: Date.now(), qdiscs: qdiscList(state.text, iface) };
  }

  async qdiscPreview(deviceId: string, iface: string, model: string): Promise<ConfigPreview> {
    const spec = this.spec(deviceId);
    const target = new QdiscTarget(iface, { device: spec.name, deviceId });
    const current = await this.withSession(spec, async (session) => target.read(await session.io()));
    const validation = target.validate(model);
    const newSha256 = sha256Hex(model);
    const errors = validation.issues.filter((i) => i.severity === 'error');
    const blockers = validation.ok ? [] : [catalogError('config-push.invalid-config', { device: spec.name, count: errors.length, first: errors[0]?.message ?? 'invalid' }, { deviceId })];
    const lines = diffLines(qdiscCommandsText(current.text, iface), newQdiscText(model, iface));
    return {
      path: iface,
      currentSha256: current.sha256,
      newSha256,
      unchanged: false,
      validation,
      diff: { unified: unifiedDiff(lines, `${iface} (device)`, `${iface} (new)`), lines, options: [], added: lines.filter((l) => l.kind === 'add').length, removed: lines.filter((l) => l.kind === 'remove').length },
      blockers,
    };
  }

  qdiscPush(params: { deviceId: string; iface: string; model: string; confirmedSha256: string }, actor: Actor): Promise<PushResult> {
    const spec = this.spec(params.deviceId);
    const target = new QdiscTarget(params.iface, { device: spec.name, deviceId: spec.id });
    const diff = (current: TargetState) => unifiedDiff(diffLines(qdiscCommandsText(current.text, params.iface), newQdiscText(params.model, params.iface)), `${params.iface} (device)`, `${params.iface} (pushed)`);
    return this.runTarget(spec, actor, { kind: 'tsn-qdisc', target: params.iface, instance: null }, { text: params.model, confirmedSha256: params.confirmedSha256 }, () => Promise.resolve(target), diff);
  }

  /**
   * One push, whatever its target: the audit row first (so even a refusal is recorded), one push
   * per device at a time, the pipeline, and the connection closed after.
   */
  private async runTarget(
    spec: DeviceConnectSpec,
    actor: Actor,
    what: { kind: AuditEntry['targetKind']; target: string; instance: string | null },
    params: { text: string; confirmedSha256: string },
    targetFor: (recorder: PushRecorder) => Promise<PushTarget | PushResult>,
    diffOf: (current: TargetState) => string = (current) => unifiedDiff(diffLines(current.text, params.text), `${what.target} (device)`, `${what.target} (pushed)`),
  ): Promise<PushResult> {
    if (this.busy.has(spec.id)) throw new SyncscopeError(catalogError('config-push.busy', { device: spec.name }, { deviceId: spec.id }));
    this.busy.add(spec.id);
    const newSha256 = sha256Hex(params.text);
    const recorder = new PushRecorder(
      startEntry({ id: randomUUID(), actor: auditActor(actor), deviceId: spec.id, deviceName: spec.name, targetKind: what.kind, target: what.target, instance: what.instance, newSha256 }),
      this.deps.audit,
      this.deps.progress,
    );
    let session: PushSession | null = null;
    try {
      const target = await targetFor(recorder);
      if ('outcome' in target) return target;
      session = this.session(spec);
      const result = await runPush({
        target,
        session,
        recorder,
        newText: params.text,
        newSha256,
        confirmedSha256: params.confirmedSha256,
        diffOf,
        ...(this.deps.reconnectWindowMs !== undefined ? { reconnectWindowMs: this.deps.reconnectWindowMs } : {}),
      });
      this.deps.log.info({ device: spec.name, target: what.target, outcome: result.outcome, by: recorder.snapshot.actor.origin, ms: Math.round(result.durationMs) }, 'config push ended');
      return result;
    } finally {
      session?.close();
      this.busy.delete(spec.id);
    }
  }

  audit(q: AuditQuery): AuditEntry[] {
    return this.deps.audit.list(q);
  }

  exportAudit(q: AuditQuery, format: 'csv' | 'json'): AuditExport {
    return exportAudit(this.deps.audit.list(q), format, Date.now());
  }

  /** A device that may be contacted: an operator's Disconnect keeps pushes away too. */
  private spec(deviceId: string): DeviceConnectSpec {
    const spec = this.deps.devices.connectSpec(deviceId);
    if (spec.disconnected) throw new SyncscopeError(catalogError('device.disconnected', { name: spec.name }, { deviceId }));
    return spec;
  }

  private resolve(deviceId: string, instanceName: string): Resolved {
    const spec = this.spec(deviceId);
    const instance = spec.instances.find((i) => i.name === instanceName);
    if (!instance) throw new SyncscopeError(catalogError('config-push.no-instance', { device: spec.name, instance: instanceName, instances: spec.instances.map((i) => i.name).join(', ') }, { deviceId }));
    if (!instance.configPath) throw new SyncscopeError(catalogError('config-push.no-config-path', { device: spec.name, instance: instance.name }, { deviceId }));
    return { spec, instance, configPath: instance.configPath };
  }

  private target(r: Resolved, verify: VerifyOptions): Ptp4lConfTarget {
    return new Ptp4lConfTarget({
      owner: { device: r.spec.name, deviceId: r.spec.id },
      instance: { ...r.instance, configPath: r.configPath },
      checker: this.deps.checker,
      verify,
    });
  }

  private noRestart(r: Resolved): ErrorValue {
    return catalogError('config-push.no-restart-command', { device: r.spec.name, instance: r.instance.name }, { deviceId: r.spec.id });
  }

  /**
   * The push's way to the device: a connection of its own (same profile and host-key decisions as
   * the collector, keys never remembered from here), except a serial console's, which is one shell
   * the collector holds: a push then runs its commands between the polls on that one.
   */
  private session(spec: DeviceConnectSpec): PushSession {
    const owner = { device: spec.name, deviceId: spec.id };
    const live = spec.transport === 'serial' ? (this.deps.collection?.collector(spec.id)?.connectedTransport() ?? null) : null;
    if (live) return new PushSession(live, false, owner);
    const hostKeys = this.deps.hostKeys;
    return new PushSession(createTransport(spec, { onNewHostKey: () => undefined, ...(hostKeys ? { verifyHostKey: hostKeys.verifierFor(spec) } : {}) }), true, owner);
  }

  private async withSession<T>(spec: DeviceConnectSpec, fn: (s: PushSession) => Promise<T>): Promise<T> {
    const session = this.session(spec);
    try {
      return await fn(session);
    } finally {
      session.close();
    }
  }
}

/** Who pushed: the request's origin and user; a console on this machine (IPC, CLI) is this machine's user. */
function auditActor(actor: Actor): AuditActor {
  const local = actor.origin === 'ipc' || actor.origin === 'cli';
  let user = actor.user ?? null;
  if (user === null && local) {
    try {
      user = userInfo().username;
    } catch {
      user = null;
    }
  }
  return { origin: actor.origin, user, address: actor.address ?? null };
}

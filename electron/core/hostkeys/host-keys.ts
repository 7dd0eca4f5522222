import type { Actor } from '../../../shared/contract/envelope';
import type { EventMessage } from '../../../shared/contract/events';
import type { DeviceView } from '../../../shared/domain/device';
import { SyncscopeError } from '../../../shared/domain/errors';
import type { DeviceStatus } from '../../../shared/domain/status';
import { catalogError } from '../../../shared/errors/catalog';
import { hostKeyPromptOfError, type HostKeyTarget } from '../../../shared/hostkeys/host-key-prompt';
import type { DeviceEvent } from '../../../shared/series/device-event';
import type { Logger } from '../log';
import type { DeviceConnectSpec, DevicesRepo } from '../store/devices-repo';
import type { HostKeyRejections } from '../store/host-key-rejections';
import type { SeriesStore } from '../store/series-store';
import { targetParams } from '../transport/ssh-errors';
import { probeHostKeys, type PresentedKeys } from './host-key-probe';

export interface HostKeysDeps {
  devices: DevicesRepo;
  /** Keys the operator rejected, kept across engine restarts. */
  rejections: HostKeyRejections;
  series: Pick<SeriesStore, 'appendEvents'>;
  log: Logger;
  emit(msg: EventMessage): void;
  /** A device write and the sync that restarts its collector (Engine.changeDevices). */
  changeDevices<T>(write: () => T, nameOf: (value: T) => string): Promise<T>;
  /** What each collector shows now (a refused key's fingerprint travels in its error). */
  statuses(): DeviceStatus[];
  /** Reads presented keys live; replaceable in tests of the decisions alone. */
  probe?(spec: DeviceConnectSpec): Promise<PresentedKeys>;
}

export interface Decision {
  deviceId: string;
  target: HostKeyTarget;
  fingerprint?: string | undefined;
  operator?: string | undefined;
}

/**
 * Host keys the operator decides. A first-contact key is refused at once (after key exchange, before
 * any credential) and waits as `awaiting-host-key` with its fingerprint; trusting it makes it the
 * profile's expected key, which restarts the device's collector, which then logs in. A changed key
 * is refused by the transport in the same way, with both fingerprints; accepting it is the same
 * explicit action. Nothing is held open meanwhile: sshd would drop a handshake left waiting (its
 * LoginGraceTime), and the supervisor's retries keep the presented key current.
 */
export class HostKeys {
  /** The key each device last presented on first contact, per target. */
  private readonly pending = new Map<string, Partial<Record<HostKeyTarget, string>>>();

  constructor(private readonly deps: HostKeysDeps) {}

  /**
   * The transport hook of one device (see SshTransportOptions.verifyHostKey): a key the operator
   * rejected is refused as such, without asking again; a changed key (`expected` set) is left to the
   * transport's mismatch refusal; a first-contact key waits for the operator.
   */
  verifierFor(spec: DeviceConnectSpec): (fingerprint: string, target: HostKeyTarget, expected?: string | null) => Promise<boolean> {
    return (fingerprint, target, expected) => {
      if (this.deps.rejections.has(spec.id, target, fingerprint)) {
        return Promise.reject(new SyncscopeError(catalogError('ssh.host-key-rejected', { ...hopParams(spec, target), fingerprint, role: target, jumpFlag: target === 'jump' ? ' --jump' : '' }, { deviceId: spec.id })));
      }
      if (expected) return Promise.resolve(false);
      const before = this.pending.get(spec.id) ?? {};
      if (before[target] !== fingerprint) {
        this.pending.set(spec.id, { ...before, [target]: fingerprint });
        this.record(spec.id, { kind: 'host-key', from: null, to: fingerprint, detail: { action: 'presented', target } });
        this.deps.log.warn({ device: spec.name, target, fingerprint }, 'SSH host key not trusted yet: waiting for the operator');
      }
      return Promise.resolve(false);
    };
  }

  async scan(deviceId: string): Promise<PresentedKeys> {
    const spec = this.deps.devices.connectSpec(deviceId);
    return (this.deps.probe ?? probeHostKeys)(spec);
  }

  /** Trusts a presented key (see hostKeys.trust in the contract). */
  async trust(d: Decision, actor: Actor): Promise<{ device: DeviceView; target: HostKeyTarget; from: string | null; to: string }> {
    const device = this.deps.devices.get(d.deviceId);
    const known = expectedKey(device, d.target);
    const to = await this.presentedMatching(device, d);
    if (to === known) return { device, target: d.target, from: known, to };
    this.deps.rejections.remove(device.id, d.target, to);
    const view = await this.deps.changeDevices(() => this.writeKey(device, d.target, to), (v) => v.name);
    this.pending.delete(device.id);
    const action = known ? 'accept-changed' : 'trust';
    this.record(device.id, { kind: 'host-key', from: known, to, detail: { action, target: d.target, ...who(d, actor) } });
    this.deps.log.warn({ device: device.name, target: d.target, from: known, to, ...who(d, actor) }, known ? 'changed SSH host key accepted' : 'SSH host key trusted');
    return { device: view, target: d.target, from: known, to };
  }

  reject(d: Decision & { fingerprint: string }, actor: Actor): { rejected: true } {
    const device = this.deps.devices.get(d.deviceId);
    this.deps.rejections.add({ deviceId: device.id, target: d.target, fingerprint: d.fingerprint, atMs: Date.now(), by: who(d, actor).by });
    this.record(device.id, { kind: 'host-key', from: expectedKey(device, d.target), to: d.fingerprint, detail: { action: 'reject', target: d.target, ...who(d, actor) } });
    this.deps.log.warn({ device: device.name, target: d.target, fingerprint: d.fingerprint, ...who(d, actor) }, 'SSH host key rejected');
    return { rejected: true };
  }

  /**
   * The key to trust: the one named, if the device presents it now or it waits for a decision; or,
   * unnamed, whatever a first contact shows. Waiting keys are what this engine's collectors saw;
   * otherwise (the CLI on a data folder, a device not contacted yet) the device is asked now.
   */
  private async presentedMatching(device: DeviceView, d: Decision): Promise<string> {
    if (device.transport !== 'ssh' || (d.target === 'jump' && !device.jump)) throw new SyncscopeError(catalogError('ssh.host-key-no-target', { device: device.name }, { deviceId: device.id }));
    const known = expectedKey(device, d.target);
    if (!d.fingerprint && known) throw new SyncscopeError(catalogError('ssh.host-key-already-known', { device: device.name, known }, { deviceId: device.id }));
    const waiting = this.waitingKeys(device.id, d.target);
    if (d.fingerprint && waiting.includes(d.fingerprint)) return d.fingerprint;
    if (d.target === 'device' && d.fingerprint && this.waitingKeys(device.id, 'jump').includes(d.fingerprint)) {
      throw new SyncscopeError(catalogError('ssh.host-key-of-jump', { device: device.name, fingerprint: d.fingerprint }, { deviceId: device.id }));
    }
    if (!d.fingerprint && waiting.length > 0) return waiting[0] as string;
    const presented = (await this.scan(device.id))[d.target];
    if (!presented) throw new SyncscopeError(catalogError('ssh.host-key-unseen', { device: device.name, detail: d.target === 'device' ? 'the jump host must be trusted first' : 'no key seen' }, { deviceId: device.id }));
    if (d.fingerprint && d.fingerprint !== presented) throw new SyncscopeError(catalogError('ssh.host-key-not-presented', { device: device.name, fingerprint: d.fingerprint, presented }, { deviceId: device.id }));
    return presented;
  }

  private waitingKeys(deviceId: string, target: HostKeyTarget): string[] {
    const out: string[] = [];
    const p = this.pending.get(deviceId)?.[target];
    if (p) out.push(p);
    for (const st of this.deps.statuses()) {
      if (st.deviceId !== deviceId || !st.lastError) continue;
      const prompt = hostKeyPromptOfError(deviceId, st.lastError);
      if (prompt?.target === target && !out.includes(prompt.presented)) out.push(prompt.presented);
    }
    return out;
  }

  /** Makes `fp` the expected key; the profile's new updatedAtMs restarts the collector, which then logs in with it. */
  private writeKey(device: DeviceView, target: HostKeyTarget, fp: string): DeviceView {
    const repo = this.deps.devices;
    if (target === 'device') return repo.update(device.id, { hostKeySha256: fp });
    // Only the key changes: a jump host with its own login keeps its sealed secret.
    repo.setJumpHostKey(device.id, fp);
    return repo.get(device.id);
  }

  private record(deviceId: string, e: Pick<DeviceEvent, 'kind' | 'from' | 'to' | 'detail'>): void {
    const event: DeviceEvent = { deviceId, instance: null, tMs: Date.now(), ...e };
    try {
      this.deps.series.appendEvents([event]);
    } catch (err) {
      this.deps.log.warn({ err, deviceId }, 'host-key event not stored');
    }
    this.deps.emit({ event: 'device.events', payload: { deviceId, events: [event] } });
  }
}

function expectedKey(device: DeviceView, target: HostKeyTarget): string | null {
  return target === 'device' ? device.hostKeySha256 : (device.jump?.hostKeySha256 ?? null);
}

/** Who decided: the name the caller gives (else where the request came from), and through which door. */
function who(d: Decision, actor: Actor): { by: string; via: string } {
  return { by: d.operator ?? actor.user ?? actor.origin, via: actor.origin };
}

function hopParams(spec: DeviceConnectSpec, target: HostKeyTarget): ReturnType<typeof targetParams> {
  const hop = target === 'jump' && spec.jump ? spec.jump : spec;
  return targetParams({ host: hop.host ?? '', port: hop.sshPort ?? 22, user: hop.user ?? '' });
}


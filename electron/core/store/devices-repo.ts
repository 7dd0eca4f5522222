import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  DeviceInput,
  JumpHostView,
  PtpInstance,
  SerialSettings,
  serialHasNoLogs,
  SshAuthInput,
  type DeviceInputRaw,
  type DevicePatch,
  type DeviceView,
  type JumpHostInput,
} from '../../../shared/domain/device';
import { invalidInput } from '../../../shared/contract/dispatch';
import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import { registerSecret } from '../log';
import type { SecretBox } from '../secrets/secret-box';
import type { Db } from './db';

interface DeviceRow {
  id: string;
  name: string;
  transport: 'ssh' | 'local' | 'serial';
  host: string | null;
  ssh_port: number | null;
  user: string | null;
  auth_kind: DeviceView['authKind'];
  secret: Buffer | null;
  /** 1: the sealed secret is one SshAuthInput (before profiles v2); 2: a DeviceSecrets object. */
  secret_format: number;
  /** The non-secret rest of the profile, as JSON (StoredProfile). */
  profile: string;
  poll_interval_ms: number;
  host_key_sha256: string | null;
  created_at_ms: number;
  updated_at_ms: number;
}

/** The profile column: what a device row holds besides its scalar columns, never a secret. */
const StoredProfile = z.object({
  instances: z.array(PtpInstance).min(1),
  jump: JumpHostView.nullable(),
  serial: SerialSettings.nullable().optional(),
  /** Absent in profiles written before disconnect existed: connected. */
  disconnected: z.boolean().optional(),
  /** Absent: TSN statistics of the default interfaces. */
  tsnInterfaces: z.array(z.string()).optional(),
});
type StoredProfile = z.infer<typeof StoredProfile>;

/** Everything secret of one profile, sealed together: the device's login and, when it has its own, the jump host's; a serial console's password. */
const DeviceSecrets = z.object({ auth: SshAuthInput.optional(), jumpAuth: SshAuthInput.optional(), serialPassword: z.string().optional() });
type DeviceSecrets = z.infer<typeof DeviceSecrets>;
const SECRET_FORMAT = 2;

/** A jump host as the transport needs it: auth null means "log in the way the device does" (OpenSSH's rule). */
export interface JumpConnectSpec extends JumpHostView {
  auth: SshAuthInput | null;
}

/** A device as the collector needs it: the view plus the decrypted credentials (the device's and the jump host's). */
export interface DeviceConnectSpec extends Omit<DeviceView, 'jump'> {
  auth: SshAuthInput | null;
  jump: JumpConnectSpec | null;
  /** Serial devices: the console login's password. */
  serialPassword?: string | null;
}

function toView(r: DeviceRow): DeviceView {
  const profile = StoredProfile.parse(JSON.parse(r.profile));
  return {
    id: r.id,
    name: r.name,
    transport: r.transport,
    host: r.host,
    sshPort: r.ssh_port,
    user: r.user,
    authKind: r.auth_kind,
    udsPath: profile.instances[0]?.udsPath ?? '',
    instances: profile.instances,
    jump: profile.jump,
    pollIntervalMs: r.poll_interval_ms,
    hostKeySha256: r.host_key_sha256,
    serial: profile.serial ?? null,
    disconnected: profile.disconnected ?? false,
    ...(profile.tsnInterfaces ? { tsnInterfaces: profile.tsnInterfaces } : {}),
    createdAtMs: r.created_at_ms,
    updatedAtMs: r.updated_at_ms,
  };
}

function notFound(id: string): SyncscopeError {
  return new SyncscopeError(catalogError('device.not-found', { id }, { deviceId: id }));
}

/** Every secret a device's auth carries, so the log censors it by value wherever it shows up. */
function registerAuthSecrets(auth: SshAuthInput | undefined): void {
  if (!auth) return;
  if (auth.kind === 'password' || auth.kind === 'keyboardInteractive') registerSecret(auth.password);
  else if (auth.kind === 'privateKey') {
    registerSecret(auth.privateKey);
    if (auth.passphrase) registerSecret(auth.passphrase);
  }
}

function jumpView(jump: JumpHostInput): JumpHostView {
  return { host: jump.host, sshPort: jump.sshPort, user: jump.user, authKind: jump.auth?.kind ?? null, hostKeySha256: jump.hostKeySha256 ?? null };
}

/** Device profiles in SQLite. Secrets are sealed by the SecretBox and never leave this file in clear except to the collector. */
export class DevicesRepo {
  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
  ) {}

  list(): DeviceView[] {
    return (this.db.prepare('SELECT * FROM devices ORDER BY name COLLATE NOCASE').all() as DeviceRow[]).map(toView);
  }

  get(id: string): DeviceView {
    return toView(this.row(id));
  }

  findByName(name: string): DeviceView | null {
    const row = this.db.prepare('SELECT * FROM devices WHERE name = ? COLLATE NOCASE').get(name) as DeviceRow | undefined;
    return row ? toView(row) : null;
  }

  connectSpec(id: string): DeviceConnectSpec {
    const row = this.row(id);
    const secrets = this.secretsOf(row);
    registerAuthSecrets(secrets.auth);
    registerAuthSecrets(secrets.jumpAuth);
    if (secrets.serialPassword) registerSecret(secrets.serialPassword);
    const view = toView(row);
    return { ...view, auth: secrets.auth ?? null, jump: view.jump ? { ...view.jump, auth: secrets.jumpAuth ?? null } : null, serialPassword: secrets.serialPassword ?? null };
  }

  /** Validates (the store is an edge too) and stores a new profile. */
  add(raw: DeviceInputRaw): DeviceView {
    const parsed = DeviceInput.safeParse(raw);
    if (!parsed.success) throw new SyncscopeError(invalidInput(parsed.error));
    const input = parsed.data;
    this.assertNameFree(input.name, null);
    const now = Date.now();
    const id = randomUUID();
    const ssh = input.transport === 'ssh' ? input : null;
    const serial = input.transport === 'serial' ? input : null;
    const profile: StoredProfile = { instances: input.instances, jump: ssh?.jump ? jumpView(ssh.jump) : null, serial: serial?.serial ?? null, ...(input.tsnInterfaces ? { tsnInterfaces: input.tsnInterfaces } : {}) };
    this.db
      .prepare(
        `INSERT INTO devices (id, name, transport, host, ssh_port, user, auth_kind, secret, secret_format, profile, poll_interval_ms, host_key_sha256, created_at_ms, updated_at_ms)
         VALUES (@id, @name, @transport, @host, @sshPort, @user, @authKind, @secret, ${SECRET_FORMAT}, @profile, @pollIntervalMs, @hostKey, @now, @now)`,
      )
      .run({
        id,
        name: input.name,
        transport: input.transport,
        host: ssh?.host ?? null,
        sshPort: ssh?.sshPort ?? null,
        user: ssh?.user ?? serial?.user ?? null,
        authKind: ssh?.auth.kind ?? null,
        secret: ssh ? this.seal({ auth: ssh.auth, ...(ssh.jump?.auth ? { jumpAuth: ssh.jump.auth } : {}) }) : serial?.password ? this.seal({ serialPassword: serial.password }) : null,
        profile: JSON.stringify(profile),
        pollIntervalMs: input.pollIntervalMs,
        hostKey: ssh?.hostKeySha256 ?? null,
        now,
      });
    return this.get(id);
  }

  update(id: string, patch: DevicePatch): DeviceView {
    const row = this.row(id);
    const current = toView(row);
    if (patch.name !== undefined) this.assertNameFree(patch.name, id);
    const sshOnly = ['host', 'sshPort', 'user', 'auth', 'hostKeySha256', 'jump'] as const;
    if (current.transport === 'local') {
      const bad = sshOnly.find((k) => patch[k] !== undefined);
      if (bad) throw new SyncscopeError(catalogError('device.local-has-no-ssh', { field: bad }, { field: bad }));
    }
    // Each transport takes only its own settings (a serial console's login user is its `user`).
    const foreign = current.transport === 'serial' ? sshOnly.filter((k) => k !== 'user') : (['serial', 'password'] as const);
    const bad = foreign.find((k) => patch[k] !== undefined);
    if (bad) throw new SyncscopeError(catalogError('device.not-for-transport', { field: bad, transport: current.transport }, { field: bad }));
    const hostChanged = (patch.host !== undefined && patch.host !== current.host) || (patch.sshPort !== undefined && patch.sshPort !== current.sshPort);
    let instances = patch.instances ?? current.instances;
    if (patch.udsPath !== undefined) instances = instances.map((inst, i) => (i === 0 ? { ...inst, udsPath: patch.udsPath as string } : inst));
    if (current.transport === 'serial') {
      const checked = z.array(PtpInstance).superRefine((list, ctx) => serialHasNoLogs(list, ctx)).safeParse(instances);
      if (!checked.success) throw new SyncscopeError(invalidInput(checked.error));
    }
    const tsnInterfaces = patch.tsnInterfaces === undefined ? current.tsnInterfaces : (patch.tsnInterfaces ?? undefined);
    let jump = current.jump;
    if (patch.jump !== undefined) {
      const before = current.jump;
      jump = patch.jump ? jumpView(patch.jump) : null;
      // Another jump address forgets its remembered key, unless the edit names the key to expect.
      if (jump && before && jump.host === before.host && jump.sshPort === before.sshPort && jump.hostKeySha256 === null) jump.hostKeySha256 = before.hostKeySha256;
    }
    const secretsChange = patch.auth !== undefined || patch.jump !== undefined || patch.password !== undefined;
    let secret: Buffer | null = null;
    if (secretsChange) {
      const stored = this.secretsOf(row);
      const auth = patch.auth ?? stored.auth;
      const jumpAuth = patch.jump === undefined ? stored.jumpAuth : (patch.jump?.auth ?? undefined);
      const serialPassword = patch.password ?? stored.serialPassword;
      secret = this.seal({ ...(auth ? { auth } : {}), ...(jumpAuth ? { jumpAuth } : {}), ...(serialPassword ? { serialPassword } : {}) });
    }
    this.db
      .prepare(
        `UPDATE devices SET name = @name, host = @host, ssh_port = @sshPort, user = @user, profile = @profile,
           poll_interval_ms = @pollIntervalMs, host_key_sha256 = @hostKey, updated_at_ms = @now,
           auth_kind = COALESCE(@authKind, auth_kind),
           secret = COALESCE(@secret, secret), secret_format = CASE WHEN @secret IS NULL THEN secret_format ELSE ${SECRET_FORMAT} END
         WHERE id = @id`,
      )
      .run({
        id,
        name: patch.name ?? current.name,
        host: patch.host ?? current.host,
        sshPort: patch.sshPort ?? current.sshPort,
        user: patch.user ?? current.user,
        profile: JSON.stringify({
          instances,
          jump,
          serial: patch.serial ?? StoredProfile.parse(JSON.parse(row.profile)).serial ?? null,
          ...((patch.disconnected ?? current.disconnected) ? { disconnected: true } : {}),
          ...(tsnInterfaces ? { tsnInterfaces } : {}),
        } satisfies StoredProfile),
        pollIntervalMs: patch.pollIntervalMs ?? current.pollIntervalMs,
        // A new address forgets the remembered key, unless the edit names the key to expect.
        hostKey: patch.hostKeySha256 ?? (hostChanged ? null : current.hostKeySha256),
        authKind: patch.auth?.kind ?? null,
        secret,
        now: Date.now(),
      });
    return this.get(id);
  }

  /** Removes the profile at once; its series and events are deleted in the background (store/history-purge.ts). */
  remove(id: string): void {
    this.db.transaction(() => {
      const res = this.db.prepare('DELETE FROM devices WHERE id = ?').run(id);
      if (res.changes === 0) throw notFound(id);
      this.db.prepare('INSERT OR IGNORE INTO device_purges (device_id, queued_at_ms) VALUES (?, ?)').run(id, Date.now());
    })();
  }

  /** Trust-on-first-use: remembers the host key fingerprint the first connection saw. */
  rememberHostKey(id: string, sha256: string): void {
    this.db.prepare('UPDATE devices SET host_key_sha256 = ? WHERE id = ? AND host_key_sha256 IS NULL').run(sha256, id);
  }

  /** The same for the jump host: remembered only while the profile has a jump host with no key yet. */
  rememberJumpHostKey(id: string, sha256: string): void {
    this.db
      .prepare(
        `UPDATE devices SET profile = json_set(profile, '$.jump.hostKeySha256', ?)
         WHERE id = ? AND json_type(profile, '$.jump') = 'object' AND json_extract(profile, '$.jump.hostKeySha256') IS NULL`,
      )
      .run(sha256, id);
  }

  /**
   * Sets the jump host's expected key, whatever it was: the operator's explicit decision (trust or
   * accept a changed key). The jump host's own login, sealed with the device's secrets, is untouched.
   */
  setJumpHostKey(id: string, sha256: string): void {
    const changed = this.db
      .prepare(
        `UPDATE devices SET profile = json_set(profile, '$.jump.hostKeySha256', ?), updated_at_ms = MAX(?, updated_at_ms + 1)
         WHERE id = ? AND json_type(profile, '$.jump') = 'object'`,
      )
      .run(sha256, Date.now(), id).changes;
    if (changed === 0) throw notFound(id);
  }

  private row(id: string): DeviceRow {
    const row = this.db.prepare('SELECT * FROM devices WHERE id = ?').get(id) as DeviceRow | undefined;
    if (!row) throw notFound(id);
    return row;
  }

  private seal(secrets: DeviceSecrets): Buffer {
    registerAuthSecrets(secrets.auth);
    registerAuthSecrets(secrets.jumpAuth);
    if (secrets.serialPassword) registerSecret(secrets.serialPassword);
    return this.box.encrypt(JSON.stringify(secrets));
  }

  /** The row's secrets, whichever format sealed them (format 1 rows predate profiles v2 and hold one SshAuthInput). */
  private secretsOf(row: DeviceRow): DeviceSecrets {
    if (!row.secret) return {};
    try {
      const clear: unknown = JSON.parse(this.box.decrypt(row.secret));
      return row.secret_format === 1 ? { auth: SshAuthInput.parse(clear) } : DeviceSecrets.parse(clear);
    } catch {
      throw new SyncscopeError(catalogError('device.secret-unavailable', { name: row.name }, { deviceId: row.id }));
    }
  }

  private assertNameFree(name: string, exceptId: string | null): void {
    const other = this.findByName(name);
    if (other && other.id !== exceptId) {
      throw new SyncscopeError(catalogError('device.name-taken', { name: other.name }, { field: 'name' }));
    }
  }
}

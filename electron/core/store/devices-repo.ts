import { randomUUID } from 'node:crypto';
import { SshAuthInput, type DeviceInput, type DevicePatch, type DeviceView } from '../../../shared/domain/device';
import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import { registerSecret } from '../log';
import type { SecretBox } from '../secrets/secret-box';
import type { Db } from './db';

interface DeviceRow {
  id: string;
  name: string;
  transport: 'ssh' | 'local';
  host: string | null;
  ssh_port: number | null;
  user: string | null;
  auth_kind: 'password' | 'privateKey' | null;
  secret: Buffer | null;
  uds_path: string;
  poll_interval_ms: number;
  host_key_sha256: string | null;
  created_at_ms: number;
  updated_at_ms: number;
}

/** A device as the collector needs it: the view plus the decrypted credentials. */
export interface DeviceConnectSpec extends DeviceView {
  auth: SshAuthInput | null;
}

function toView(r: DeviceRow): DeviceView {
  return {
    id: r.id,
    name: r.name,
    transport: r.transport,
    host: r.host,
    sshPort: r.ssh_port,
    user: r.user,
    authKind: r.auth_kind,
    udsPath: r.uds_path,
    pollIntervalMs: r.poll_interval_ms,
    hostKeySha256: r.host_key_sha256,
    createdAtMs: r.created_at_ms,
    updatedAtMs: r.updated_at_ms,
  };
}

function notFound(id: string): SyncscopeError {
  return new SyncscopeError(catalogError('device.not-found', { id }, { deviceId: id }));
}

/** Every secret a device's auth carries, so the log censors it by value wherever it shows up. */
function registerAuthSecrets(auth: SshAuthInput): void {
  if (auth.kind === 'password') registerSecret(auth.password);
  else {
    registerSecret(auth.privateKey);
    if (auth.passphrase) registerSecret(auth.passphrase);
  }
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
    const row = this.db.prepare('SELECT * FROM devices WHERE id = ?').get(id) as DeviceRow | undefined;
    if (!row) throw notFound(id);
    return toView(row);
  }

  findByName(name: string): DeviceView | null {
    const row = this.db.prepare('SELECT * FROM devices WHERE name = ? COLLATE NOCASE').get(name) as DeviceRow | undefined;
    return row ? toView(row) : null;
  }

  connectSpec(id: string): DeviceConnectSpec {
    const row = this.db.prepare('SELECT * FROM devices WHERE id = ?').get(id) as DeviceRow | undefined;
    if (!row) throw notFound(id);
    let auth: SshAuthInput | null = null;
    if (row.secret) {
      try {
        auth = SshAuthInput.parse(JSON.parse(this.box.decrypt(row.secret)));
      } catch {
        throw new SyncscopeError(catalogError('device.secret-unavailable', { name: row.name }, { deviceId: id }));
      }
      registerAuthSecrets(auth);
    }
    return { ...toView(row), auth };
  }

  add(input: DeviceInput): DeviceView {
    this.assertNameFree(input.name, null);
    const now = Date.now();
    const id = randomUUID();
    const ssh = input.transport === 'ssh' ? input : null;
    if (ssh) registerAuthSecrets(ssh.auth);
    this.db
      .prepare(
        `INSERT INTO devices (id, name, transport, host, ssh_port, user, auth_kind, secret, uds_path, poll_interval_ms, host_key_sha256, created_at_ms, updated_at_ms)
         VALUES (@id, @name, @transport, @host, @sshPort, @user, @authKind, @secret, @udsPath, @pollIntervalMs, @hostKey, @now, @now)`,
      )
      .run({
        id,
        name: input.name,
        transport: input.transport,
        host: ssh?.host ?? null,
        sshPort: ssh?.sshPort ?? null,
        user: ssh?.user ?? null,
        authKind: ssh?.auth.kind ?? null,
        secret: ssh ? this.box.encrypt(JSON.stringify(ssh.auth)) : null,
        udsPath: input.udsPath,
        pollIntervalMs: input.pollIntervalMs,
        hostKey: ssh?.hostKeySha256 ?? null,
        now,
      });
    return this.get(id);
  }

  update(id: string, patch: DevicePatch): DeviceView {
    const current = this.get(id);
    if (patch.name !== undefined) this.assertNameFree(patch.name, id);
    const sshOnly = ['host', 'sshPort', 'user', 'auth', 'hostKeySha256'] as const;
    if (current.transport === 'local') {
      const bad = sshOnly.find((k) => patch[k] !== undefined);
      if (bad) throw new SyncscopeError(catalogError('device.local-has-no-ssh', { field: bad }, { field: bad }));
    }
    if (patch.auth) registerAuthSecrets(patch.auth);
    const hostChanged = (patch.host !== undefined && patch.host !== current.host) || (patch.sshPort !== undefined && patch.sshPort !== current.sshPort);
    this.db
      .prepare(
        `UPDATE devices SET name = @name, host = @host, ssh_port = @sshPort, user = @user, uds_path = @udsPath,
           poll_interval_ms = @pollIntervalMs, host_key_sha256 = @hostKey, updated_at_ms = @now,
           auth_kind = COALESCE(@authKind, auth_kind), secret = COALESCE(@secret, secret)
         WHERE id = @id`,
      )
      .run({
        id,
        name: patch.name ?? current.name,
        host: patch.host ?? current.host,
        sshPort: patch.sshPort ?? current.sshPort,
        user: patch.user ?? current.user,
        udsPath: patch.udsPath ?? current.udsPath,
        pollIntervalMs: patch.pollIntervalMs ?? current.pollIntervalMs,
        // A new address forgets the remembered key, unless the edit names the key to expect.
        hostKey: patch.hostKeySha256 ?? (hostChanged ? null : current.hostKeySha256),
        authKind: patch.auth?.kind ?? null,
        secret: patch.auth ? this.box.encrypt(JSON.stringify(patch.auth)) : null,
        now: Date.now(),
      });
    return this.get(id);
  }

  /** Removes the profile at once; its samples are deleted in the background (store/history-purge.ts). */
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

  private assertNameFree(name: string, exceptId: string | null): void {
    const other = this.findByName(name);
    if (other && other.id !== exceptId) {
      throw new SyncscopeError(catalogError('device.name-taken', { name: other.name }, { field: 'name' }));
    }
  }
}

import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeviceInput } from '../../../shared/domain/device';
import { SyncscopeError } from '../../../shared/domain/errors';
import { DataKeyBox } from '../secrets/data-key-box';
import { DevicesRepo } from './devices-repo';
import { migrate } from './migrate';
import { migrations } from './migrations';
import { openStore, type Store } from './open-store';

const KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n';

describe('DevicesRepo on a real SQLite file', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-repo-'));
    store = openStore(dir);
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ssh = (name: string, password = 'hunter2-secret') =>
    DeviceInput.parse({ transport: 'ssh', name, host: '192.0.2.10', user: 'root', auth: { kind: 'password', password } });

  it('stores a device, lists it without its secret, and hands the secret only to the collector', () => {
    const view = store.devices.add(ssh('gm-1'));
    expect(view).toMatchObject({ name: 'gm-1', host: '192.0.2.10', sshPort: 22, authKind: 'password', udsPath: '/var/run/ptp4l', pollIntervalMs: 1000 });
    expect(JSON.stringify(store.devices.list())).not.toContain('hunter2-secret');
    expect(store.devices.connectSpec(view.id).auth).toEqual({ kind: 'password', password: 'hunter2-secret' });
  });

  it('never writes a secret to the database file in clear', () => {
    store.devices.add(ssh('gm-1', 'plain-text-canary-42'));
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(join(dir, 'syncscope.db')).includes('plain-text-canary-42')).toBe(false);
  });

  it('rejects a second device of the same name, whatever the case, naming the field', () => {
    store.devices.add(ssh('gm-1'));
    try {
      store.devices.add(ssh('GM-1'));
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(SyncscopeError);
      expect((err as SyncscopeError).value).toMatchObject({ code: 'conflict', field: 'name' });
    }
  });

  it('keeps the stored secret when an edit omits it, and forgets the host key when the host changes', () => {
    const v = store.devices.add(ssh('gm-1'));
    store.devices.rememberHostKey(v.id, 'SHA256:abc');
    const edited = store.devices.update(v.id, { pollIntervalMs: 500 });
    expect(edited.hostKeySha256).toBe('SHA256:abc');
    expect(store.devices.connectSpec(v.id).auth).toEqual({ kind: 'password', password: 'hunter2-secret' });
    const moved = store.devices.update(v.id, { host: '192.0.2.11' });
    expect(moved.hostKeySha256).toBeNull();
  });

  it('switches auth kind on edit', () => {
    const v = store.devices.add(ssh('gm-1'));
    store.devices.update(v.id, { auth: { kind: 'privateKey', privateKey: KEY } });
    expect(store.devices.connectSpec(v.id).auth).toEqual({ kind: 'privateKey', privateKey: KEY });
    expect(store.devices.get(v.id).authKind).toBe('privateKey');
  });

  it('removes a device at once and queues its history for the background purge', () => {
    const v = store.devices.add(ssh('gm-1'));
    const reading = (tUs: number) => ({ deviceId: v.id, instance: 'ptp4l', tUs, deviceTimeNs: null, values: [{ metric: 'ptp.offset_from_master' as const, value: 1 }] });
    store.series.appendReadings([reading(1)]);
    expect(store.series.pointCount(v.id)).toBe(1);
    store.devices.remove(v.id);
    expect(store.db.prepare('SELECT device_id FROM device_purges').pluck().all()).toEqual([v.id]);
    expect(() => store.devices.remove(v.id)).toThrow(/No device/);
    // A sample that was still queued when the device went is dropped, not left behind for ever.
    store.series.appendReadings([reading(2)]);
    store.series.appendEvents([{ deviceId: v.id, instance: null, kind: 'connection', from: 'online', to: 'offline', detail: {}, tMs: 2 }]);
    expect(store.series.pointCount(v.id)).toBe(1);
    expect(store.series.queryEvents({ deviceId: v.id, limit: 10 })).toEqual([]);
  });

  it('says which device lost its secret when the key file is replaced', () => {
    const v = store.devices.add(ssh('gm-1'));
    store.close();
    rmSync(join(dir, 'secret.key'));
    store = openStore(dir);
    expect(() => store.devices.connectSpec(v.id)).toThrow(/credentials of gm-1 cannot be decrypted/);
  });

  it('keeps several ptp4l instances and a jump host; the view shows them without secrets, the collector gets both logins', () => {
    const v = store.devices.add({
      transport: 'ssh',
      name: 'bc-1',
      host: '192.0.2.10',
      user: 'root',
      auth: { kind: 'privateKey', privateKey: KEY, passphrase: 'key-passphrase-77' },
      instances: [
        { name: 'eth0', udsPath: '/var/run/ptp4l-eth0', configPath: '/etc/linuxptp/eth0.conf', log: { kind: 'journal', unit: 'ptp4l@eth0.service' } },
        { name: 'eth1', udsPath: '/var/run/ptp4l-eth1', log: { kind: 'file', path: '/var/log/ptp4l-eth1.log' } },
      ],
      jump: { host: 'bastion.lab', user: 'hop', auth: { kind: 'password', password: 'jump-secret-99' } },
    });
    expect(v).toMatchObject({ udsPath: '/var/run/ptp4l-eth0', authKind: 'privateKey', jump: { host: 'bastion.lab', sshPort: 22, user: 'hop', authKind: 'password', hostKeySha256: null } });
    expect(v.instances.map((i) => i.name)).toEqual(['eth0', 'eth1']);
    expect(JSON.stringify(store.devices.list())).not.toMatch(/jump-secret-99|key-passphrase-77/);
    const spec = store.devices.connectSpec(v.id);
    expect(spec.auth).toEqual({ kind: 'privateKey', privateKey: KEY, passphrase: 'key-passphrase-77' });
    expect(spec.jump).toMatchObject({ host: 'bastion.lab', auth: { kind: 'password', password: 'jump-secret-99' } });

    // An edit that leaves the jump host alone keeps its secret; one that drops it goes direct.
    store.devices.update(v.id, { auth: { kind: 'agent' } });
    expect(store.devices.connectSpec(v.id)).toMatchObject({ authKind: 'agent', auth: { kind: 'agent' }, jump: { auth: { kind: 'password', password: 'jump-secret-99' } } });
    store.devices.rememberJumpHostKey(v.id, 'SHA256:jump');
    expect(store.devices.get(v.id).jump?.hostKeySha256).toBe('SHA256:jump');
    // First contact never overwrites a known key; the operator's decision does, and keeps the jump host's own login.
    store.devices.rememberJumpHostKey(v.id, 'SHA256:other');
    expect(store.devices.get(v.id).jump?.hostKeySha256).toBe('SHA256:jump');
    const before = store.devices.get(v.id).updatedAtMs;
    store.devices.setJumpHostKey(v.id, 'SHA256:rotated');
    expect(store.devices.get(v.id).updatedAtMs).toBeGreaterThan(before);
    expect(store.devices.connectSpec(v.id)).toMatchObject({ jump: { hostKeySha256: 'SHA256:rotated', auth: { kind: 'password', password: 'jump-secret-99' } } });
    store.devices.update(v.id, { jump: null, udsPath: '/run/ptp4l-a' });
    expect(store.devices.connectSpec(v.id)).toMatchObject({ jump: null, udsPath: '/run/ptp4l-a', instances: [{ name: 'eth0', udsPath: '/run/ptp4l-a' }, { name: 'eth1' }] });
  });

  it('a jump host without its own login uses the device\'s (null auth), and accepts keyboard-interactive', () => {
    const v = store.devices.add({ transport: 'ssh', name: 'kbd', host: '192.0.2.11', user: 'root', auth: { kind: 'keyboardInteractive', password: 'kbd-secret-12' }, jump: { host: '192.0.2.1', sshPort: 2222, user: 'hop' } });
    expect(v.jump).toEqual({ host: '192.0.2.1', sshPort: 2222, user: 'hop', authKind: null, hostKeySha256: null });
    expect(store.devices.connectSpec(v.id)).toMatchObject({ auth: { kind: 'keyboardInteractive', password: 'kbd-secret-12' }, jump: { auth: null } });
  });

  it.each([
    [{ instances: [{ name: 'a', udsPath: '/run/a' }, { name: 'a', udsPath: '/run/b' }] }, /instances\.1\.name: instance name "a" is used twice/],
    [{ instances: [{ name: 'bad name', udsPath: '/run/a' }] }, /instances\.0\.name/],
    [{ instances: [] }, /at least one ptp4l instance/],
    [{ instances: Array.from({ length: 9 }, (_, i) => ({ name: `i${i}`, udsPath: '/run/a' })) }, /at most 8/],
    [{ instances: [{ name: 'a', udsPath: '/run/a', configPath: '/etc/../shadow' }] }, /configPath: path must not contain "\.\."/],
    [{ instances: [{ name: 'a', udsPath: '/run/a', configPath: 'relative.conf' }] }, /configPath: path must be absolute/],
    [{ instances: [{ name: 'a', udsPath: '/run/a', log: { kind: 'file', path: '/var/log/$(reboot)' } }] }, /log\.path/],
    [{ instances: [{ name: 'a', udsPath: '/run/a', log: { kind: 'journal', unit: '--all' } }] }, /log\.unit: unit must be a systemd unit name/],
    [{ instances: [{ name: 'a', udsPath: '/run/a', log: { kind: 'journal', unit: 'ptp4l;reboot' } }] }, /log\.unit/],
    [{ udsPath: '/run/a', instances: [{ name: 'a', udsPath: '/run/a' }] }, /either udsPath .* or instances/],
    [{ jump: { host: 'bad host!', user: 'hop' } }, /jump\.host/],
  ])('refuses a profile that could put something unsafe or ambiguous on a command line (%#)', (over, message) => {
    const raw = { transport: 'ssh', name: 'x', host: '192.0.2.10', user: 'root', auth: { kind: 'agent' }, ...over };
    expect(() => store.devices.add(raw as never)).toThrow(message);
  });

  it('reads a device stored before profiles v2: one instance from its UDS path, the old sealed secret as its login', () => {
    const db = new Database(join(dir, 'old.db'));
    migrate(db, migrations.slice(0, 2));
    const box = new DataKeyBox(Buffer.alloc(32, 7));
    db.prepare(`INSERT INTO devices (id, name, transport, host, ssh_port, user, auth_kind, secret, uds_path, poll_interval_ms, host_key_sha256, created_at_ms, updated_at_ms)
      VALUES ('d-old', 'old-gm', 'ssh', '192.0.2.5', 22, 'root', 'password', ?, '/run/ptp4l-old', 500, 'SHA256:kept', 1, 2)`).run(box.encrypt(JSON.stringify({ kind: 'password', password: 'legacy-pw-1' })));
    migrate(db);
    const repo = new DevicesRepo(db, box);
    expect(repo.get('d-old')).toMatchObject({ udsPath: '/run/ptp4l-old', instances: [{ name: 'ptp4l', udsPath: '/run/ptp4l-old' }], jump: null, hostKeySha256: 'SHA256:kept', pollIntervalMs: 500 });
    expect(repo.connectSpec('d-old').auth).toEqual({ kind: 'password', password: 'legacy-pw-1' });
    // An edit of the secret re-seals it in the new form.
    repo.update('d-old', { auth: { kind: 'password', password: 'new-pw-22' } });
    expect(JSON.parse(box.decrypt(db.prepare("SELECT secret FROM devices WHERE id = 'd-old'").pluck().get() as Buffer))).toEqual({ auth: { kind: 'password', password: 'new-pw-22' } });
    db.close();
  });
});

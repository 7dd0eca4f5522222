import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeviceInput } from '../../../shared/domain/device';
import { SyncscopeError } from '../../../shared/domain/errors';
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
    store.samples.insert({ deviceId: v.id, tMs: 1, masterOffsetNs: 1, offsetFromMasterNs: 1, meanPathDelayNs: 2, stepsRemoved: 1, gmPresent: true, gmIdentity: 'x', portState: 'SLAVE', ports: [] });
    expect(store.samples.count(v.id)).toBe(1);
    store.devices.remove(v.id);
    expect(store.db.prepare('SELECT device_id FROM device_purges').pluck().all()).toEqual([v.id]);
    expect(() => store.devices.remove(v.id)).toThrow(/No device/);
    // A sample that was still queued when the device went is dropped, not left behind for ever.
    store.samples.insert({ deviceId: v.id, tMs: 2, masterOffsetNs: 1, offsetFromMasterNs: 1, meanPathDelayNs: 2, stepsRemoved: 1, gmPresent: true, gmIdentity: 'x', portState: 'SLAVE', ports: [] });
    expect(store.samples.count(v.id)).toBe(1);
  });

  it('says which device lost its secret when the key file is replaced', () => {
    const v = store.devices.add(ssh('gm-1'));
    store.close();
    rmSync(join(dir, 'secret.key'));
    store = openStore(dir);
    expect(() => store.devices.connectSpec(v.id)).toThrow(/credentials of gm-1 cannot be decrypted/);
  });
});

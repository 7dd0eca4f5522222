import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeviceInput } from '../../../shared/domain/device';
import { HostKeyRejections } from './host-key-rejections';
import { openStore, type Store } from './open-store';

const FP = 'SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s';
const OTHER = 'SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU';

describe('host-key rejections on a real SQLite file', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-hk-rej-'));
    store = openStore(dir);
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const add = (name: string) => store.devices.add(DeviceInput.parse({ transport: 'ssh', name, host: '192.0.2.10', user: 'root', auth: { kind: 'password', password: 'x' } }));

  it('keeps a rejection per device, hop and key across a reopen of the file, until it is removed', () => {
    const a = add('a');
    const b = add('b');
    new HostKeyRejections(store.db).add({ deviceId: a.id, target: 'jump', fingerprint: FP, atMs: 1000, by: 'alice' });
    store.close();
    store = openStore(dir);

    const r = new HostKeyRejections(store.db);
    expect(r.has(a.id, 'jump', FP)).toBe(true);
    expect(r.has(a.id, 'device', FP)).toBe(false);
    expect(r.has(a.id, 'jump', OTHER)).toBe(false);
    expect(r.has(b.id, 'jump', FP)).toBe(false);
    expect(r.list(a.id)).toEqual([{ deviceId: a.id, target: 'jump', fingerprint: FP, atMs: 1000, by: 'alice' }]);

    r.add({ deviceId: a.id, target: 'jump', fingerprint: FP, atMs: 2000, by: null });
    expect(r.list(a.id)).toEqual([{ deviceId: a.id, target: 'jump', fingerprint: FP, atMs: 2000, by: null }]);
    r.remove(a.id, 'jump', FP);
    expect(r.has(a.id, 'jump', FP)).toBe(false);
  });

  it('goes with its device when the device is removed, and leaves other devices alone', () => {
    const a = add('a');
    const b = add('b');
    const r = new HostKeyRejections(store.db);
    r.add({ deviceId: a.id, target: 'device', fingerprint: FP, atMs: 1, by: null });
    r.add({ deviceId: b.id, target: 'device', fingerprint: FP, atMs: 1, by: null });
    store.devices.remove(a.id);
    expect(store.db.prepare('SELECT device_id FROM host_key_rejections').all()).toEqual([{ device_id: b.id }]);
  });

  it('refuses a target that is neither the device nor its jump host', () => {
    const a = add('a');
    expect(() => new HostKeyRejections(store.db).add({ deviceId: a.id, target: 'proxy' as 'jump', fingerprint: FP, atMs: 1, by: null })).toThrow(/CHECK constraint/);
  });
});

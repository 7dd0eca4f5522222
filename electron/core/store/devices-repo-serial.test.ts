import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncscopeError } from '../../../shared/domain/errors';
import { createTransport } from '../transport/registry';
import { SerialTransport } from '../transport/serial-transport';
import { openStore, type Store } from './open-store';

describe('serial device profiles on a real SQLite file', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-serial-repo-'));
    store = openStore(dir);
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const add = () => store.devices.add({ transport: 'serial', name: 'c1', serial: { path: '/dev/ttyUSB0', baudRate: 9600, parity: 'even' }, user: 'root', password: 'console-canary-77' });

  it('keeps the line settings in the view, the console password sealed, and builds a serial transport from them', () => {
    const view = add();
    expect(view).toMatchObject({ transport: 'serial', host: null, user: 'root', authKind: null, serial: { path: '/dev/ttyUSB0', baudRate: 9600, dataBits: 8, parity: 'even', stopBits: 1, flowControl: 'none' } });
    expect(JSON.stringify(store.devices.list())).not.toContain('console-canary-77');
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(join(dir, 'syncscope.db')).includes('console-canary-77')).toBe(false);
    const spec = store.devices.connectSpec(view.id);
    expect(spec.serialPassword).toBe('console-canary-77');
    const t = createTransport(spec, { onNewHostKey: () => undefined });
    expect(t).toBeInstanceOf(SerialTransport);
    t.close();
  });

  it('edits line settings and the password, keeps the password when not given, and refuses SSH settings', () => {
    const view = add();
    const edited = store.devices.update(view.id, { serial: { path: '/dev/ttyACM0', baudRate: 115200, dataBits: 8, parity: 'none', stopBits: 1, flowControl: 'rtscts' } });
    expect(edited.serial).toMatchObject({ path: '/dev/ttyACM0', flowControl: 'rtscts' });
    expect(store.devices.connectSpec(view.id).serialPassword).toBe('console-canary-77');
    store.devices.update(view.id, { password: 'new-one', user: 'admin' });
    expect(store.devices.connectSpec(view.id)).toMatchObject({ serialPassword: 'new-one', user: 'admin', serial: { path: '/dev/ttyACM0' } });
    expect(() => store.devices.update(view.id, { host: '192.0.2.1' })).toThrow(SyncscopeError);
    const ssh = store.devices.add({ transport: 'ssh', name: 's1', host: '192.0.2.10', user: 'root', auth: { kind: 'password', password: 'x' } });
    let thrown: unknown;
    try {
      store.devices.update(ssh.id, { serial: { path: '/dev/ttyS0', baudRate: 115200, dataBits: 8, parity: 'none', stopBits: 1, flowControl: 'none' } });
    } catch (e) {
      thrown = e;
    }
    expect((thrown as SyncscopeError).value).toMatchObject({ messageId: 'device.not-for-transport', field: 'serial' });
  });

  it('refuses a log to follow on a serial device (its one shell is busy with the polls), when added and when edited', () => {
    const log = { kind: 'file', path: '/var/log/ptp4l.log' } as const;
    expect(() => store.devices.add({ transport: 'serial', name: 'c2', serial: { path: '/dev/ttyUSB1' }, instances: [{ name: 'ptp4l', udsPath: '/var/run/ptp4l', log }] })).toThrow(/cannot follow a log/);
    const view = add();
    expect(() => store.devices.update(view.id, { instances: [{ name: 'ptp4l', udsPath: '/var/run/ptp4l', log }] })).toThrow(/cannot follow a log/);
  });
});

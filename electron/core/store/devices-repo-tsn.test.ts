import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncscopeError } from '../../../shared/domain/errors';
import { openStore, type Store } from './open-store';

describe('a profile\'s TSN interfaces on a real SQLite file', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-tsn-repo-'));
    store = openStore(dir);
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the list across edits that do not name it, replaces it, and goes back to the default with null', () => {
    const view = store.devices.add({ transport: 'local', name: 'tsn-box', tsnInterfaces: ['eth0', 'eth1'] });
    expect(view.tsnInterfaces).toEqual(['eth0', 'eth1']);
    expect(store.devices.update(view.id, { pollIntervalMs: 500 }).tsnInterfaces).toEqual(['eth0', 'eth1']);
    expect(store.devices.connectSpec(view.id).tsnInterfaces).toEqual(['eth0', 'eth1']);
    expect(store.devices.update(view.id, { tsnInterfaces: ['enp3s0'] }).tsnInterfaces).toEqual(['enp3s0']);
    expect(store.devices.update(view.id, { tsnInterfaces: null }).tsnInterfaces).toBeUndefined();
    expect(store.devices.add({ transport: 'local', name: 'plain' }).tsnInterfaces).toBeUndefined();
  });

  it('refuses a name that is not an interface before it is stored', () => {
    let err: unknown = null;
    try {
      store.devices.add({ transport: 'local', name: 'bad', tsnInterfaces: ['eth0; reboot'] });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SyncscopeError);
    expect((err as SyncscopeError).value).toMatchObject({ code: 'invalid-input', field: 'tsnInterfaces.0' });
    expect(store.devices.findByName('bad')).toBeNull();
  });
});

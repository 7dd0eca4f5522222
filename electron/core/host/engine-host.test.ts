import Database from 'better-sqlite3';
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventMessage } from '../../../shared/contract/events';
import { SyncscopeError } from '../../../shared/domain/errors';
import { offlineEngine, type OfflineEngine } from '../../../test/support/offline-engine';
import { DataKeyBox } from '../secrets/data-key-box';
import { EngineHostClient, type HostProcess } from './host-client';
import type { FromHost, PortLike, ToHost } from './host-protocol';
import { bindContractToPort } from './port-binding';

const sshDevice = { transport: 'ssh', name: 'gm', host: '192.0.2.1', user: 'lab', auth: { kind: 'password', password: 'hunter2-p4ss' } };

function portOf<In, Out>(port: MessagePort): PortLike<In, Out> {
  return {
    postMessage: (msg) => port.postMessage(msg),
    onMessage: (listener) => {
      const fn = (msg: In) => listener(msg);
      port.on('message', fn);
      return () => port.off('message', fn);
    },
  };
}

describe('the contract over a message port (bindContractToPort)', () => {
  let engine: OfflineEngine;
  const channels: MessageChannel[] = [];
  afterEach(async () => {
    for (const c of channels.splice(0)) {
      c.port1.close();
      c.port2.close();
    }
    await engine.close();
  });

  it('answers real requests from a real engine under their ids and pushes its events', async () => {
    engine = offlineEngine();
    const channel = new MessageChannel();
    channels.push(channel);
    bindContractToPort(engine.engine, portOf<ToHost, FromHost>(channel.port1));
    const main = portOf<FromHost, ToHost>(channel.port2);
    const received: FromHost[] = [];
    const changed = new Promise<void>((resolve) =>
      main.onMessage((msg) => {
        received.push(msg);
        if (msg.type === 'event' && msg.msg.event === 'devices.changed') resolve();
      }),
    );
    main.postMessage({ type: 'request', id: 7, raw: { method: 'devices.add', params: { transport: 'local', name: 'here' } } });
    main.postMessage({ type: 'request', id: 8, raw: { method: 'devices.add', params: { transport: 'local', name: '' } } });
    await changed;
    await expect.poll(() => received.filter((m) => m.type === 'response').length).toBe(2);
    const byId = new Map(received.flatMap((m) => (m.type === 'response' ? [[m.id, m.res] as const] : [])));
    expect(byId.get(7)).toMatchObject({ ok: true, value: { name: 'here', transport: 'local' } });
    expect(byId.get(8)).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'name' } });
    expect(engine.engine.devices.list().map((d) => d.name)).toEqual(['here']);
  });
});

/** The built host is Electron's utilityProcess entry; here the same source runs in a real Node child. */
function forkHost(): { child: ChildProcess; client: EngineHostClient } {
  const child = fork(join(__dirname, 'engine-host.ts'), [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env: { ...process.env, SYNCSCOPE_LOG_LEVEL: 'silent' } });
  const host: HostProcess = {
    postMessage: (msg) => void child.send(msg),
    onMessage: (listener) => void child.on('message', (msg) => listener(msg as FromHost)),
    onExit: (listener) => void child.once('exit', (code, signal) => listener(code ?? (signal ? -1 : 0))),
  };
  return { child, client: new EngineHostClient(host) };
}

describe('the engine host in its own process', () => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  const tempDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'syncscope-host-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const c of children.splice(0)) c.kill('SIGKILL');
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('runs the engine, seals secrets under the data key main handed over, and closes cleanly', async () => {
    const dataDir = tempDir();
    const dataKey = randomBytes(32);
    const { child, client } = forkHost();
    children.push(child);
    const events: EventMessage[] = [];
    client.subscribe((msg) => events.push(msg));
    await client.start({ dataDir, dataKey, collect: false });

    const added = await client.request({ method: 'devices.add', params: sshDevice });
    expect(added).toMatchObject({ ok: true, value: { name: 'gm', transport: 'ssh' } });
    expect(events.some((m) => m.event === 'devices.changed')).toBe(true);
    expect(await client.request({ method: 'no.such' })).toMatchObject({ ok: false, error: { code: 'unknown-method' } });

    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await client.close();
    expect(await exited).toBe(0);

    const db = new Database(join(dataDir, 'syncscope.db'), { readonly: true });
    const { secret } = db.prepare('SELECT secret FROM devices').get() as { secret: Buffer };
    db.close();
    expect(secret.includes(Buffer.from('hunter2-p4ss'))).toBe(false);
    expect(JSON.parse(new DataKeyBox(dataKey).decrypt(secret))).toEqual({ auth: sshDevice.auth });
    expect(() => new DataKeyBox(randomBytes(32)).decrypt(secret)).toThrow();
  });

  it('reports why the engine could not start instead of hanging (a corrupt database)', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'syncscope.db'), 'this is not a SQLite database, it is a text file that got in the way'.repeat(100));
    const { child, client } = forkHost();
    children.push(child);
    const failure = await client.start({ dataDir, dataKey: null, collect: false }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(SyncscopeError);
    expect((failure as SyncscopeError).value.message).toMatch(/database|not a database/i);
  });

  it('refuses a second engine on the same data folder, saying who holds it (for the start-up dialog)', async () => {
    const dataDir = tempDir();
    const first = forkHost();
    const second = forkHost();
    children.push(first.child, second.child);
    await first.client.start({ dataDir, dataKey: null });
    const failure = await second.client.start({ dataDir, dataKey: null }).catch((err: unknown) => err);
    expect((failure as SyncscopeError).value).toMatchObject({ code: 'data-dir-locked', params: { holder: 'Syncscope desktop app', pid: first.child.pid } });
    await first.client.close();
  });

  it('answers pending and later requests, and tells main, when the host dies', async () => {
    const dataDir = tempDir();
    const { child, client } = forkHost();
    children.push(child);
    await client.start({ dataDir, dataKey: null, collect: false });
    const stopped = new Promise((resolve) => client.onStopped(resolve));
    // A stopped process cannot answer: the request is surely pending when the process dies.
    child.kill('SIGSTOP');
    const pending = client.request({ method: 'devices.list' });
    child.kill('SIGKILL');
    expect(await pending).toMatchObject({ ok: false, error: { messageId: 'desktop.engine-stopped' } });
    const told = await stopped;
    const later = await client.request({ method: 'devices.list' });
    expect(later).toMatchObject({ ok: false, error: { messageId: 'desktop.engine-stopped', params: { exitCode: -1 } } });
    expect(told).toMatchObject({ code: 'internal', messageId: 'desktop.engine-stopped' });
  });
});

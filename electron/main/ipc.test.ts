import type { IpcMainInvokeEvent } from 'electron';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS, type Response } from '../../shared/contract/envelope';
import type { EventMessage } from '../../shared/contract/events';
import { EngineHostClient } from '../core/host/host-client';
import type { FromHost, ToHost } from '../core/host/host-protocol';
import { runEngineHost } from '../core/host/run-engine-host';
import { createLogger } from '../core/log';
import { APP_ORIGIN, pageOrigin } from './app-origin';
import { bindContractToIpc, isTrustedSender, type ContractWindow, type IpcMainLike } from './ipc';

/** The engine host on the far end of a real MessageChannel, in this process (engine-host.test.ts forks a real one). */
function hostOverChannel(): { client: EngineHostClient; channel: MessageChannel } {
  const channel = new MessageChannel();
  const hostSide = channel.port1 as MessagePort;
  runEngineHost(
    {
      postMessage: (msg) => hostSide.postMessage(msg),
      onMessage: (listener) => {
        const fn = (msg: ToHost) => listener(msg);
        hostSide.on('message', fn);
        return () => hostSide.off('message', fn);
      },
    },
    () => hostSide.close(),
    createLogger({ level: 'silent' }),
  );
  const mainSide = channel.port2 as MessagePort;
  const client = new EngineHostClient({
    postMessage: (msg) => mainSide.postMessage(msg),
    onMessage: (listener) => void mainSide.on('message', (msg: FromHost) => listener(msg)),
    onExit: (listener) => void mainSide.once('close', () => listener(0)),
  });
  return { client, channel };
}

// Electron cannot run here; this drives the real IPC binding, through the real host client and host,
// to a real engine, over the same two seams Electron provides (ipcMain.handle and webContents.send).
describe('the contract over Electron IPC', () => {
  let dataDir: string;
  let client: EngineHostClient;
  let handler: ((e: IpcMainInvokeEvent, raw: unknown) => Promise<Response>) | null;
  let sent: EventMessage[];
  let win: ContractWindow;
  let unbind: () => void;
  const mainFrame = { url: '' };
  const ipc: IpcMainLike = {
    handle: (channel, fn) => {
      expect(channel).toBe(CHANNELS.request);
      handler = fn;
    },
    removeHandler: () => {
      handler = null;
    },
  };
  const event = (url: string, frame: { url: string } = mainFrame, sender: unknown = win.webContents) => {
    frame.url = url;
    return { senderFrame: frame, sender } as unknown as IpcMainInvokeEvent;
  };

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'syncscope-ipc-'));
    client = hostOverChannel().client;
    await client.start({ dataDir, dataKey: null, collect: false });
    sent = [];
    win = { webContents: { mainFrame, send: (_c, msg) => sent.push(msg) }, isDestroyed: () => false };
    unbind = bindContractToIpc(client, ipc, win, APP_ORIGIN);
  });
  afterEach(async () => {
    unbind();
    await client.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves our own page and pushes events to it', async () => {
    const res = await handler!(event('app://syncscope/index.html'), { method: 'devices.add', params: { transport: 'local', name: 'here' } });
    expect(res).toMatchObject({ ok: true, value: { name: 'here' } });
    await expect.poll(() => sent.some((m) => m.event === 'devices.changed')).toBe(true);
  });

  it('refuses a page from elsewhere, a file:// page, a sub-frame, or another window', async () => {
    const refused = { ok: false, error: { messageId: 'desktop.request-refused' } };
    for (const url of ['https://evil.example/', 'file:///app/out/renderer/index.html', 'app://evil/index.html', 'app://syncscope.evil.example/index.html', 'app://user@syncscope/index.html']) {
      expect(await handler!(event(url), { method: 'devices.list' }), url).toMatchObject(refused);
    }
    expect(await handler!(event('app://syncscope/index.html', { url: '' }), { method: 'devices.list' })).toMatchObject(refused);
    expect(await handler!(event('app://syncscope/index.html', mainFrame, { other: true }), { method: 'devices.list' })).toMatchObject(refused);
  });

  it('unbinds cleanly', () => {
    unbind();
    expect(handler).toBeNull();
    unbind = () => undefined;
  });
});

describe('isTrustedSender in development', () => {
  const mainFrame = { url: '' };
  const webContents = { mainFrame, send: () => undefined };
  const win: ContractWindow = { webContents, isDestroyed: () => false };
  const trusted = (url: string) => {
    mainFrame.url = url;
    return isTrustedSender({ sender: webContents, senderFrame: mainFrame } as never, win, pageOrigin('http://localhost:5173/'));
  };

  it('accepts the dev server only by its exact origin', () => {
    expect(trusted('http://localhost:5173/')).toBe(true);
    expect(trusted('http://localhost:5173/src/main.tsx?x=1')).toBe(true);
    expect(trusted('http://localhost:5173.attacker.example/')).toBe(false);
    expect(trusted('http://localhost:51730/')).toBe(false);
    expect(trusted('https://localhost:5173/')).toBe(false);
    expect(trusted('http://localhost:5173@attacker.example/')).toBe(false);
    expect(trusted('file:///home/op/index.html')).toBe(false);
    expect(trusted('app://syncscope/index.html')).toBe(false);
  });

  it('refuses a frame that is gone', () => {
    expect(isTrustedSender({ sender: webContents, senderFrame: null } as never, win, APP_ORIGIN)).toBe(false);
  });
});

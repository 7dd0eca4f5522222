import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS, type Response } from '../../shared/contract/envelope';
import type { EventMessage } from '../../shared/contract/events';
import { offlineEngine, type OfflineEngine } from '../../test/support/offline-engine';
import { bindContractToIpc, type ContractWindow, type IpcMainLike } from './ipc';

// Electron cannot run here; this drives the real IPC binding and a real engine through the same
// two seams Electron provides (ipcMain.handle and webContents.send).
describe('the contract over Electron IPC', () => {
  let engine: OfflineEngine;
  let handler: ((e: IpcMainInvokeEvent, raw: unknown) => Promise<Response>) | null;
  let sent: EventMessage[];
  let win: ContractWindow;
  let unbind: () => void;
  const ipc: IpcMainLike = {
    handle: (channel, fn) => {
      expect(channel).toBe(CHANNELS.request);
      handler = fn;
    },
    removeHandler: () => {
      handler = null;
    },
  };
  const event = (url: string, sender: unknown = win.webContents) => ({ senderFrame: { url }, sender }) as unknown as IpcMainInvokeEvent;

  beforeEach(() => {
    engine = offlineEngine();
    sent = [];
    win = { webContents: { send: (_c, msg) => sent.push(msg) }, isDestroyed: () => false };
    unbind = bindContractToIpc(engine.engine, ipc, win, undefined);
  });
  afterEach(async () => {
    unbind();
    await engine.close();
  });

  it('serves our own page and pushes events to it', async () => {
    const res = await handler!(event('file:///app/out/renderer/index.html'), { method: 'devices.add', params: { transport: 'local', name: 'here' } });
    expect(res).toMatchObject({ ok: true, value: { name: 'here' } });
    expect(sent.some((m) => m.event === 'devices.changed')).toBe(true);
  });

  it('refuses a frame from elsewhere, or another window', async () => {
    expect(await handler!(event('https://evil.example/'), { method: 'devices.list' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/refused/) } });
    expect(await handler!(event('file:///x', { other: true }), { method: 'devices.list' })).toMatchObject({ ok: false });
  });

  it('unbinds cleanly', () => {
    unbind();
    expect(handler).toBeNull();
    unbind = () => undefined;
  });
});

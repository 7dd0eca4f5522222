import type { IpcMainInvokeEvent } from 'electron';
import { dispatch } from '../../shared/contract/dispatch';
import { CHANNELS, type Response } from '../../shared/contract/envelope';
import type { EventMessage } from '../../shared/contract/events';
import type { Engine } from '../core/engine';

/** The slice of Electron's ipcMain the contract needs; a plain object in tests. */
export interface IpcMainLike {
  handle(channel: string, listener: (e: IpcMainInvokeEvent, raw: unknown) => Promise<Response>): void;
  removeHandler(channel: string): void;
}

/** The window the contract serves: its webContents identity and a way to push events to it. */
export interface ContractWindow {
  readonly webContents: { send(channel: string, msg: EventMessage): void };
  isDestroyed(): boolean;
}

/** Only our own page, loaded from our files (or the dev server in development), may call the engine. */
export function isTrustedSender(e: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>, win: ContractWindow, devUrl: string | undefined): boolean {
  if (e.sender !== win.webContents) return false;
  const url = e.senderFrame?.url ?? '';
  if (devUrl && url.startsWith(devUrl)) return true;
  return url.startsWith('file://');
}

/** Binds the contract to Electron IPC: one invoke channel in, one event channel out. */
export function bindContractToIpc(engine: Engine, ipc: IpcMainLike, win: ContractWindow, devUrl: string | undefined): () => void {
  ipc.handle(CHANNELS.request, async (e, raw): Promise<Response> => {
    if (!isTrustedSender(e, win, devUrl)) {
      return { ok: false, error: { code: 'internal', message: 'Request refused: it did not come from the Syncscope window.' } };
    }
    return dispatch(engine.handlers, raw, { origin: 'ipc' });
  });
  const unsubscribe = engine.subscribe((msg) => {
    if (!win.isDestroyed()) win.webContents.send(CHANNELS.event, msg);
  });
  return () => {
    unsubscribe();
    ipc.removeHandler(CHANNELS.request);
  };
}

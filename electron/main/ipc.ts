import type { IpcMainInvokeEvent } from 'electron';
import { CHANNELS, type Response } from '../../shared/contract/envelope';
import type { EventMessage } from '../../shared/contract/events';
import { catalogError } from '../../shared/errors/catalog';
import { isSameOrigin } from './app-origin';

/** The slice of Electron's ipcMain the contract needs; a plain object in tests. */
export interface IpcMainLike {
  handle(channel: string, listener: (e: IpcMainInvokeEvent, raw: unknown) => Promise<Response>): void;
  removeHandler(channel: string): void;
}

/** The window the contract serves: its webContents identity (and main frame), and a way to push events to it. */
export interface ContractWindow {
  readonly webContents: { readonly mainFrame: unknown; send(channel: string, msg: EventMessage): void };
  isDestroyed(): boolean;
}

/** Where requests go: the engine host (EngineHostClient) in the app, an in-process engine in tests. */
export interface ContractTarget {
  request(raw: unknown): Promise<Response>;
  subscribe(listener: (msg: EventMessage) => void): () => void;
}

/**
 * Only our window's top frame, showing our own page (exact origin), may call the engine: not a
 * sub-frame, not another window, not a page that navigated elsewhere.
 */
export function isTrustedSender(e: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>, win: ContractWindow, origin: string): boolean {
  if (e.sender !== win.webContents) return false;
  const frame = e.senderFrame;
  if (!frame || frame !== win.webContents.mainFrame) return false;
  return isSameOrigin(frame.url, origin);
}

/** Binds the contract to Electron IPC: one invoke channel in (forwarded untouched), one event channel out. */
export function bindContractToIpc(target: ContractTarget, ipc: IpcMainLike, win: ContractWindow, origin: string): () => void {
  ipc.handle(CHANNELS.request, async (e, raw): Promise<Response> => {
    if (!isTrustedSender(e, win, origin)) return { ok: false, error: catalogError('desktop.request-refused') };
    return target.request(raw);
  });
  const unsubscribe = target.subscribe((msg) => {
    if (!win.isDestroyed()) win.webContents.send(CHANNELS.event, msg);
  });
  return () => {
    unsubscribe();
    ipc.removeHandler(CHANNELS.request);
  };
}

import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { dispatch } from '../../shared/contract/dispatch';
import { CHANNELS, type Response } from '../../shared/contract/envelope';
import type { Engine } from '../core/engine';

/** Only our own page, loaded from our own files (or the dev server), may call the engine. */
function trustedSender(e: IpcMainInvokeEvent, devUrl: string | undefined): boolean {
  const url = e.senderFrame?.url ?? '';
  if (devUrl && url.startsWith(devUrl)) return true;
  return url.startsWith('file://');
}

/** Binds the contract to Electron IPC: one invoke channel in, one event channel out. */
export function bindContractToIpc(engine: Engine, win: BrowserWindow, devUrl: string | undefined): () => void {
  ipcMain.handle(CHANNELS.request, async (e, raw: unknown): Promise<Response> => {
    if (!trustedSender(e, devUrl) || e.sender !== win.webContents) {
      return { ok: false, error: { code: 'internal', message: 'Request refused: it did not come from the Syncscope window.' } };
    }
    return dispatch(engine.handlers, raw, { origin: 'ipc' });
  });
  const unsubscribe = engine.subscribe((msg) => {
    if (!win.isDestroyed()) win.webContents.send(CHANNELS.event, msg);
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(CHANNELS.request);
  };
}

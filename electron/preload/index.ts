import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, type Request, type Response } from '../../shared/contract/envelope';
import type { EventMessage } from '../../shared/contract/events';

// Exposes exactly two capabilities: send a contract request, listen to contract events.
// No channel name, no ipcRenderer and no Node object crosses into the page.
contextBridge.exposeInMainWorld('syncscope', {
  request: (req: Request): Promise<Response> => ipcRenderer.invoke(CHANNELS.request, req) as Promise<Response>,
  onEvent: (listener: (msg: EventMessage) => void): (() => void) => {
    const wrapped = (_e: IpcRendererEvent, msg: EventMessage) => listener(msg);
    ipcRenderer.on(CHANNELS.event, wrapped);
    return () => {
      ipcRenderer.removeListener(CHANNELS.event, wrapped);
    };
  },
});

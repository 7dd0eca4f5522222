import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/contract/envelope';

// The preload runs inside Electron's sandbox; here contextBridge and ipcRenderer are recorders, and
// what crosses into the page is exactly what exposeInMainWorld received.
const electron = vi.hoisted(() => ({
  exposed: [] as [string, Record<string, unknown>][],
  invoked: [] as [string, unknown][],
  listeners: new Map<string, Set<(...args: unknown[]) => void>>(),
}));
vi.mock('electron', () => {
  const ipcRenderer = {
    invoke: (channel: string, arg: unknown) => {
      electron.invoked.push([channel, arg]);
      return Promise.resolve({ ok: true, value: 'answer' });
    },
    on: (channel: string, fn: (...args: unknown[]) => void) => {
      if (!electron.listeners.has(channel)) electron.listeners.set(channel, new Set());
      electron.listeners.get(channel)!.add(fn);
      return ipcRenderer;
    },
    removeListener: (channel: string, fn: (...args: unknown[]) => void) => {
      electron.listeners.get(channel)?.delete(fn);
      return ipcRenderer;
    },
    send: () => {
      throw new Error('the preload must not send');
    },
  };
  return { ipcRenderer, contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => electron.exposed.push([key, api]) } };
});

await import('./index');

describe('the preload bridge', () => {
  const api = () => electron.exposed[0]![1] as { request: (r: unknown) => Promise<unknown>; onEvent: (fn: (msg: unknown) => void) => () => void };

  it('exposes exactly two functions, once, as window.syncscope', () => {
    expect(electron.exposed.map(([key]) => key)).toEqual(['syncscope']);
    expect(Object.keys(api()).sort()).toEqual(['onEvent', 'request']);
    expect(Object.values(api()).every((v) => typeof v === 'function')).toBe(true);
  });

  it('sends requests on the request channel only, and hands back only the answer', async () => {
    expect(await api().request({ method: 'devices.list', params: {} })).toEqual({ ok: true, value: 'answer' });
    expect(electron.invoked).toEqual([[CHANNELS.request, { method: 'devices.list', params: {} }]]);
  });

  it('listens on the event channel only, passes the message but never the IPC event (no ipcRenderer, no sender), and unsubscribes', () => {
    const got: unknown[][] = [];
    const off = api().onEvent((...args) => got.push(args));
    expect([...electron.listeners.keys()]).toEqual([CHANNELS.event]);
    const ipcEvent = { sender: { send: () => undefined }, ports: [] };
    for (const fn of electron.listeners.get(CHANNELS.event)!) fn(ipcEvent, { event: 'devices.changed', payload: { devices: [] } });
    expect(got).toEqual([[{ event: 'devices.changed', payload: { devices: [] } }]]);
    off();
    expect(electron.listeners.get(CHANNELS.event)!.size).toBe(0);
  });
});

import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// Electron cannot run here: these fakes record what the shell asked of it.
const electron = vi.hoisted(() => ({ opened: [] as string[], windows: [] as { options: unknown; loaded: string[] }[] }));
vi.mock('electron', () => ({
  shell: { openExternal: async (url: string) => void electron.opened.push(url) },
  BrowserWindow: class {
    readonly loaded: string[] = [];
    constructor(readonly options: unknown) {
      electron.windows.push(this);
    }
    once() {}
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
  },
}));

const { guardWebContents, denyAllPermissions } = await import('./web-contents-guards');
const { createMainWindow } = await import('./window');
const { openExternal } = await import('./open-external');
const { APP_ORIGIN, APP_START_URL } = await import('./app-origin');

/** A WebContents' event surface: real EventEmitter, Electron-shaped events that record preventDefault. */
class FakeContents extends EventEmitter {
  openHandler: ((d: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
    this.openHandler = fn;
  }
  /** Emits `name` with an event for `url`; true when a guard prevented it. */
  fire(name: string, url = ''): boolean {
    let prevented = false;
    this.emit(name, { url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

describe('the window', () => {
  it('runs the page sandboxed, isolated, without Node, webviews or insecure content, and loads it from app://', () => {
    createMainWindow(APP_START_URL);
    const win = electron.windows.at(-1)!;
    expect(win.options).toMatchObject({
      show: false,
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        nodeIntegrationInWorker: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        preload: expect.stringMatching(/preload[/\\]index\.cjs$/),
      },
    });
    expect(win.loaded).toEqual(['app://syncscope/index.html']);
  });
});

describe('the web-contents guards', () => {
  let contents: FakeContents;
  beforeEach(() => {
    electron.opened.length = 0;
    contents = new FakeContents();
    guardWebContents(contents as never, APP_ORIGIN);
  });

  it('refuses every <webview>', () => {
    expect(contents.fire('will-attach-webview')).toBe(true);
  });

  it('lets the page move only within its own origin; an http(s) link goes to the system browser', () => {
    expect(contents.fire('will-navigate', 'app://syncscope/index.html#devices')).toBe(false);
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://evil/index.html', 'app://syncscope.evil/']) {
      expect(contents.fire('will-navigate', url), url).toBe(true);
      expect(contents.fire('will-redirect', url), url).toBe(true);
    }
    expect(contents.fire('will-redirect', 'app://syncscope/assets/a.js')).toBe(false);
    expect(electron.opened).toEqual(['https://evil.example/']);
  });

  it('compares the dev server by exact origin', () => {
    const dev = new FakeContents();
    guardWebContents(dev as never, 'http://localhost:5173');
    expect(dev.fire('will-navigate', 'http://localhost:5173/')).toBe(false);
    expect(dev.fire('will-navigate', 'http://localhost:5173.attacker.example/')).toBe(true);
    expect(dev.fire('will-navigate', 'http://localhost:51730/')).toBe(true);
  });

  it('opens no window; http(s) goes to the system browser, other schemes nowhere', () => {
    for (const url of ['https://linuxptp.nwtime.org/', 'file:///etc/passwd', 'smb://share/x', 'javascript:alert(1)']) {
      expect(contents.openHandler!({ url }), url).toEqual({ action: 'deny' });
    }
    expect(electron.opened).toEqual(['https://linuxptp.nwtime.org/']);
    expect(openExternal('not a url')).toBe(false);
  });

  it('denies every permission request and every permission check', () => {
    let request: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | null = null;
    let check: ((...args: unknown[]) => boolean) | null = null;
    denyAllPermissions({ setPermissionRequestHandler: (fn: never) => (request = fn), setPermissionCheckHandler: (fn: never) => (check = fn) } as never);
    const answers: boolean[] = [];
    for (const p of ['media', 'notifications', 'clipboard-read', 'openExternal']) request!(null, p, (ok) => answers.push(ok));
    expect(answers).toEqual([false, false, false, false]);
    expect(check!(null, 'clipboard-read', APP_ORIGIN, {})).toBe(false);
  });
});

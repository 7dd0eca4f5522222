import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { join } from 'node:path';

/** The page gets no Node, no Electron, its own JS world, Chromium's sandbox; only the preload's two calls. */
export function windowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    title: 'Syncscope',
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/** Opens the console at `url` (app://syncscope/index.html, or the dev server). Guards are app-wide (web-contents-guards.ts). */
export function createMainWindow(url: string): BrowserWindow {
  const win = new BrowserWindow(windowOptions(join(__dirname, '../preload/index.cjs')));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(url);
  return win;
}

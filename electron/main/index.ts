import { app, BrowserWindow, dialog, ipcMain, Notification, session } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SyncscopeError, type ErrorValue } from '../../shared/domain/errors';
import { catalogError, errorText } from '../../shared/errors/catalog';
import type { EngineHostClient } from '../core/host/host-client';
import { createLogger } from '../core/log';
import { APP_NAME } from '../core/paths';
import { loadOrCreateDataKey } from '../core/secrets/sealed-data-key';
import { APP_START_URL, pageOrigin } from './app-origin';
import { registerAppScheme, serveAppScheme } from './app-protocol';
import { bootFailureText, languageOf } from './boot-failure';
import { forkEngineHost } from './engine-host-process';
import { bindContractToIpc } from './ipc';
import { keychainSealer } from './keychain';
import { OfflineNotices } from './offline-notices';
import { denyAllPermissions, guardWebContents } from './web-contents-guards';
import { createMainWindow } from './window';

// Main is glue: the engine runs in a utility process (engine-host.ts); main owns the window, the
// keychain and the dialogs, and forwards the contract between them.
app.setName(APP_NAME);
app.enableSandbox();
registerAppScheme();

const log = createLogger();
const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const origin = pageOrigin(devUrl);
let host: EngineHostClient | null = null;
let win: BrowserWindow | null = null;

/** better-sqlite3 built for Electron's ABI, when `npm start` prepared one beside the Node build. */
function electronNativeBinding(): string | undefined {
  const p = join(app.getAppPath(), 'out', 'native', 'electron', 'better_sqlite3.node');
  return existsSync(p) ? p : undefined;
}

/** SYNCSCOPE_METRICS_PORT: a port for /metrics on 127.0.0.1, or unset/"off" for none. */
function metricsPort(value = process.env.SYNCSCOPE_METRICS_PORT): number | undefined {
  if (value === undefined || value === '' || value === 'off') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new SyncscopeError(catalogError('desktop.bad-metrics-port', { value }));
  return port;
}

/** The keychain-sealed data key (unsealed here, handed to the engine in its first message), or null without a keychain. */
function dataKey(dataDir: string): Buffer | null {
  const sealer = keychainSealer();
  if (!sealer) {
    log.warn('No OS keychain available: device secrets are sealed with a key file in the data directory.');
    return null;
  }
  return loadOrCreateDataKey(join(dataDir, 'keychain.key'), sealer);
}

function openWindow(engine: EngineHostClient): void {
  const w = createMainWindow(devUrl ?? APP_START_URL);
  win = w;
  const unbind = bindContractToIpc(engine, ipcMain, w, origin);
  w.on('closed', () => {
    unbind();
    if (win === w) win = null;
  });
}

function engineStopped(error: ErrorValue): void {
  const { message, hint } = errorText(error, languageOf(app.getLocale()));
  log.error({ error }, 'engine host stopped');
  const choice = dialog.showMessageBoxSync({ type: 'error', title: 'Syncscope', message, detail: hint ?? '', buttons: ['Restart', 'Quit'], defaultId: 0 });
  if (choice === 0) app.relaunch();
  app.exit(1);
}

async function boot(): Promise<void> {
  denyAllPermissions(session.defaultSession);
  serveAppScheme(join(__dirname, '../renderer'));
  const dataDir = app.getPath('userData');
  const init = { dataDir, dataKey: dataKey(dataDir), metricsPort: metricsPort(), nativeBinding: electronNativeBinding() };
  const engine = forkEngineHost();
  host = engine;
  const notices = new OfflineNotices(languageOf(app.getLocale()));
  engine.subscribe((msg) => {
    // Alarm notifications are grouped by the engine already (one per failover, one recovery notice).
    const notice = msg.event === 'alarms.notification' ? { title: msg.payload.title, body: msg.payload.body } : notices.onEvent(msg);
    if (notice && Notification.isSupported() && !win?.isFocused()) new Notification(notice).show();
  });
  engine.onStopped(engineStopped);
  await engine.start(init);
  openWindow(engine);
}

function failBoot(err: unknown): void {
  const { title, content } = bootFailureText(err, languageOf(app.getLocale()));
  log.error({ err }, 'start-up failed');
  dialog.showErrorBox(title, content);
  app.exit(1);
}

if (!app.requestSingleInstanceLock()) {
  // Another Syncscope runs: it gets focus (its 'second-instance' below), this one leaves.
  app.exit(0);
} else {
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('web-contents-created', (_e, contents) => guardWebContents(contents, origin));
  app.whenReady().then(boot).catch(failBoot);

  app.on('window-all-closed', () => {
    void (async () => {
      await host?.close();
      host = null;
      app.quit();
    })();
  });

  app.on('activate', () => {
    if (host && BrowserWindow.getAllWindows().length === 0) openWindow(host);
  });
}

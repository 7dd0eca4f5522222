import { app, BrowserWindow, ipcMain, Notification } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from '../core/engine';
import { startMetricsServer, type MetricsServer } from '../core/metrics/metrics-server';
import { APP_NAME } from '../core/paths';
import { FallbackBox } from '../core/secrets/fallback-box';
import { FileKeyBox } from '../core/secrets/file-key-box';
import { bindContractToIpc } from './ipc';
import { safeStorageBox } from './safe-storage-box';
import { createMainWindow } from './window';

app.setName(APP_NAME);
app.enableSandbox();

const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
let engine: Engine | null = null;
let metrics: MetricsServer | null = null;

/** better-sqlite3 built for Electron's ABI, when `npm start` prepared one beside the Node build. */
function electronNativeBinding(): string | undefined {
  const p = join(app.getAppPath(), 'out', 'native', 'electron', 'better_sqlite3.node');
  return existsSync(p) ? p : undefined;
}

async function boot(): Promise<void> {
  const dataDir = app.getPath('userData');
  const keychain = safeStorageBox();
  // Devices added with `syncscope device add --data <this dir>` are sealed with the dir's key file.
  const box = keychain ? new FallbackBox(keychain, [() => new FileKeyBox(join(dataDir, 'secret.key'))]) : null;
  const nativeBinding = electronNativeBinding();
  engine = new Engine({ dataDir, ...(box ? { secretBox: box } : {}), ...(nativeBinding ? { nativeBinding } : {}) });
  if (!box) engine.log.warn('No OS keychain available: device secrets are sealed with a key file in the data directory.');
  const metricsPort = process.env.SYNCSCOPE_METRICS_PORT;
  if (metricsPort && metricsPort !== 'off') {
    metrics = await startMetricsServer(engine.metrics.registry, '127.0.0.1', Number(metricsPort));
    engine.metricsUrl = metrics.url;
  }
  const win = createMainWindow(devUrl);
  const unbind = bindContractToIpc(engine, ipcMain, win, devUrl);
  win.on('closed', unbind);
  engine.subscribe((msg) => {
    if (msg.event === 'device.status' && msg.payload.connection === 'offline' && Notification.isSupported() && !win.isFocused()) {
      new Notification({ title: 'Syncscope', body: msg.payload.lastError?.message ?? 'A device went offline.' }).show();
    }
  });
  await engine.start();
}

app.whenReady().then(boot, (err: unknown) => {
  console.error('Syncscope failed to start:', err);
  app.exit(1);
});

app.on('window-all-closed', () => {
  void (async () => {
    await metrics?.close();
    await engine?.close();
    engine = null;
    app.quit();
  })();
});

app.on('activate', () => {
  if (engine && BrowserWindow.getAllWindows().length === 0) {
    const win = createMainWindow(devUrl);
    win.on('closed', bindContractToIpc(engine, ipcMain, win, devUrl));
  }
});

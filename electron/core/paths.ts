import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Syncscope';
/** The headless engine's own folder name: never the desktop app's, whose secrets sit in the OS keychain. */
export const SERVE_DIR_NAME = 'syncscope-serve';

/** The folder Electron's app.getPath('userData') gives for "Syncscope": the desktop app's data. */
export function desktopDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

/**
 * The `syncscope` command's data folder (serve and device commands alike): $SYNCSCOPE_DATA, else
 * $XDG_DATA_HOME/syncscope-serve (~/.local/share/syncscope-serve) on Linux, and the platform's
 * usual place elsewhere. Separate from the desktop app's folder, whose secrets only the desktop
 * app can open (they are sealed with the OS keychain).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.SYNCSCOPE_DATA) return env.SYNCSCOPE_DATA;
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), SERVE_DIR_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', SERVE_DIR_NAME);
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), SERVE_DIR_NAME);
}

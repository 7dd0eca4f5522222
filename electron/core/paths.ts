import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Syncscope';

/** The same folder Electron's app.getPath('userData') gives for "Syncscope", so the CLI and the desktop app share it. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.SYNCSCOPE_DATA) return env.SYNCSCOPE_DATA;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

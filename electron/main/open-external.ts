import { shell } from 'electron';

/**
 * The one way out to the system browser: http(s) URLs only, every other scheme (file:, smb:,
 * custom handlers that run programs) is dropped. Lint allows shell.openExternal nowhere else.
 */
export function openExternal(url: string): boolean {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return false;
  }
  if (protocol !== 'https:' && protocol !== 'http:') return false;
  void shell.openExternal(url);
  return true;
}

import type { Session, WebContents } from 'electron';
import { isSameOrigin } from './app-origin';
import { openExternal } from './open-external';

/** The events of a WebContents the guards listen to; Electron's own object in the app, a recorder in tests. */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Applied to every web contents the app creates (app 'web-contents-created'), not only to our window:
 * no <webview>, no navigation or redirect away from the console's own origin, no new windows (an
 * http(s) link goes to the system browser instead).
 */
export function guardWebContents(contents: GuardedContents, origin: string): void {
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.on('will-navigate', (e) => {
    if (isSameOrigin(e.url, origin)) return;
    e.preventDefault();
    openExternal(e.url);
  });
  contents.on('will-redirect', (e) => {
    if (!isSameOrigin(e.url, origin)) e.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
}

/** The console needs no camera, notifications-from-the-page, clipboard, USB…: every request and every check says no. */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

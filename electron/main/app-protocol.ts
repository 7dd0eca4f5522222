import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { CSP_HEADER } from '../../shared/security/csp';
import { APP_ORIGIN, APP_SCHEME, originOf } from './app-origin';
import { contentTypeOf } from '../../shared/web/content-types';

/**
 * The page is served from `app://syncscope/`, not file://: the packaged app's
 * grantFileProtocolExtraPrivileges fuse (rightly) keeps module scripts from running off file://.
 * Must run before the app is ready. `standard` gives the scheme real origins and relative URLs;
 * `secure` makes it a secure context.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** The file under `root` that an app:// URL names, or null: another host, a path outside `root`, a malformed escape. */
export function resolveAppPath(url: string, root: string): string | null {
  if (originOf(url) !== APP_ORIGIN) return null;
  const rootDir = normalize(root + sep);
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const file = normalize(join(rootDir, path === '/' ? 'index.html' : path));
  return file.startsWith(rootDir) ? file : null;
}


/** Serves the built renderer on app://syncscope/, with the console's CSP as a header. */
export function serveAppScheme(root: string): void {
  protocol.handle(APP_SCHEME, async (req) => {
    const file = resolveAppPath(req.url, root);
    if (!file) return new Response('forbidden', { status: 403 });
    const body = await readFile(file).catch(() => null);
    if (!body) return new Response('not found', { status: 404 });
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        'content-type': contentTypeOf(extname(file)),
        'content-security-policy': CSP_HEADER,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      },
    });
  });
}

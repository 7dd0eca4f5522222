/**
 * Where the console's page comes from, compared as exact origins. The packaged app serves it from
 * its own `app://syncscope/` scheme; in development, from electron-vite's dev server.
 *
 * WHATWG URL gives every non-special scheme (app:) the opaque origin "null", so `new URL(u).origin`
 * cannot tell app://syncscope from app://evil: we compare scheme and host ourselves.
 */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://syncscope';
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** `scheme://host[:port]` of an app: or http(s): URL; null for anything else (file:, data:, javascript:, junk). */
export function originOf(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol === 'http:' || u.protocol === 'https:') return u.origin;
  if (u.protocol === `${APP_SCHEME}:` && u.host !== '' && u.username === '' && u.password === '') return `${u.protocol}//${u.host}`;
  return null;
}

/** True only for a URL whose origin is exactly `origin` (never a prefix: localhost:5173 ≠ localhost:51730). */
export function isSameOrigin(url: string, origin: string): boolean {
  return originOf(url) === origin;
}

/** The origin the window's page must have: the dev server's, when electron-vite gave one, else app://syncscope. */
export function pageOrigin(devUrl: string | undefined): string {
  return (devUrl && originOf(devUrl)) || APP_ORIGIN;
}

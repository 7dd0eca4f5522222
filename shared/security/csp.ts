/**
 * The console's one Content-Security-Policy, as data. Both HTTP front doors (`serve`'s static files
 * and the desktop app's `app://` scheme) send the header form; the built index.html carries the meta
 * form, for when no header is present (the dev server).
 *
 * - `connect-src 'self'`: CSP3's 'self' also matches ws:/wss: on the page's own host and port, which
 *   is all socket.io needs; a bare `ws: wss:` would let the page talk to any host.
 * - `frame-ancestors` is honoured only in a header: Chromium ignores it in a meta tag and logs an
 *   error, so the meta form leaves it (and the other header-only directives) out.
 */
const DIRECTIVES: readonly (readonly [name: string, value: string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** Directives a `<meta http-equiv>` policy may not carry (CSP3 §3.3). */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

const policy = (directives: typeof DIRECTIVES) => directives.map(([name, value]) => `${name} ${value}`).join('; ');

/** The `Content-Security-Policy` response header. */
export const CSP_HEADER = policy(DIRECTIVES);

/** The same policy for `<meta http-equiv="Content-Security-Policy">`. */
export const CSP_META = policy(DIRECTIVES.filter(([name]) => !HEADER_ONLY.has(name)));

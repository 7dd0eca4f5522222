import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { CSP_HEADER as CSP } from '../../../shared/security/csp';
import { contentTypeOf } from '../../../shared/web/content-types';



/** Serves the built renderer; unknown paths get index.html; nothing outside `root` is reachable. */
export function staticHandler(root: string): (req: IncomingMessage, res: ServerResponse) => void {
  const rootDir = normalize(root + sep);
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    } catch {
      res.writeHead(400).end('bad path');
      return;
    }
    let file = normalize(join(rootDir, path));
    if (!file.startsWith(rootDir)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    let size: number;
    try {
      const st = statSync(file);
      if (st.isDirectory()) throw new Error('dir');
      size = st.size;
    } catch {
      file = join(rootDir, 'index.html');
      try {
        size = statSync(file).size;
      } catch {
        res.writeHead(503, { 'content-type': 'text/plain' }).end('The Syncscope UI is not built. Run `npm run build`, then start `syncscope serve` again.\n');
        return;
      }
    }
    res.writeHead(200, {
      'content-type': contentTypeOf(extname(file)),
      'content-length': size,
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': file.endsWith('index.html') ? 'no-cache' : 'max-age=3600',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };
}

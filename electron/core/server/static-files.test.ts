import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticHandler } from './static-files';

describe('static file serving of the built UI', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'syncscope-static-'));
    mkdirSync(join(dir, 'ui', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'ui', 'index.html'), '<!doctype html><title>ui</title>');
    writeFileSync(join(dir, 'ui', 'assets', 'a.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.key'), 'top secret');
    server = createServer(staticHandler(join(dir, 'ui')));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  it('serves files with a CSP and falls back to index.html', async () => {
    const js = await fetch(`${base}/assets/a.js`);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(js.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(await (await fetch(`${base}/devices/42`)).text()).toContain('<title>ui</title>');
  });

  it('never serves a file outside its folder', async () => {
    for (const path of ['/../secret.key', '/%2e%2e/secret.key', '/assets/..%2f..%2fsecret.key']) {
      const text = await (await fetch(base + path)).text();
      expect(text).not.toContain('top secret');
    }
  });

  it('refuses writes', async () => {
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
  });
});

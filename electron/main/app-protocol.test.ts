import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CSP_HEADER } from '../../shared/security/csp';

// Records what the shell asks of Electron's protocol module; the handler it installs is the real one.
const electron = vi.hoisted(() => ({
  privileged: [] as unknown[],
  handlers: new Map<string, (req: Request) => Promise<Response>>(),
}));
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => electron.privileged.push(...schemes),
    handle: (scheme: string, fn: (req: Request) => Promise<Response>) => electron.handlers.set(scheme, fn),
  },
}));

const { registerAppScheme, resolveAppPath, serveAppScheme } = await import('./app-protocol');

describe('the app:// scheme', () => {
  const parent = mkdtempSync(join(tmpdir(), 'syncscope-app-'));
  const root = join(parent, 'renderer');
  beforeAll(() => {
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<title>ui</title>');
    writeFileSync(join(root, 'assets', 'a.js'), 'export {}');
    writeFileSync(join(parent, 'secret.key'), 'top secret');
    registerAppScheme();
    serveAppScheme(root);
  });
  afterAll(() => rmSync(parent, { recursive: true, force: true }));
  const get = (url: string) => electron.handlers.get('app')!(new Request(url));

  it('is a standard, secure scheme, registered before the app is ready', () => {
    expect(electron.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves the built page with the CSP header (frame-ancestors included) and a module script type', async () => {
    const page = await get('app://syncscope/index.html');
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<title>ui</title>');
    expect(page.headers.get('content-security-policy')).toBe(CSP_HEADER);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const js = await get('app://syncscope/assets/a.js');
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await get('app://syncscope/')).status).toBe(200);
  });

  it('refuses paths outside the renderer folder and other hosts', async () => {
    for (const url of ['app://syncscope/../secret.key', 'app://syncscope/%2e%2e/secret.key', 'app://syncscope/assets/..%2f..%2fsecret.key', 'app://syncscope/%2e%2e%5csecret.key', 'app://other/index.html', 'app://syncscope/%E0%A4%A']) {
      const res = await get(url);
      expect(res.status, url).not.toBe(200);
      expect(await res.text(), url).not.toContain('top secret');
    }
    expect((await get('app://syncscope/missing.js')).status).toBe(404);
    expect(resolveAppPath('app://syncscope/assets/a.js', root)).toBe(join(root, 'assets', 'a.js'));
    expect(resolveAppPath('app://syncscope/assets/..%2f..%2fsecret.key', root)).toBeNull();
    expect(resolveAppPath('app://syncscope/%2e%2e/secret.key', root)).toBe(join(root, 'secret.key'));
  });
});

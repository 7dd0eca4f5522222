import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../test/support/free-port';
import { runCli } from '../../../test/support/processes';

// The built CLI (out/main/cli.js, via bin/syncscope.cjs): `npm run build` first.
describe('syncscope doctor, run as a user would', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-doctor-cli-'));
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'key')]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a device it cannot reach: says why and what to check, and exits 10 (not the status of a bug)', async () => {
    const port = await freePort();
    const data = join(dir, 'data');
    const add = await runCli(['device', 'add', '--name', 'gone', '--host', '127.0.0.1', '--ssh-port', String(port), '--user', 'root', '--key', join(dir, 'key'), '--data', data]);
    expect(add.status, add.stderr).toBe(0);
    const r = await runCli(['doctor', '--device', 'gone', '--data', data]);
    expect(r.status).toBe(10);
    expect(r.stderr).toMatch(/^syncscope: the health checks of gone could not run: .*127\.0\.0\.1/m);
    expect(r.stdout).toBe('');
  });

  it('a language it does not speak is a usage error', async () => {
    const r = await runCli(['doctor', '--device', 'gone', '--lang', 'fr', '--data', join(dir, 'data')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--lang: "fr" is not one of en, zh-CN');
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/processes';

// Runs the built CLI (out/main/cli.js, via bin/syncscope.cjs): `npm run build` first.
describe('device add --host-key / --jump-host-key, run as a user would', () => {
  const dir = mkdtempSync(join(tmpdir(), 'syncscope-hk-flags-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const FP = 'SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s';
  const add = (...extra: string[]) => runCli(['device', 'add', '--data', dir, '--host', '192.0.2.30', '--user', 'root', '--auth', 'agent', ...extra]);
  const list = async () => JSON.parse((await runCli(['device', 'list', '--data', dir, '--json'])).stdout) as { name: string; hostKeySha256: string | null; jump: { hostKeySha256: string | null } | null }[];

  it('adds the device with its expected keys in one write', async () => {
    const r = await add('--name', 'hk-flags', '--host-key', FP, '--jump', 'ops@bastion.lab', '--jump-host-key', FP);
    expect(r.status, r.stderr).toBe(0);
    expect((await list()).find((d) => d.name === 'hk-flags')).toMatchObject({ hostKeySha256: FP, jump: { hostKeySha256: FP } });
  });

  it('adds nothing when a key is malformed (it used to add the device, then fail to set the key)', async () => {
    const r = await add('--name', 'hk-typo', '--host-key', 'SHA256:typo');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--host-key: host key fingerprint must look like SHA256:');
    expect((await list()).map((d) => d.name)).not.toContain('hk-typo');
  });

  it('refuses --host-key with --accept-new-host-key when there is nothing left to accept, before adding anything', async () => {
    const r = await add('--name', 'hk-both', '--host-key', FP, '--accept-new-host-key');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--host-key and --accept-new-host-key disagree');
    expect((await list()).map((d) => d.name)).not.toContain('hk-both');
  });
});

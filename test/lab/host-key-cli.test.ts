import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostKeyPromptOf } from '../../shared/hostkeys/host-key-prompt';
import { startTestServer, waitFor, type TestServer } from '../support/engine-server';
import { runCli } from '../support/processes';
import { skipUnlessAvailable } from '../support/skip';
import { RotatingSshd } from './host-key-sshd';
import { labIsolatedDevice, labSkipReason, labUp, type LabDevice } from './lab';

const run = promisify(execFile);
const skip = skipUnlessAvailable('host-key CLI lab tests', labSkipReason());
/** Its own sshd port on ss-x1 (the browser suite uses another). */
const PORT = 2231;
const USER = userInfo().username;

describe.skipIf(skip !== null)('host keys decided from the CLI, against a real sshd on ss-x1', () => {
  let x1: LabDevice;
  let sshd: RotatingSshd;
  let t: TestServer;
  let dir: string;

  beforeAll(async () => {
    x1 = labIsolatedDevice(await labUp(), 'ss-x1');
    sshd = new RotatingSshd(x1, PORT);
    await sshd.start();
    t = await startTestServer();
    dir = mkdtempSync(join(tmpdir(), 'syncscope-hk-cli-'));
  });
  afterAll(async () => {
    await t?.close();
    await sshd?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const cli = (...args: string[]) => runCli([...args, '--server', t.server.url]);
  const addArgs = (name: string) => ['device', 'add', '--name', name, '--host', x1.host, '--ssh-port', String(PORT), '--user', x1.user, '--key', x1.privateKeyPath, '--uds', x1.udsPath, '--interval', '500'];
  const statusOf = async (name: string) => {
    const d = (await t.client.call('devices.list')).find((v) => v.name === name);
    return d ? (await t.client.call('devices.status')).find((s) => s.deviceId === d.id) : undefined;
  };
  const deviceNamed = async (name: string) => (await t.client.call('devices.list')).find((v) => v.name === name);
  const authRequests = (log: string) => log.match(/userauth-request|Accepted publickey|Failed publickey/g) ?? [];

  it('a first contact waits for the operator (status, device list, /metrics) with no credential sent; trust-key must name the presented key', async () => {
    const logFrom = sshd.log().length;
    const add = await cli(...addArgs('hk-cli'));
    expect(add.status, add.stderr).toBe(0);
    const waiting = await waitFor('the first contact to wait for the operator', async () => {
      const st = await statusOf('hk-cli');
      return st?.connection === 'awaiting-host-key' ? st : null;
    });
    expect(hostKeyPromptOf(waiting)).toMatchObject({ kind: 'new', target: 'device', presented: sshd.fingerprint, hostPort: `${x1.host}:${PORT}` });
    expect(authRequests(sshd.log().slice(logFrom))).toEqual([]);

    const list = await cli('device', 'list');
    expect(list.stdout).toMatch(/hk-cli .* awaiting-host-key/);
    const metrics = await (await fetch(t.server.metricsUrl!)).text();
    expect(metrics).toMatch(/^syncscope_device_up\{device="hk-cli"\} 0$/m);

    const wrong = await cli('device', 'trust-key', 'hk-cli', x1.hostKeySha256);
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toContain(`is not the host key hk-cli presents now (${sshd.fingerprint})`);
    expect((await deviceNamed('hk-cli'))?.hostKeySha256).toBeNull();

    const ok = await cli('device', 'trust-key', 'hk-cli', sshd.fingerprint);
    expect(ok.stdout, ok.stderr).toContain(`Trusted the host key of hk-cli: ${sshd.fingerprint}`);
    await waitFor('hk-cli to log in and measure', async () => (await statusOf('hk-cli'))?.connection === 'online', 30_000);
    expect((await deviceNamed('hk-cli'))?.hostKeySha256).toBe(sshd.fingerprint);
    expect(authRequests(sshd.log().slice(logFrom))).toContain('Accepted publickey');
  });

  it('a rotated key is refused with old and new shown; trust-key NAME NEW accepts it, audited old → new', async () => {
    const old = sshd.fingerprint;
    await sshd.rotate();
    const refused = await waitFor('the changed key to be refused', async () => {
      const st = await statusOf('hk-cli');
      return st?.connection === 'awaiting-host-key' ? st : null;
    }, 30_000);
    expect(hostKeyPromptOf(refused)).toMatchObject({ kind: 'changed', expected: old, presented: sshd.fingerprint });

    const ok = await cli('device', 'trust-key', 'hk-cli', sshd.fingerprint);
    expect(ok.stdout, ok.stderr).toContain(`Accepted the new host key of hk-cli: ${old} → ${sshd.fingerprint}`);
    await waitFor('hk-cli to measure again', async () => (await statusOf('hk-cli'))?.connection === 'online', 30_000);

    const events = await cli('events', '--device', 'hk-cli', '--json');
    const hostKeyEvents = (JSON.parse(events.stdout) as { kind: string; from: string | null; to: string; detail: Record<string, unknown> }[]).filter((e) => e.kind === 'host-key');
    expect(hostKeyEvents.map((e) => [e.detail.action, e.from, e.to])).toEqual([
      ['presented', null, old],
      ['trust', null, old],
      ['accept-changed', old, sshd.fingerprint],
    ]);
    expect(hostKeyEvents.at(-1)?.detail).toMatchObject({ by: USER, via: 'socket', target: 'device' });
  });

  it('device add --accept-new-host-key trusts what the first contact shows; --host-key sets the key to expect', async () => {
    const accepted = await cli(...addArgs('hk-accept'), '--accept-new-host-key');
    expect(accepted.stdout, accepted.stderr).toContain(`Trusted the host key of hk-accept: ${sshd.fingerprint}`);
    expect((await deviceNamed('hk-accept'))?.hostKeySha256).toBe(sshd.fingerprint);
    await waitFor('hk-accept to measure', async () => (await statusOf('hk-accept'))?.connection === 'online', 30_000);

    const named = await cli(...addArgs('hk-named'), '--host-key', x1.hostKeySha256);
    expect(named.status, named.stderr).toBe(0);
    // The key of ss-x1's own sshd is not what this port presents: refused with both, before any login.
    const st = await waitFor('the named key to be refused', async () => {
      const s = await statusOf('hk-named');
      return s?.connection === 'awaiting-host-key' && s.lastError?.messageId === 'ssh.host-key-mismatch' ? s : null;
    });
    expect(hostKeyPromptOf(st)).toMatchObject({ kind: 'changed', expected: x1.hostKeySha256, presented: sshd.fingerprint });
  });

  it('import-ssh-config adds hosts with user, port, key and the expected key from a hashed known_hosts', async () => {
    const known = join(dir, 'known_hosts');
    writeFileSync(known, `[${x1.host}]:${PORT} ${sshd.publicKey}\n`);
    await run('ssh-keygen', ['-H', '-f', known]);
    const config = join(dir, 'config');
    writeFileSync(
      config,
      [`Host hk-imp hk-imp-other`, `  HostName ${x1.host}`, `  Port ${PORT}`, `  UserKnownHostsFile ${known}`, `Match exec "true"`, `  User nobody`, `Host *`, `  User ${x1.user}`, `  IdentityFile ${x1.privateKeyPath}`, ''].join('\n'),
    );
    const dry = await cli('device', 'import-ssh-config', '--file', config, '--host', 'hk-imp', '--uds', x1.udsPath, '--dry-run');
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(new RegExp(`hk-imp +would add +${x1.user}@${x1.host.replace(/\./g, '\\.')}:${PORT} +${sshd.fingerprint.replace(/[+/]/g, '\\$&')}`));
    expect(dry.stdout).toContain('Match blocks are not evaluated');
    expect(await deviceNamed('hk-imp')).toBeUndefined();

    const real = await cli('device', 'import-ssh-config', '--file', config, '--host', 'hk-imp', '--uds', x1.udsPath);
    expect(real.stdout, real.stderr).toMatch(/hk-imp +added/);
    expect(real.stdout).not.toContain('hk-imp-other');
    const d = await deviceNamed('hk-imp');
    expect(d).toMatchObject({ host: x1.host, sshPort: PORT, user: x1.user, authKind: 'privateKey', hostKeySha256: sshd.fingerprint });
    // An expected key from known_hosts: online with no question asked.
    await waitFor('hk-imp to measure', async () => (await statusOf('hk-imp'))?.connection === 'online', 30_000);
  });
});

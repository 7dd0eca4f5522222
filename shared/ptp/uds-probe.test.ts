import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseSocket, probeArgv, readUdsProbe, type SocketAccess, type UdsProbe } from './uds-probe';

const probe = (sockets: Record<string, SocketAccess>, roFromConfig: string | null = null): UdsProbe => ({ versionText: '4.2', version: { major: 4, minor: 2, patch: 0, text: '4.2' }, roFromConfig, sockets: new Map(Object.entries(sockets)) });

describe('choosing the socket pmc talks to', () => {
  it('the configured socket when this login may write it, whatever else exists', () => {
    expect(chooseSocket('/run/a', probe({ '/run/a': 'writable', '/var/run/ptp4lro': 'writable' }), true)).toEqual({ path: '/run/a', readOnly: false, reason: null });
  });

  it('a missing socket: the first default of any version this login may write (only for a one-instance device)', () => {
    const p = probe({ '/run/a': 'missing', '/var/run/ptp4l': 'missing', '/var/run/ptp/ptp4l': 'writable' });
    expect(chooseSocket('/run/a', p, true)).toEqual({ path: '/var/run/ptp/ptp4l', readOnly: false, reason: 'default-socket' });
    expect(chooseSocket('/run/a', p, false)).toEqual({ path: '/run/a', readOnly: false, reason: null });
  });

  it('a socket this login may not write: the read-only socket of the config first, else a default one, polled', () => {
    const p = probe({ '/run/a': 'not-writable', '/run/a-ro': 'writable', '/var/run/ptp4lro': 'writable' }, '/run/a-ro');
    expect(chooseSocket('/run/a', p, true)).toEqual({ path: '/run/a-ro', readOnly: true, reason: 'read-only-socket' });
    expect(chooseSocket('/run/a', probe({ '/run/a': 'not-writable', '/var/run/ptp4lro': 'writable' }), true)).toEqual({ path: '/var/run/ptp4lro', readOnly: true, reason: 'read-only-socket' });
    // A default socket this login may not write counts as refused too (the missing configured one then falls back to read-only).
    expect(chooseSocket('/run/a', probe({ '/var/run/ptp4l': 'not-writable', '/var/run/ptp/ptp4lro': 'writable' }), true)).toMatchObject({ path: '/var/run/ptp/ptp4lro', readOnly: true });
    // Nothing usable: the configured socket, so pmc reports what is wrong with it.
    expect(chooseSocket('/run/a', probe({ '/run/a': 'not-writable' }), true)).toEqual({ path: '/run/a', readOnly: false, reason: null });
  });

  it('reads the probe output and skips what it does not know; a path that is no valid socket path is not used', () => {
    const r = readUdsProbe('version 3.1.1\nro-config ../etc/passwd\nsock w /run/a\nsock r /var/run/ptp4l\nsock - /var/run/ptp4lro\nnoise\n');
    expect(r.version).toMatchObject({ major: 3, minor: 1, patch: 1 });
    expect(r.roFromConfig).toBeNull();
    expect([...r.sockets]).toEqual([['/run/a', 'writable'], ['/var/run/ptp4l', 'not-writable'], ['/var/run/ptp4lro', 'missing']]);
    expect(readUdsProbe('version -\n')).toMatchObject({ versionText: null, version: null });
  });
});

describe('the probe script, run by a real sh on this machine', () => {
  let dir: string;
  let servers: Server[] = [];
  const listen = (path: string) =>
    new Promise<void>((ok) => {
      const s = createServer();
      servers.push(s);
      s.listen(path, () => ok());
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-probe-'));
    await listen(join(dir, 'ptp4l'));
    await listen(join(dir, 'ptp4l-ro'));
    writeFileSync(join(dir, 'ptp4l.conf'), `[global]\n# uds_ro_address /nope\n  uds_ro_address   ${join(dir, 'ptp4l-ro')}   # the read-only one\nuds_address ${join(dir, 'ptp4l')}\n`);
  });
  afterAll(() => {
    for (const s of servers) s.close();
    servers = [];
    rmSync(dir, { recursive: true, force: true });
  });

  it("finds the config's uds_ro_address, tells sockets from missing paths, and prints ptp4l -v when ptp4l is here", () => {
    const [cmd, ...args] = probeArgv(join(dir, 'ptp4l'), join(dir, 'ptp4l.conf'));
    const out = execFileSync(cmd as string, args, { encoding: 'utf8', env: { ...process.env, PATH: `${process.env.PATH ?? ''}:/usr/sbin:/sbin` } });
    const r = readUdsProbe(out);
    expect(r.roFromConfig).toBe(join(dir, 'ptp4l-ro'));
    // Run as root here: every socket is writable; the lab test covers a login that may not write.
    expect(r.sockets.get(join(dir, 'ptp4l'))).toBe(process.getuid?.() === 0 ? 'writable' : expect.any(String));
    expect(r.sockets.get(join(dir, 'ptp4l-ro'))).toBe('writable');
    expect(r.sockets.get('/var/run/ptp/ptp4lro')).toBe('missing');
    let installed = '';
    try {
      installed = execFileSync('sh', ['-c', 'PATH=$PATH:/usr/sbin:/sbin; ptp4l -v 2>&1'], { encoding: 'utf8' }).trim();
    } catch {
      installed = '';
    }
    expect(r.versionText).toBe(installed === '' ? null : installed);
  });
});

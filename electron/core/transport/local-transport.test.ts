import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncscopeError } from '../../../shared/domain/errors';
import { LocalTransport } from './local-transport';

/** Real processes, no mocks: what the engine meets when a device is "this machine". */
describe('LocalTransport', () => {
  let t: LocalTransport;
  const dirs: string[] = [];
  afterEach(() => {
    t?.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  const errorOf = async (p: Promise<unknown>): Promise<SyncscopeError> => {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    if (!(err instanceof SyncscopeError)) throw new Error(`expected a SyncscopeError, got ${String(err)}`);
    return err;
  };

  it('runs argv without a shell and gives stdout, stderr and the exit status', async () => {
    t = new LocalTransport();
    await t.connect();
    expect(t.state).toBe('connected');
    const res = await t.exec(['sh', '-c', 'printf "%s|" "$@"; echo oops >&2; exit 3', 'sh', 'a b', '$(id)', "it's"]);
    expect(res).toMatchObject({ stdout: "a b|$(id)|it's|", stderr: 'oops\n', exitCode: 3, truncated: false });
  });

  it('answers a missing program with status 127, like a shell', async () => {
    t = new LocalTransport();
    const res = await t.exec(['syncscope-no-such-program-xyz']);
    expect(res.exitCode).toBe(127);
    expect(res.stderr).toContain('syncscope-no-such-program-xyz');
  });

  it('finds programs in the sbin directories even when PATH lacks them', async () => {
    const saved = process.env.PATH;
    process.env.PATH = '/usr/bin:/bin';
    try {
      t = new LocalTransport();
      // ip lives in /usr/sbin or /sbin on Debian; it is in the lab's tool list.
      expect((await t.exec(['ip', '-V'])).exitCode).toBe(0);
    } finally {
      process.env.PATH = saved;
    }
  });

  it('reports output past the cap as truncated instead of handing over a silent prefix', async () => {
    t = new LocalTransport();
    const res = await t.exec(['sh', '-c', 'head -c 100000 /dev/zero | tr "\\0" x'], { maxOutputBytes: 1000 });
    expect(res.stdout.length).toBe(1000);
    expect(res.truncated).toBe(true);
  });

  it('stops a command at its deadline with TERM, so it can clean up, and says what timed out', async () => {
    t = new LocalTransport();
    const dir = mkdtempSync(join(tmpdir(), 'syncscope-local-'));
    dirs.push(dir);
    const marker = join(dir, 'cleaned');
    const err = await errorOf(t.exec(['sh', '-c', `trap 'kill $!; touch ${marker}; exit 143' TERM; sleep 30 & wait`], { timeoutMs: 300 }));
    expect(err.value).toMatchObject({ code: 'device-output', messageId: 'collect.command-timeout', params: { command: 'sh', ms: 300 } });
    await waitUntil(() => existsSync(marker));
  });

  it('stops a command when its signal aborts, with the signal’s reason', async () => {
    t = new LocalTransport();
    const ac = new AbortController();
    const running = t.exec(['sleep', '30'], { signal: ac.signal });
    const reason = new SyncscopeError({ code: 'internal', message: 'stop' });
    setTimeout(() => ac.abort(reason), 50);
    await expect(running).rejects.toBe(reason);
  });

  it('is final once closed: commands in flight stop and nothing new runs', async () => {
    t = new LocalTransport();
    const running = t.exec(['sleep', '30']);
    t.close();
    expect((await errorOf(running)).value.messageId).toBe('collect.transport-closed');
    expect((await errorOf(t.exec(['true']))).value.messageId).toBe('collect.transport-closed');
    expect((await errorOf(t.connect())).value.messageId).toBe('collect.transport-closed');
    expect(t.state).toBe('closed');
  });
});

async function waitUntil(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

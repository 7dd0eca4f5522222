import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, rmSync, writeSync, closeSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncscopeError } from '../../../shared/domain/errors';
import { rejection, until } from '../../../test/lab/lab-helpers';
import { skipUnlessAvailable } from '../../../test/support/skip';
import { SerialTransport } from './serial-transport';

/**
 * The serial transport against a real pseudo-terminal: socat makes a pty whose other end is an
 * interactive bash (as a device's console would be, minus the login, which the lab test covers).
 * Noise is written to bash's own terminal, the way the kernel prints on a device's console.
 */
const skip = skipUnlessAvailable('serial transport pty tests', spawnSync('socat', ['-V'], { stdio: 'ignore' }).status === 0 ? null : 'socat is not installed');

const LINE = { baudRate: 115200, dataBits: 8, parity: 'none', stopBits: 1, flowControl: 'none' } as const;

describe.skipIf(skip !== null)('SerialTransport on a real pty (socat + bash)', () => {
  let dir: string;
  let link: string;
  let socat: ChildProcess | null = null;
  let t: SerialTransport | null = null;

  const startConsole = async () => {
    socat = spawn('socat', [`PTY,link=${link},raw,echo=0`, 'EXEC:bash --norc --noprofile -i,pty,setsid,ctty,stderr,sane'], { stdio: 'ignore' });
    await until('the pty link exists', () => existsSync(link), 5000);
  };
  const transport = () => (t = new SerialTransport({ serial: { path: link, ...LINE } }));

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-serial-'));
    link = join(dir, 'console');
    await startConsole();
  });
  afterEach(async () => {
    t?.close();
    t = null;
    socat?.kill('SIGKILL');
    socat = null;
    rmSync(dir, { recursive: true, force: true });
  });

  it('returns exact stdout, stderr and exit status, with hostile arguments passed as bytes', async () => {
    const s = transport();
    await s.connect();
    expect(await s.exec(['sh', '-c', 'echo hi; echo err >&2; printf "no newline"; exit 3'])).toMatchObject({ stdout: 'hi\nno newline', stderr: 'err\n', exitCode: 3, truncated: false });
    const hostile = `$(touch ${dir}/pwned); \`id\` ' " ; | & *`;
    expect((await s.exec(['printf', '%s', hostile])).stdout).toBe(hostile);
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
    expect(await s.exec(['no-such-program-here'])).toMatchObject({ stdout: '', exitCode: 127 });
    expect(await rejection(s.exec(['echo', 'a\0b']))).toBeInstanceOf(RangeError);
    expect((await s.exec(['echo', 'still fine'])).stdout).toBe('still fine\n');
  });

  it('keeps results exact while kernel-like messages, escapes and garbage hit the console', async () => {
    const s = transport();
    await s.connect();
    // exec's stdin is /dev/null; its stdout is the console's terminal.
    const tty = (await s.exec(['readlink', '/proc/self/fd/1'])).stdout.trim();
    expect(tty).toMatch(/^\/dev\/pts\/\d+$/);
    const fd = openSync(tty, 'w');
    let n = 0;
    const noise = setInterval(() => {
      n++;
      writeSync(fd, n % 3 === 0 ? Buffer.from(`[ ${1000 + n}.123456] eth0: link up\r\n`) : n % 3 === 1 ? Buffer.from('\x1b[1;31m\x1b]0;title\x07') : Buffer.from([0xff, 0xfe, 0x00, 0x07, 0x1b]));
    }, 2);
    try {
      for (let i = 0; i < 20; i++) {
        const r = await s.exec(['sh', '-c', `for k in 1 2 3 4 5 6 7 8; do echo "line $k of ${i}"; done; exit ${i % 4}`]);
        expect(r.stdout).toBe([1, 2, 3, 4, 5, 6, 7, 8].map((k) => `line ${k} of ${i}\n`).join(''));
        expect(r.exitCode).toBe(i % 4);
      }
    } finally {
      clearInterval(noise);
      closeSync(fd);
    }
    expect(n).toBeGreaterThan(5);
    expect(s.consoleLog.lines().some((l) => l.kind === 'kernel' && /eth0: link up/.test(l.text))).toBe(true);
    // 20 framed commands through a real pty under a noise flood: on a busy 2-core machine this takes
    // several seconds, which vitest's default 5 s would call a failure of correctness.
  }, 30_000);

  it('streams lines both ways; close() hands the shell back for the next command; one stream at a time', async () => {
    const s = transport();
    await s.connect();
    const st = await s.stream(['sh', '-c', 'while read -r l; do echo "got $l"; done']);
    const lines: string[] = [];
    st.onLine((l) => lines.push(l));
    st.write('GET TIME_STATUS_NP\n');
    st.write('two\n');
    await until('both answers', () => lines.length >= 2);
    expect(lines.slice(0, 2)).toEqual(['got GET TIME_STATUS_NP', 'got two']);
    const second = (await rejection(s.stream(['cat']))) as SyncscopeError;
    expect(second.value.messageId).toBe('serial.stream-busy');
    // A command waits for the shell behind the stream, and hears of its deadline while it waits.
    const queued = (await rejection(s.exec(['echo', 'queued'], { timeoutMs: 200 }))) as SyncscopeError;
    expect(queued.value.messageId).toBe('collect.command-timeout');
    st.write('still here\n');
    await until('the stream still answers', () => lines.includes('got still here'));
    st.close();
    expect(await st.ended).toEqual({ exitCode: null, reason: 'closed' });
    expect((await s.exec(['echo', 'shell is back'])).stdout).toBe('shell is back\n');
    const ends = await s.stream(['sh', '-c', 'echo one; printf last; exit 5']);
    const got: string[] = [];
    ends.onLine((l) => got.push(l));
    expect(await ends.ended).toEqual({ exitCode: 5, reason: 'exited 5' });
    expect(got).toEqual(['one', 'last']);
  });

  it('interrupts a command past its deadline and the next command still reads right', async () => {
    const s = transport();
    await s.connect();
    const err = (await rejection(s.exec(['sleep', '30'], { timeoutMs: 300 }))) as SyncscopeError;
    expect(err.value.messageId).toBe('collect.command-timeout');
    expect(await s.exec(['echo', 'next'])).toMatchObject({ stdout: 'next\n', exitCode: 0 });
  });

  it('treats a shell that is no longer ours (a program that ignores Ctrl-C holds the console) as a lost connection', async () => {
    const s = transport();
    await s.connect();
    const reasons: string[] = [];
    s.onDisconnect((r) => reasons.push(r));
    const st = await s.stream(['sh', '-c', 'trap "" INT; echo ignoring; while :; do sleep 1; done']);
    const lines: string[] = [];
    st.onLine((l) => lines.push(l));
    await until('the program ignores Ctrl-C', () => lines.includes('ignoring'));
    st.close();
    await st.ended;
    const err = (await rejection(s.exec(['echo', 'never'], { timeoutMs: 15_000 }))) as SyncscopeError;
    expect(err.value.messageId).toBe('serial.no-shell');
    expect(reasons).toHaveLength(1);
    expect(s.state).toBe('idle');
  }, 20_000);

  it('says a missing port is missing and a port in use is busy; close() frees it at once', async () => {
    const missing = new SerialTransport({ serial: { path: join(dir, 'nothing-here'), ...LINE } });
    expect(((await rejection(missing.connect())) as SyncscopeError).value.messageId).toBe('serial.port-missing');
    const first = transport();
    await first.connect();
    const other = new SerialTransport({ serial: { path: link, ...LINE } });
    expect(((await rejection(other.connect())) as SyncscopeError).value).toMatchObject({ messageId: 'serial.port-busy', code: 'serial-unavailable' });
    first.close();
    // The OS closes the descriptor asynchronously: the port is free a moment later, without a logout wait.
    await until('the port free for another program', () => other.connect().then(() => true, () => false), 2000);
    expect((await other.exec(['echo', 'mine now'])).stdout).toBe('mine now\n');
    other.close();
  });

  it('reports a console that went away, and fails what was waiting', async () => {
    const s = transport();
    await s.connect();
    const reasons: string[] = [];
    s.onDisconnect((r) => reasons.push(r));
    const pending = s.exec(['sleep', '30'], { timeoutMs: 20_000 });
    socat?.kill('SIGKILL');
    expect(((await rejection(pending)) as SyncscopeError).value.messageId).toBe('serial.dropped');
    await until('disconnect reported', () => reasons.length === 1);
    expect(s.state).toBe('idle');
    rmSync(link, { force: true });
    await startConsole();
    await s.connect();
    expect((await s.exec(['echo', 'back'])).stdout).toBe('back\n');
  });
});

import { execFile } from 'node:child_process';
import { createServer, Socket, type Server } from 'node:net';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A TCP relay to a real sshd that can hold the server's bytes after its identification line, so a
 * connect stays mid-handshake (key exchange pending) for as long as a test needs.
 */
export class StallingRelay {
  readonly server: Server;
  clients: Socket[] = [];
  private held: Buffer[] = [];
  private upstreams: Socket[] = [];
  constructor(private readonly host: string) {
    this.server = createServer((client) => {
      this.clients.push(client);
      const up = new Socket();
      this.upstreams.push(up);
      let passedIdent = false;
      up.on('data', (d: Buffer) => {
        if (passedIdent) this.held.push(d);
        else {
          const nl = d.indexOf(10);
          passedIdent = nl >= 0;
          client.write(nl >= 0 ? d.subarray(0, nl + 1) : d);
          if (nl >= 0 && nl + 1 < d.length) this.held.push(d.subarray(nl + 1));
        }
      });
      client.on('data', (d: Buffer) => up.write(d));
      client.on('close', () => up.destroy());
      up.on('close', () => client.destroy());
      client.on('error', () => undefined);
      up.on('error', () => undefined);
      up.connect(22, this.host);
    });
  }
  async listen(): Promise<number> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    return (this.server.address() as { port: number }).port;
  }
  /** Lets the held handshake bytes through to whoever is still connected. */
  release(): void {
    for (const c of this.clients) if (!c.destroyed) for (const b of this.held) c.write(b);
  }
  close(): void {
    for (const s of [...this.clients, ...this.upstreams]) s.destroy();
    this.server.close();
  }
}

/** Established TCP connections to a local port, as the kernel lists them (`ss`). */
export async function establishedTo(port: number): Promise<number> {
  const { stdout } = await run('ss', ['-Htn', 'state', 'established', `( dport = :${port} )`]);
  return stdout.split('\n').filter((l) => l.trim() !== '').length;
}

export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
}

/** A real transport that also records every argv it was asked to run. */
export function recording<T extends { exec(argv: readonly string[], opts?: unknown): Promise<unknown> }>(transport: T): { transport: T; argvs: string[][] } {
  const argvs: string[][] = [];
  const exec = transport.exec.bind(transport);
  transport.exec = ((argv: readonly string[], opts?: unknown) => {
    argvs.push([...argv]);
    return exec(argv, opts);
  }) as T['exec'];
  return { transport, argvs };
}

/** pids of processes whose argv[0] is `name` and whose argv holds `arg` (the lab's namespaces share our pid namespace). */
export async function pidsOf(name: string, arg: string): Promise<number[]> {
  const { readdir, readFile } = await import('node:fs/promises');
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const argv = await readFile(`/proc/${entry}/cmdline`, 'utf8').then(
      (t) => t.split('\0'),
      (): string[] => [],
    );
    if (argv[0] === name && argv.includes(arg)) pids.push(Number(entry));
  }
  return pids;
}

/** Runs `ip` (link up/down of a lab veth); only tests of isolated devices may call it. */
export async function ipLink(dev: string, state: 'up' | 'down'): Promise<void> {
  await run('ip', ['link', 'set', dev, state]);
}

/** Processes inside a lab device's network namespace. */
export async function netnsPids(netns: string): Promise<number[]> {
  const { stdout } = await run('ip', ['netns', 'pids', netns]);
  return stdout.split('\n').filter((l) => l.trim() !== '').map(Number);
}

/** Whether a process still exists (signal 0 checks without sending anything). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Holds a lab scenario or isolated device while a test keeps one of its daemons down on purpose:
 * `lab.sh up` (which other suites run meanwhile) leaves it alone until release() or until this
 * process ends. Returns release().
 */
export async function holdLabDevice(stateDir: string, device: string): Promise<() => Promise<void>> {
  const { rm, writeFile } = await import('node:fs/promises');
  const file = `${stateDir}/${device}/held`;
  await writeFile(file, `${process.pid}\n`);
  return () => rm(file, { force: true });
}

import { spawn, spawnSync, type ChildProcessByStdio, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Readable } from 'node:stream';
import { resolve } from 'node:path';

export const CLI = resolve(__dirname, '../../bin/syncscope.cjs');

/** The pid of a process that has already exited (as a crashed engine's lock file would name). */
export function deadPid(): number {
  const pid = spawnSync(process.execPath, ['-e', '']).pid;
  if (pid === undefined) throw new Error('could not spawn node');
  return pid;
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `syncscope` command (bin/syncscope.cjs, as a user would) to completion. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return completed(spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SYNCSCOPE_LOG_LEVEL: 'warn', ...env } }));
}

function completed(proc: ChildProcessWithoutNullStreams | ChildProcessByStdio<null, Readable, Readable>): Promise<CliRun> {
  return new Promise((ok, fail) => {
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.once('error', fail);
    proc.once('close', (status) => ok({ status, stdout, stderr }));
  });
}

/** Listening TCP sockets of this machine, as `ss -Hltn` prints them ("127.0.0.1:7462", "[::]:22"). */
export function listeningAddresses(): string[] {
  const out = spawnSync('ss', ['-Hltn'], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`ss failed: ${out.stderr}`);
  return out.stdout
    .split('\n')
    .map((l) => l.trim().split(/\s+/)[3])
    .filter((a): a is string => Boolean(a));
}

/**
 * Runs the real `syncscope` command on a pseudo-terminal (util-linux `script`), stopping it with
 * SIGTERM after `seconds`: what a person at a terminal sees. Null when `script` is missing.
 */
export function runCliOnTerminal(args: string[], env: NodeJS.ProcessEnv, seconds: number): Promise<CliRun> | null {
  if (spawnSync('sh', ['-c', 'command -v script && command -v timeout']).status !== 0) return null;
  const quoted = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return completed(spawn('script', ['-qec', `timeout -s TERM ${seconds} ${quoted}`, '/dev/null'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } }));
}

import { spawn, type ChildProcess } from 'node:child_process';
import { CLI } from './processes';

export { CLI };

export interface CliServer {
  proc: ChildProcess;
  url: string;
  metricsUrl: string | null;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts the real `syncscope serve` command and reads the URLs it prints. */
export async function startCliServer(args: string[], timeoutMs = 30_000, env: NodeJS.ProcessEnv = {}): Promise<CliServer> {
  const proc = spawn(process.execPath, [CLI, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SYNCSCOPE_LOG_LEVEL: 'warn', ...env } });
  let out = '';
  proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`syncscope serve printed no URL within ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const check = () => {
      const m = /serving the console at (http:\/\/\S+)/.exec(out);
      // "Data directory" is the last line of the banner: by then the metrics line is in too.
      if (m?.[1] && out.includes('Data directory:')) {
        clearTimeout(timer);
        ok(m[1]);
      }
    };
    proc.stdout.on('data', check);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`syncscope serve exited with ${code}:\n${out}`));
    });
  });
  const metricsUrl = /Prometheus metrics at (http:\/\/\S+)/.exec(out)?.[1] ?? null;
  return {
    proc,
    url,
    metricsUrl,
    output: () => out,
    stop: () =>
      new Promise<void>((ok) => {
        if (proc.exitCode !== null) return ok();
        proc.once('exit', () => ok());
        proc.kill('SIGTERM');
      }),
  };
}

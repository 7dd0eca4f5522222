import { spawn } from 'node:child_process';
import { SyncscopeError } from '../../../shared/domain/errors';
import {
  DEFAULT_EXEC_TIMEOUT_MS,
  DEFAULT_MAX_OUTPUT_BYTES,
  OutputBuffer,
  type DeviceTransport,
  type ExecOptions,
  type ExecResult,
  type TransportState,
} from './transport';

const EXTRA_PATH = ['/usr/local/sbin', '/usr/sbin', '/sbin'];

/** The machine the engine runs on: argv goes straight to execve, no shell in between. */
export class LocalTransport implements DeviceTransport {
  readonly kind = 'local';
  private _state: TransportState = 'idle';

  get state(): TransportState {
    return this._state;
  }

  connect(): Promise<void> {
    this._state = 'connected';
    return Promise.resolve();
  }

  exec(argv: readonly string[], opts: ExecOptions = {}): Promise<ExecResult> {
    const [cmd, ...args] = argv;
    if (!cmd) return Promise.reject(new Error('exec needs a command'));
    const started = performance.now();
    const cap = opts.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
    const path = [process.env.PATH ?? '', ...EXTRA_PATH].filter(Boolean).join(':');
    return new Promise<ExecResult>((resolve, reject) => {
      const child = spawn(cmd, args, { env: { ...process.env, PATH: path }, stdio: ['ignore', 'pipe', 'pipe'], timeout: opts.timeoutMs ?? DEFAULT_EXEC_TIMEOUT_MS });
      const out = new OutputBuffer(cap);
      const errOut = new OutputBuffer(cap);
      child.stdout.on('data', (d: Buffer) => out.push(d));
      child.stderr.on('data', (d: Buffer) => errOut.push(d));
      child.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') resolve({ stdout: '', stderr: `${cmd}: command not found`, exitCode: 127, durationMs: performance.now() - started });
        else reject(new SyncscopeError({ code: 'internal', message: `Cannot run ${cmd} on this machine: ${err.message}` }));
      });
      child.on('close', (code) => resolve({ stdout: out.text(), stderr: errOut.text(), exitCode: code, durationMs: performance.now() - started }));
    });
  }

  onDisconnect(): () => void {
    return () => undefined;
  }

  close(): void {
    this._state = 'closed';
  }
}

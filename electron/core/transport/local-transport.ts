import { spawn } from 'node:child_process';
import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import { deadlineSignal } from './deadline';
import {
  DEFAULT_EXEC_TIMEOUT_MS,
  DEFAULT_MAX_OUTPUT_BYTES,
  OutputBuffer,
  SBIN_DIRS,
  type ConnectOptions,
  type DeviceTransport,
  type ExecOptions,
  type ExecResult,
  type TransportState,
} from './transport';

/** How long a stopped command gets to clean up after SIGTERM before SIGKILL. */
const KILL_GRACE_MS = 2_000;
const WHERE = 'this machine';

/** The machine the engine runs on: argv goes straight to execve, no shell in between. */
export class LocalTransport implements DeviceTransport {
  readonly kind = 'local';
  private _state: TransportState = 'idle';
  /** Stops each command in flight, rejecting its exec with the reason. */
  private readonly running = new Set<(reason: unknown) => void>();

  constructor(private readonly label = WHERE) {}

  get state(): TransportState {
    return this._state;
  }

  connect(opts: ConnectOptions = {}): Promise<void> {
    if (this._state === 'closed') return Promise.reject(this.closedError());
    if (opts.signal?.aborted) return Promise.reject(opts.signal.reason);
    this._state = 'connected';
    return Promise.resolve();
  }

  exec(argv: readonly string[], opts: ExecOptions = {}): Promise<ExecResult> {
    const [cmd, ...args] = argv;
    if (!cmd) return Promise.reject(new RangeError('exec needs a command'));
    if (this._state === 'closed') return Promise.reject(this.closedError());
    const started = performance.now();
    const timeoutMs = opts.timeoutMs ?? DEFAULT_EXEC_TIMEOUT_MS;
    const deadline = deadlineSignal(timeoutMs, opts.signal, () => new SyncscopeError(catalogError('collect.command-timeout', { command: cmd, target: this.label, ms: timeoutMs })));
    if (deadline.signal.aborted) {
      deadline.dispose();
      return Promise.reject(deadline.signal.reason);
    }
    const out = new OutputBuffer(opts.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES);
    const errOut = new OutputBuffer(opts.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES);
    const path = [process.env.PATH ?? '', ...SBIN_DIRS].filter(Boolean).join(':');
    return new Promise<ExecResult>((resolve, reject) => {
      const child = spawn(cmd, args, { env: { ...process.env, PATH: path }, stdio: ['ignore', 'pipe', 'pipe'] });
      let settled = false;
      let killTimer: NodeJS.Timeout | null = null;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        this.running.delete(stopWith);
        deadline.signal.removeEventListener('abort', stop);
        deadline.dispose();
        fn();
      };
      // TERM first, so the command can clean up (the poll script removes pmc's socket); KILL if it will not go.
      const stopWith = (reason: unknown) => {
        child.kill('SIGTERM');
        killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
        killTimer.unref();
        finish(() => reject(reason));
      };
      const stop = () => stopWith(deadline.signal.reason);
      this.running.add(stopWith);
      deadline.signal.addEventListener('abort', stop, { once: true });
      child.stdout?.on('data', (d: Buffer) => out.push(d));
      child.stderr?.on('data', (d: Buffer) => errOut.push(d));
      child.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') finish(() => resolve({ stdout: '', stderr: `${cmd}: command not found`, exitCode: 127, truncated: false, durationMs: performance.now() - started }));
        else finish(() => reject(new SyncscopeError(catalogError('collect.local-spawn-failed', { command: cmd, detail: err.message }))));
      });
      child.on('close', (code) => {
        if (killTimer) clearTimeout(killTimer);
        finish(() => resolve({ stdout: out.text(), stderr: errOut.text(), exitCode: code, truncated: out.truncated || errOut.truncated, durationMs: performance.now() - started }));
      });
    });
  }

  onDisconnect(): () => void {
    return () => undefined;
  }

  close(): void {
    this._state = 'closed';
    for (const stop of [...this.running]) stop(this.closedError());
  }

  private closedError(): SyncscopeError {
    return new SyncscopeError(catalogError('collect.transport-closed', { device: this.label }));
  }
}

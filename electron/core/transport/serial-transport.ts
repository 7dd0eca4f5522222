import { SerialPort } from 'serialport';
import type { SerialSettings } from '../../../shared/domain/device';
import { SyncscopeError, type ErrorValue } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import { ConsoleLog } from './console-log';
import { SerialConsole } from './serial-console';
import type { ConnectOptions, DeviceStream, DeviceTransport, ExecOptions, ExecResult, StreamOptions, TransportState } from './transport';

export interface SerialTransportOptions {
  serial: SerialSettings;
  /** Console login; both absent: the console is expected to show a shell already. */
  user?: string | undefined;
  password?: string | undefined;
  /** Where the raw console lines go (kept by the owner across reconnects). */
  consoleLog?: ConsoleLog;
}

/** How long close() lets the logout reach the wire before the port is released. */
const LOGOUT_DRAIN_MS = 200;

/**
 * A device reached through its serial console (the `serialport` package): one port, one shell
 * (serial-console.ts does the shell). connect() opens the port with the profile's line settings
 * (locked: another program gets "busy", and so do we) and logs in; a port that goes away (USB
 * unplugged, the console server gone) reports onDisconnect, and the owner's backoff reopens it when
 * it returns. close() logs out when Syncscope logged in, and releases the port at once, so the
 * operator can flash the device.
 */
export class SerialTransport implements DeviceTransport {
  readonly kind = 'serial';
  /** A running stream holds the console's one shell: collectors poll with exec instead. */
  readonly exclusiveStream = true;
  readonly consoleLog: ConsoleLog;
  private _state: TransportState = 'idle';
  private port: SerialPort | null = null;
  private console: SerialConsole | null = null;
  private connecting: Promise<void> | null = null;
  private loggedIn = false;
  private readonly disconnectListeners = new Set<(reason: string) => void>();

  constructor(private readonly opts: SerialTransportOptions) {
    this.consoleLog = opts.consoleLog ?? new ConsoleLog();
    if (opts.password) this.consoleLog.addSecret(opts.password);
  }

  get state(): TransportState {
    return this._state;
  }

  /** Read through a getter: close() may run while connect awaits, which narrowing cannot see. */
  private get closed(): boolean {
    return this._state === 'closed';
  }

  private get path(): string {
    return this.opts.serial.path;
  }

  connect(options: ConnectOptions = {}): Promise<void> {
    if (this._state === 'closed') return Promise.reject(this.closedError());
    if (this._state === 'connected') return Promise.resolve();
    if (options.signal?.aborted) return Promise.reject(options.signal.reason);
    this.connecting ??= this.open(options.signal).finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async open(signal: AbortSignal | undefined): Promise<void> {
    this._state = 'connecting';
    const s = this.opts.serial;
    const port = await new Promise<SerialPort>((resolve, reject) => {
      const p: SerialPort = new SerialPort(
        {
          path: s.path,
          baudRate: s.baudRate,
          dataBits: s.dataBits,
          parity: s.parity,
          stopBits: s.stopBits,
          rtscts: s.flowControl === 'rtscts',
          xon: s.flowControl === 'xonxoff',
          xoff: s.flowControl === 'xonxoff',
          lock: true,
        },
        (err) => (err ? reject(new SyncscopeError(openError(s.path, err))) : resolve(p)),
      );
    }).catch((err: unknown) => {
      if (!this.closed) this._state = 'idle';
      throw err;
    });
    if (this.closed) {
      port.close(() => undefined);
      throw this.closedError();
    }
    const shell = new SerialConsole({ write: (text) => port.write(text) }, this.consoleLog, s.path);
    const decoder = new TextDecoder('utf-8');
    port.on('data', (chunk: Buffer) => shell.receive(decoder.decode(chunk, { stream: true })));
    port.on('error', () => undefined);
    port.on('close', () => this.dropped(port, catalogError('serial.dropped', { path: s.path })));
    shell.onLost = (why) => {
      // The port is fine but the shell is not ours any more: start over with a fresh open and login.
      this.dropped(port, why);
      this.release(port);
    };
    this.port = port;
    this.console = shell;
    this.consoleLog.add(`[Syncscope opened ${s.path} at ${s.baudRate} baud]`, 'note');
    try {
      await shell.login({ user: this.opts.user, password: this.opts.password }, signal);
    } catch (err) {
      // A refused or silent console is not ours: release it for whoever needs it.
      this.release(port);
      if (!this.closed) this._state = 'idle';
      throw err;
    }
    if (this.closed) throw this.closedError();
    this.loggedIn = this.opts.user !== undefined;
    this._state = 'connected';
  }

  exec(argv: readonly string[], opts: ExecOptions = {}): Promise<ExecResult> {
    if (argv.length === 0) return Promise.reject(new RangeError('exec needs a command'));
    const c = this.live();
    if (!(c instanceof SerialConsole)) return Promise.reject(c);
    try {
      return c.exec(argv, opts);
    } catch (err) {
      // An argument no command line can carry (a NUL): a rejection like every other failure.
      return Promise.reject(err);
    }
  }

  stream(argv: readonly string[], opts: StreamOptions = {}): Promise<DeviceStream> {
    if (argv.length === 0) return Promise.reject(new RangeError('stream needs a command'));
    if (opts.signal?.aborted) return Promise.reject(opts.signal.reason);
    const c = this.live();
    if (!(c instanceof SerialConsole)) return Promise.reject(c);
    try {
      return c.stream(argv, opts);
    } catch (err) {
      return Promise.reject(err);
    }
  }

  onDisconnect(listener: (reason: string) => void): () => void {
    this.disconnectListeners.add(listener);
    return () => this.disconnectListeners.delete(listener);
  }

  close(): void {
    if (this._state === 'closed') return;
    this._state = 'closed';
    const port = this.port;
    this.console?.fail(catalogError('collect.transport-closed', { device: this.path }));
    this.console = null;
    this.port = null;
    if (!port) return;
    // Leave no logged-in shell on the console: Ctrl-C for a foreground program, then log out.
    if (this.loggedIn && port.isOpen) {
      port.write('\x03');
      setTimeout(() => port.write('exit\n', () => this.release(port)), 100).unref();
      setTimeout(() => this.release(port), LOGOUT_DRAIN_MS).unref();
    } else this.release(port);
  }

  private release(port: SerialPort): void {
    port.removeAllListeners('close');
    port.removeAllListeners('data');
    if (port.isOpen) port.close(() => undefined);
    if (this.port === port) this.port = null;
  }

  /** The console of the open port, or the error exec and stream reject with. */
  private live(): SerialConsole | SyncscopeError {
    if (this._state === 'closed') return this.closedError();
    if (this._state !== 'connected' || !this.console) return new SyncscopeError(catalogError('serial.dropped', { path: this.path }));
    return this.console;
  }

  private dropped(port: SerialPort, why: ErrorValue): void {
    if (this.port !== port) return;
    this.consoleLog.add(`[${why.message}]`, 'note');
    this.console?.fail(why);
    this.console = null;
    this.port = null;
    const wasConnected = this._state === 'connected';
    if (this._state !== 'closed') this._state = 'idle';
    this.loggedIn = false;
    if (wasConnected) for (const fn of [...this.disconnectListeners]) fn(why.message);
  }

  private closedError(): SyncscopeError {
    return new SyncscopeError(catalogError('collect.transport-closed', { device: this.path }));
  }
}

/** What the OS said about opening the port, as the catalog's words (missing, busy, permission). */
export function openError(path: string, err: Error): ErrorValue {
  const msg = err.message;
  if (/no such file|ENOENT|cannot find|file not found/i.test(msg)) return catalogError('serial.port-missing', { path });
  if (/permission denied|EACCES|access denied/i.test(msg)) return catalogError('serial.port-denied', { path });
  if (/lock|busy|EBUSY|resource temporarily unavailable/i.test(msg)) return catalogError('serial.port-busy', { path });
  return catalogError('serial.open-failed', { path, detail: msg.replace(/^Error:?\s*/, '').slice(0, 200) });
}

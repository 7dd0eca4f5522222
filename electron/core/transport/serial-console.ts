import { randomBytes } from 'node:crypto';
import { SyncscopeError, type ErrorValue } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import { framedExec, framedStream, FramedReader, isReadyMarker, shellSetup, StreamReader } from '../../../shared/serial/console-frame';
import { ConsoleLogin, type ConsoleCredentials, type LoginAction } from '../../../shared/serial/console-login';
import { cleanConsoleText, ConsoleLineSplitter, type ConsoleLine } from '../../../shared/serial/console-text';
import { shellCommand } from '../../../shared/shell/quote';
import type { ConsoleLog } from './console-log';
import { deadlineSignal } from './deadline';
import { LineStream } from './line-stream';
import { DEFAULT_EXEC_TIMEOUT_MS, DEFAULT_MAX_OUTPUT_BYTES, SBIN_DIRS, type DeviceStream, type ExecOptions, type ExecResult, type StreamOptions } from './transport';

/**
 * One shell on a serial console, used by one command at a time (a console has no channels).
 *
 * Commands queue; each is framed by markers (shared/serial/console-frame.ts) and read back from the
 * console's lines, so echo, prompts, escapes and kernel messages never enter a result. A command
 * that overruns its deadline gets Ctrl-C, and the console counts as unsettled: before the next
 * command the setup line is sent again and its marker awaited, so leftovers of the interrupted one
 * cannot be read as the next one's. A stream holds the shell in the foreground (its writes are the
 * program's stdin) until it ends; commands queue behind it, a second stream is refused.
 */

/** The console's byte sink (the serial port). */
export interface ConsoleWire {
  write(text: string): void;
}

/** Nothing decisive for this long during login: the machine decides what next (longer than login(1)'s 3 s delay after a failure). */
export const LOGIN_QUIET_MS = 3_500;
/** Login, including a `Login incorrect` (login(1) waits 3 s before saying it). */
export const LOGIN_TIMEOUT_MS = 20_000;
/** The setup line's marker after an interrupted command. */
const RESYNC_TIMEOUT_MS = 3_000;
/** A tty's canonical line holds 4095 bytes; a longer line would be cut by the device. */
export const MAX_CONSOLE_LINE_BYTES = 4000;
/** Ctrl-C flushes the tty's input queue: what follows it must come after it was handled. */
const AFTER_INTERRUPT_MS = 150;

const newId = () => randomBytes(8).toString('hex');

export class SerialConsole {
  private readonly splitter: ConsoleLineSplitter;
  /** The current operation's reader of lines. */
  private reader: ((line: ConsoleLine) => void) | null = null;
  /** Called after each chunk during login (prompts have no newline). */
  private onText: (() => void) | null = null;
  /** Raw text since login's last action: a prompt counts only when it came after what we sent. */
  private sinceAction = '';
  private queue: Promise<void> = Promise.resolve();
  /** A command was interrupted: resynchronise before the next one. */
  private unsettled = false;
  private activeStream: LineStream | null = null;
  private streamCommand = '';
  private broken: ErrorValue | null = null;
  private readonly failers = new Set<(err: SyncscopeError) => void>();
  /**
   * Called when the shell is gone although the port is open (the device rebooted to a login prompt,
   * an idle logout): the owner treats it as a lost connection and logs in again.
   */
  onLost: ((why: ErrorValue) => void) | null = null;

  constructor(
    private readonly wire: ConsoleWire,
    private readonly log: ConsoleLog,
    private readonly label: string,
  ) {
    this.splitter = new ConsoleLineSplitter((line) => {
      this.log.add(line.text, line.kernel ? 'kernel' : 'in');
      this.reader?.(line);
    });
  }

  /** Text from the port (decoded). */
  receive(text: string): void {
    this.splitter.push(text);
    if (this.onText) {
      this.sinceAction = (this.sinceAction + text).slice(-4000);
      this.onText();
    }
  }

  /** The port is gone: everything in flight ends with `why`. */
  fail(why: ErrorValue): void {
    this.broken = why;
    const err = new SyncscopeError(why);
    for (const f of [...this.failers]) f(err);
    this.activeStream?.finish({ exitCode: null, reason: 'connection lost' });
  }

  /** From whatever the console shows to a shell we set up (console-login.ts drives it). */
  login(creds: ConsoleCredentials, signal?: AbortSignal): Promise<void> {
    const machine = new ConsoleLogin(creds);
    let readyId: string | null = null;
    return this.run(signal, LOGIN_TIMEOUT_MS, () => catalogError('serial.no-shell', { path: this.label }), (resolve, reject) => {
      let quietTimer: NodeJS.Timeout | null = null;
      const armQuiet = () => {
        if (quietTimer) clearTimeout(quietTimer);
        quietTimer = setTimeout(() => act(machine.quiet()), LOGIN_QUIET_MS);
      };
      const act = (a: LoginAction) => {
        if (a.kind === 'wait') return armQuiet();
        this.sinceAction = '';
        if (a.kind === 'send') {
          this.log.add(a.secret ? '[Syncscope sent the password]' : `[Syncscope sent ${JSON.stringify(a.text.trim())}]`, 'note');
          this.wire.write(a.text);
          return armQuiet();
        }
        if (a.kind === 'setup') {
          readyId = newId();
          const id = readyId;
          this.log.add('[Syncscope set up the shell]', 'note');
          if (a.interruptFirst) this.wire.write('\x03');
          setTimeout(() => this.wire.write(`${shellSetup(id, SBIN_DIRS)}\n`), a.interruptFirst ? AFTER_INTERRUPT_MS : 0);
          return armQuiet();
        }
        if (quietTimer) clearTimeout(quietTimer);
        reject(loginError(a.reason, this.label, creds.user));
      };
      this.reader = (line) => {
        if (readyId && isReadyMarker(line, readyId)) {
          if (quietTimer) clearTimeout(quietTimer);
          machine.ready();
          return resolve();
        }
      };
      this.onText = () => {
        if (readyId) return armQuiet();
        act(machine.screen(cleanConsoleText(this.sinceAction)));
      };
      act(machine.start());
      return () => {
        if (quietTimer) clearTimeout(quietTimer);
      };
    });
  }

  exec(argv: readonly string[], opts: ExecOptions = {}): Promise<ExecResult> {
    const started = performance.now();
    const id = newId();
    const line = framedExec(id, shellCommand(argv));
    if (line.length > MAX_CONSOLE_LINE_BYTES) return Promise.reject(tooLong(argv[0] ?? '', line.length));
    const timeoutMs = opts.timeoutMs ?? DEFAULT_EXEC_TIMEOUT_MS;
    const command = argv[0] ?? '';
    return this.enqueue(opts.signal, timeoutMs, () => catalogError('collect.command-timeout', { command, target: this.label, ms: timeoutMs }), (signal) =>
      this.run(signal, timeoutMs, () => catalogError('collect.command-timeout', { command, target: this.label, ms: timeoutMs }), (resolve) => {
        const reader = new FramedReader(id, opts.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES);
        this.reader = (l) => {
          const r = reader.feed(l);
          if (r) resolve({ ...r, durationMs: performance.now() - started });
        };
        this.wire.write(`${line}\n`);
        return () => undefined;
      }),
    );
  }

  stream(argv: readonly string[], opts: StreamOptions = {}): Promise<DeviceStream> {
    const command = argv.join(' ').slice(0, 80);
    if (this.activeStream) return Promise.reject(new SyncscopeError(catalogError('serial.stream-busy', { path: this.label, command: this.streamCommand })));
    const id = newId();
    const line = framedStream(id, shellCommand(argv));
    if (line.length > MAX_CONSOLE_LINE_BYTES) return Promise.reject(tooLong(argv[0] ?? '', line.length));
    const timeoutMs = opts.startTimeoutMs ?? DEFAULT_EXEC_TIMEOUT_MS;
    const timeout = () => catalogError('collect.command-timeout', { command: argv[0] ?? '', target: this.label, ms: timeoutMs });
    const stream = new LineStream(
      {
        write: (text) => this.wire.write(text),
        stop: () => {
          // Ctrl-C ends the foreground program; the shell is resynchronised before the next command.
          this.wire.write('\x03');
          this.unsettled = true;
          queueMicrotask(() => stream.finish({ exitCode: null, reason: 'closed' }));
        },
      },
      opts.maxLineBytes,
    );
    this.activeStream = stream;
    this.streamCommand = command;
    // Until the caller holds the stream (a microtask after it resolves), what arrives waits here:
    // the first lines may come in the very chunk that carried the start marker.
    let early: Array<{ text: string } | { exitCode: number | null }> | null = [];
    const deliver = (item: { text: string } | { exitCode: number | null }) => {
      if (early) return void early.push(item);
      if ('text' in item) stream.stdout.push(Buffer.from(`${item.text}\n`));
      else stream.finish({ exitCode: item.exitCode, reason: item.exitCode === null ? 'ended' : `exited ${item.exitCode}` });
    };
    const reader = new StreamReader(id);
    const feed = (l: ConsoleLine): boolean => {
      const r = reader.feed(l);
      if (r.kind === 'line') deliver({ text: r.text });
      else if (r.kind === 'ended') {
        if (r.lastLine !== null) deliver({ text: r.lastLine });
        deliver({ exitCode: r.exitCode });
      }
      return r.kind === 'started';
    };
    let handOut!: (s: DeviceStream) => void;
    let refuse!: (err: unknown) => void;
    const result = new Promise<DeviceStream>((res, rej) => ((handOut = res), (refuse = rej)));
    // The queue is held until the stream ends: the shell's foreground is the stream's.
    const release = () => {
      if (this.activeStream === stream) this.activeStream = null;
      if (this.reader === feed) this.reader = null;
    };
    void this.enqueue(opts.signal, timeoutMs, timeout, async (signal, running) => {
      try {
        await this.run<void>(signal, timeoutMs, timeout, (resolve) => {
          this.reader = (l) => {
            if (!feed(l)) return;
            resolve();
            // The wait is over but the stream goes on: the next line of this very chunk is its first.
            this.reader = feed;
          };
          this.wire.write(`${line}\n`);
          return () => undefined;
        });
      } catch (err) {
        this.unsettled = true;
        release();
        stream.finish({ exitCode: null, reason: 'did not start' });
        refuse(err);
        return;
      }
      // From here the stream runs until it ends: its start deadline is over.
      running();
      handOut(stream);
      setImmediate(() => {
        const waiting = early ?? [];
        early = null;
        for (const item of waiting) deliver(item);
      });
      const onAbort = () => stream.close();
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      await stream.ended;
      opts.signal?.removeEventListener('abort', onAbort);
      release();
    }).catch((err: unknown) => {
      // It never got the console (its deadline passed in the queue, or the shell could not be resynchronised).
      release();
      stream.finish({ exitCode: null, reason: 'did not start' });
      refuse(err);
    });
    return result;
  }

  /**
   * Runs `task` when the console is free (after a resynchronisation if the last command was
   * interrupted). The deadline counts from now, the wait for the turn included, and the caller hears
   * of it at once even while queued; a stream ends it with `started()` once it runs.
   */
  private enqueue<T>(outer: AbortSignal | undefined, timeoutMs: number, onTimeout: () => ErrorValue, task: (signal: AbortSignal, started: () => void) => Promise<T>): Promise<T> {
    const deadline = deadlineSignal(timeoutMs, outer, () => new SyncscopeError(onTimeout()));
    let stopWatching = () => undefined as void;
    const expired = new Promise<never>((_, reject) => {
      const onAbort = () => reject(deadline.signal.reason);
      deadline.signal.addEventListener('abort', onAbort, { once: true });
      stopWatching = () => deadline.signal.removeEventListener('abort', onAbort);
      if (deadline.signal.aborted) onAbort();
    });
    const started = () => {
      stopWatching();
      deadline.dispose();
    };
    const turn = this.queue.then(async () => {
      if (deadline.signal.aborted) throw deadline.signal.reason;
      if (this.unsettled) await this.resync(deadline.signal);
      return task(deadline.signal, started);
    });
    this.queue = turn.then(
      () => undefined,
      () => undefined,
    );
    return Promise.race([turn, expired]).finally(() => {
      stopWatching();
      deadline.dispose();
    });
  }

  /** Ctrl-C, then the setup line until its marker comes back: the shell is ours again. */
  private async resync(signal: AbortSignal): Promise<void> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const id = newId();
      this.wire.write('\x03');
      await new Promise<void>((r) => setTimeout(r, AFTER_INTERRUPT_MS));
      try {
        await this.run<void>(signal, RESYNC_TIMEOUT_MS, () => catalogError('serial.no-shell', { path: this.label }), (resolve) => {
          this.reader = (l) => {
            if (isReadyMarker(l, id)) resolve();
          };
          this.wire.write(`${shellSetup(id, SBIN_DIRS)}\n`);
          return () => undefined;
        });
        this.unsettled = false;
        return;
      } catch (err) {
        if (signal.aborted) throw err;
        if (attempt === 1) {
          this.onLost?.(catalogError('serial.no-shell', { path: this.label }));
          throw err;
        }
      }
    }
  }

  /**
   * One wait on the console: `start` installs readers and returns its cleanup; it settles through
   * resolve/reject, or the deadline (the foreground gets Ctrl-C), the caller's signal, or a lost port.
   */
  private run<T>(signal: AbortSignal | undefined, timeoutMs: number, onTimeout: () => ErrorValue, start: (resolve: (v: T) => void, reject: (e: unknown) => void) => () => void): Promise<T> {
    if (this.broken) return Promise.reject(new SyncscopeError(this.broken));
    const deadline = deadlineSignal(timeoutMs, signal, () => new SyncscopeError(onTimeout()));
    return new Promise<T>((resolve, reject) => {
      let cleanup: () => void = () => undefined;
      const done = () => {
        cleanup();
        this.reader = null;
        this.onText = null;
        this.failers.delete(failer);
        deadline.signal.removeEventListener('abort', onAbort);
        deadline.dispose();
      };
      const failer = (err: SyncscopeError) => {
        done();
        reject(err);
      };
      const onAbort = () => {
        done();
        this.wire.write('\x03');
        this.unsettled = true;
        reject(deadline.signal.reason);
      };
      if (deadline.signal.aborted) return onAbort();
      this.failers.add(failer);
      deadline.signal.addEventListener('abort', onAbort, { once: true });
      cleanup = start(
        (v) => {
          done();
          resolve(v);
        },
        (e) => {
          done();
          reject(e);
        },
      );
    });
  }
}

function loginError(reason: 'auth' | 'needs-user' | 'needs-password' | 'no-shell', path: string, user: string | undefined): SyncscopeError {
  if (reason === 'auth') return new SyncscopeError(catalogError('serial.login-refused', { path, user: user ?? '' }));
  if (reason === 'needs-user') return new SyncscopeError(catalogError('serial.needs-user', { path }));
  if (reason === 'needs-password') return new SyncscopeError(catalogError('serial.needs-password', { path }));
  return new SyncscopeError(catalogError('serial.no-shell', { path }));
}

function tooLong(command: string, bytes: number): SyncscopeError {
  return new SyncscopeError({ code: 'invalid-input', message: `${command}: the command line is ${bytes} bytes, more than the ${MAX_CONSOLE_LINE_BYTES} a serial console's line holds` });
}

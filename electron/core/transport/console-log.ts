/**
 * The raw console of a serial device, line by line with the engine's wall time, in a bounded ring
 * (diagnostics show it: what the device printed, kernel messages included, even between commands).
 * Escapes and control characters are already out (shared/serial/console-text.ts). Secrets are
 * replaced by value before a line is kept, so a password echoed by a misconfigured console never
 * lands here.
 */
export interface ConsoleLogLine {
  /** Engine wall clock when the line was complete, ms. */
  tMs: number;
  text: string;
  /** `in`: what the device printed; `kernel`: a kernel message; `note`: what Syncscope did (never a secret). */
  kind: 'in' | 'kernel' | 'note';
}

export const CONSOLE_LOG_LINES = 2000;
const MAX_KEPT_LINE = 1024;

export class ConsoleLog {
  private readonly ring: ConsoleLogLine[] = [];
  private next = 0;
  private readonly secrets = new Set<string>();

  constructor(private readonly capacity = CONSOLE_LOG_LINES) {}

  /** A value that must never appear in the log (the console password). */
  addSecret(secret: string): void {
    if (secret.length > 0) this.secrets.add(secret);
  }

  add(text: string, kind: ConsoleLogLine['kind'], tMs = Date.now()): void {
    let clean = text.length > MAX_KEPT_LINE ? `${text.slice(0, MAX_KEPT_LINE)}…` : text;
    for (const s of this.secrets) clean = clean.split(s).join('********');
    const line = { tMs, text: clean, kind };
    if (this.ring.length < this.capacity) this.ring.push(line);
    else this.ring[this.next] = line;
    this.next = (this.next + 1) % this.capacity;
  }

  /** The newest `limit` lines, oldest first. */
  lines(limit = this.capacity): ConsoleLogLine[] {
    const ordered = this.ring.length < this.capacity ? this.ring : [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)];
    return ordered.slice(Math.max(0, ordered.length - limit));
  }
}

/** Every serial device's console log, by device id: a log outlives its transport across reconnects. */
export class ConsoleLogs {
  private readonly logs = new Map<string, ConsoleLog>();

  of(deviceId: string): ConsoleLog {
    let log = this.logs.get(deviceId);
    if (!log) this.logs.set(deviceId, (log = new ConsoleLog()));
    return log;
  }

  /** The newest lines of a device's console; empty when it has none (not serial, or nothing yet). */
  lines(deviceId: string, limit: number): ConsoleLogLine[] {
    return this.logs.get(deviceId)?.lines(limit) ?? [];
  }
}

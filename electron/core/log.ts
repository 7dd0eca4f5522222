import { isatty } from 'node:tty';
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Paths pino blanks before anything is written: the first line of defence, by field name. */
export const REDACT_PATHS = ['password', 'privateKey', 'passphrase', 'secret', 'auth', '*.password', '*.privateKey', '*.passphrase', '*.secret', '*.auth', 'params.auth', 'input.auth'];

const CENSOR = '[redacted]';
/** Shorter values would censor ordinary words; such a password is not protected by value (its field still is). */
const MIN_SECRET_LENGTH = 6;
const secretValues = new Set<string>();

/**
 * Registers a device secret (password, key, passphrase) with every logger of this process: any log
 * line containing it, wherever it sits (a nested field, an error message, a stack), is censored.
 * A private key is also registered line by line, so a fragment of it is caught too.
 */
export function registerSecret(secret: string): void {
  for (const part of [secret, ...secret.split(/\r?\n/)]) {
    const v = part.trim();
    if (v.length < MIN_SECRET_LENGTH || /^-----(BEGIN|END) /.test(v)) continue;
    secretValues.add(v);
    // Inside a JSON log line the value appears escaped (quotes, backslashes, newlines).
    secretValues.add(JSON.stringify(v).slice(1, -1));
  }
}

/** `text` with every registered secret replaced by [redacted]. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const v of secretValues) if (out.includes(v)) out = out.split(v).join(CENSOR);
  return out;
}

export type LogFormat = 'pretty' | 'json';

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const HIDDEN = new Set(['level', 'time', 'msg', 'app', 'pid', 'hostname']);

/** One readable line for one JSON log record: time, level, message, then the fields as key=value. */
export function prettyLine(json: string): string {
  let rec: Record<string, unknown>;
  try {
    rec = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const t = typeof rec.time === 'number' ? new Date(rec.time).toTimeString().slice(0, 8) : '';
  const level = (LEVELS[rec.level as number] ?? String(rec.level)).padEnd(5);
  const fields = Object.entries(rec)
    .filter(([k]) => !HIDDEN.has(k))
    .map(([k, v]) => {
      if (k === 'err' && v && typeof v === 'object') return `err=${JSON.stringify((v as { message?: unknown }).message ?? v)}`;
      return `${k}=${typeof v === 'string' && !/\s/.test(v) ? v : JSON.stringify(v)}`;
    });
  return `${t} ${level} ${String(rec.msg ?? '')}${fields.length ? `  ${fields.join(' ')}` : ''}\n`;
}

/** JSON to a file or when asked (SYNCSCOPE_LOG_FORMAT=json); one readable line per event on a terminal. */
export function chooseLogFormat(destination: number | string, env: NodeJS.ProcessEnv = process.env): LogFormat {
  const asked = env.SYNCSCOPE_LOG_FORMAT;
  if (asked === 'json' || asked === 'pretty') return asked;
  return typeof destination === 'number' && isatty(destination) ? 'pretty' : 'json';
}

export interface LoggerOptions {
  level?: string;
  /** A file descriptor (default 2, stderr) or a file path. */
  destination?: number | string;
  format?: LogFormat;
}

export function createLogger(opts: LoggerOptions = {}): Logger {
  const destination = opts.destination ?? 2;
  const format = opts.format ?? chooseLogFormat(destination);
  const sink = pino.destination({ dest: destination, sync: true });
  const stream: DestinationStream = format === 'pretty' ? { write: (s: string) => void sink.write(prettyLine(s)) } : sink;
  return pino(
    {
      level: opts.level ?? process.env.SYNCSCOPE_LOG_LEVEL ?? 'info',
      redact: { paths: REDACT_PATHS, censor: CENSOR },
      base: { app: 'syncscope' },
      hooks: { streamWrite: redactSecrets },
    },
    stream,
  );
}

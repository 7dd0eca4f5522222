import pino, { type Logger } from 'pino';

export type { Logger };

/** Paths pino blanks before anything is written: no secret ever reaches a log. */
export const REDACT_PATHS = ['password', 'privateKey', 'passphrase', 'secret', 'auth', '*.password', '*.privateKey', '*.passphrase', '*.secret', '*.auth', 'params.auth', 'input.auth'];

export function createLogger(opts: { level?: string; destination?: number | string } = {}): Logger {
  return pino(
    { level: opts.level ?? process.env.SYNCSCOPE_LOG_LEVEL ?? 'info', redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { app: 'syncscope' } },
    pino.destination({ dest: opts.destination ?? 2, sync: true }),
  );
}

import type { ErrorCode, ErrorValue } from '../../../shared/domain/errors';

/**
 * `syncscope`'s exit statuses, one per kind of mistake, so scripts can tell them apart. Shown in
 * `--help` and README; codes not listed (device errors never reach the CLI) exit 1.
 */
export const EXIT_STATUSES = [
  { status: 0, meaning: 'success' },
  { status: 1, meaning: 'unexpected error (a bug in Syncscope; the log has details)' },
  { status: 2, meaning: 'invalid command line or device profile' },
  { status: 3, meaning: 'no such device' },
  { status: 4, meaning: 'a device of that name exists already' },
  { status: 5, meaning: 'the data folder is in use by another engine' },
  { status: 6, meaning: 'the port is already in use' },
  { status: 7, meaning: 'the address is not one of this machine\'s' },
  { status: 8, meaning: 'the database or stored secrets cannot be read or written' },
  { status: 9, meaning: 'no Syncscope server answers at the --server URL' },
  { status: 10, meaning: 'a health check failed, or the device could not be reached for them (syncscope doctor)' },
  { status: 11, meaning: 'a timing mask chosen with --mask failed (syncscope report)' },
  { status: 12, meaning: 'the data could not judge a timing mask chosen with --mask: too short, or no time-error series (syncscope report)' },
] as const;

export const USAGE_EXIT = 2;

const BY_CODE: Partial<Record<ErrorCode, number>> = {
  'invalid-input': USAGE_EXIT,
  'not-found': 3,
  conflict: 4,
  'data-dir-locked': 5,
  'port-in-use': 6,
  'address-unavailable': 7,
  database: 8,
  'secret-unavailable': 8,
  'engine-unreachable': 9,
};

export function exitStatusOf(err: ErrorValue): number {
  return BY_CODE[err.code] ?? 1;
}

export function exitStatusHelp(): string {
  return `\nExit status:\n${EXIT_STATUSES.map((e) => `  ${String(e.status).padStart(2)}  ${e.meaning}`).join('\n')}\n`;
}

import type { ErrorEntry } from './catalog-types';

/** Errors of SSH transport: connecting, host keys, logins. */
export const SSH_ERRORS = {} as const satisfies Record<string, ErrorEntry>;

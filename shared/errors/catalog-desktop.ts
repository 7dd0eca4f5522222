import type { ErrorEntry } from './catalog-types';

/** Errors of the desktop shell: start-up, single instance. */
export const DESKTOP_ERRORS = {} as const satisfies Record<string, ErrorEntry>;

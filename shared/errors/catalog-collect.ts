import type { ErrorEntry } from './catalog-types';

/** Errors of the collector and transports in general (local, registry, deadlines). */
export const COLLECT_ERRORS = {} as const satisfies Record<string, ErrorEntry>;

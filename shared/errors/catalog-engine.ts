import type { ErrorEntry } from './catalog-types';

/** Errors of the engine process: data dir, database, server, CLI. */
export const ENGINE_ERRORS = {} as const satisfies Record<string, ErrorEntry>;

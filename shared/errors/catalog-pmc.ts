import type { ErrorEntry } from './catalog-types';

/** Errors of pmc and ptp4l: what a poll found on the device. */
export const PMC_ERRORS = {} as const satisfies Record<string, ErrorEntry>;

import { z } from 'zod';

/**
 * Whether the engine is saving what it collects. 'disk-full': the disk holding the data folder is
 * full; 'failing': the database refuses writes for another reason (a lock held elsewhere, a file
 * error). Collection goes on either way: readings wait in memory (at most `limit`, the oldest go
 * first) and writing resumes by itself. The data folder's path is not included: network consoles
 * are not told where the data lives.
 */
export const StoreHealth = z.object({
  state: z.enum(['ok', 'disk-full', 'failing']),
  /** Readings and events waiting to be written. */
  queued: z.number().int().min(0),
  limit: z.number().int().min(0),
  /** When writes started failing (engine clock, ms); null while writing. */
  sinceMs: z.number().nullable(),
});
export type StoreHealth = z.infer<typeof StoreHealth>;

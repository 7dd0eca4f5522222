/**
 * A turn of the event loop. History reads run in the engine beside collection: a week of 8 Hz is
 * millions of points, read a page at a time, and the polls, the write queue and the consoles get a
 * turn between pages.
 */
export const yieldTurn = (): Promise<void> => new Promise((ok) => setImmediate(ok));

/** How far a retry delay may stray from its nominal value, either way, so dead devices do not retry in lockstep. */
export const BACKOFF_JITTER = 0.2;

/**
 * Delay before retry number `failures` (1-based): 1 s, 2 s, 4 s … capped at 30 s, so a dead device
 * costs little, each scaled by a random factor in [1 − jitter, 1 + jitter]. `random` is Math.random's contract.
 */
export function backoffMs(failures: number, random: () => number = Math.random, baseMs = 1000, capMs = 30_000): number {
  if (failures <= 0) return 0;
  const nominal = Math.min(capMs, baseMs * 2 ** Math.min(failures - 1, 30));
  return Math.round(nominal * (1 + BACKOFF_JITTER * (2 * random() - 1)));
}

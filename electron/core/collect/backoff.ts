/** Delay before retry number `failures` (1-based): 1 s, 2 s, 4 s … capped, so a dead device costs little. */
export function backoffMs(failures: number, baseMs = 1000, capMs = 30_000): number {
  if (failures <= 0) return 0;
  return Math.min(capMs, baseMs * 2 ** Math.min(failures - 1, 30));
}

/** A duration in ns the way an engineer reads a schedule: `300 µs`, `1.5 ms`, `480 ns`. */
export function nsText(ns: number): string {
  if (!Number.isFinite(ns)) return '—';
  const units = [
    [1e9, 's'],
    [1e6, 'ms'],
    [1e3, 'µs'],
  ] as const;
  for (const [size, unit] of units) if (Math.abs(ns) >= size) return `${Number((ns / size).toPrecision(4))} ${unit}`;
  return `${ns} ns`;
}

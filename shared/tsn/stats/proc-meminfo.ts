/** `/proc/meminfo`: `MemTotal:  16384 kB` lines, in bytes. MemAvailable is absent before Linux 3.14. */
export interface MemInfo {
  totalBytes: number | null;
  availableBytes: number | null;
  freeBytes: number | null;
  /** Every field read, by its name, in bytes (or as printed when it has no unit, e.g. HugePages_Total). */
  fields: Record<string, number>;
}

export function parseMeminfo(text: string): MemInfo {
  const fields: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Za-z0-9_()]+):\s+(\d+)(?:\s+(kB))?\s*$/.exec(line);
    if (m) fields[m[1] as string] = Number(m[2]) * (m[3] ? 1024 : 1);
  }
  const free = fields.MemFree ?? null;
  // Before MemAvailable: free + page cache + reclaimable buffers is the usual estimate.
  const available = fields.MemAvailable ?? (free !== null ? free + (fields.Buffers ?? 0) + (fields.Cached ?? 0) : null);
  return { totalBytes: fields.MemTotal ?? null, availableBytes: available, freeBytes: free, fields };
}

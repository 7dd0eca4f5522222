/**
 * `/proc/net/dev`: two heading lines, then per interface `  eth0: rx bytes packets errs drop fifo
 * frame compressed multicast | tx bytes packets errs drop fifo colls carrier compressed`. The
 * counters are `unsigned long`: 32-bit on a 32-bit kernel, so they wrap on small boards.
 */
export interface NetDevCounters {
  iface: string;
  rxBytes: number;
  rxPackets: number;
  rxErrors: number;
  rxDrops: number;
  txBytes: number;
  txPackets: number;
  txErrors: number;
  txDrops: number;
}

export function parseNetDev(text: string): NetDevCounters[] {
  const out: NetDevCounters[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*([^:\s]+):\s*(.*)$/.exec(line);
    if (!m) continue;
    const f = (m[2] as string).trim().split(/\s+/).map(Number);
    if (f.length < 16 || f.some((n) => !Number.isFinite(n))) continue;
    out.push({ iface: m[1] as string, rxBytes: f[0] as number, rxPackets: f[1] as number, rxErrors: f[2] as number, rxDrops: f[3] as number, txBytes: f[8] as number, txPackets: f[9] as number, txErrors: f[10] as number, txDrops: f[11] as number });
  }
  return out;
}

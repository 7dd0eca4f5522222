/**
 * `/proc/stat` (proc(5)): per-CPU time in USER_HZ ticks (`cpu  user nice system idle iowait irq
 * softirq steal guest guest_nice`, then `cpuN …`), the boot time `btime` (a device reboot changes
 * it, so every counter's reset is known for what it is) and `procs_running`/`procs_blocked`.
 */
export interface CpuTimes {
  /** `all` for the `cpu` line, `0`, `1` … for `cpuN`. */
  cpu: string;
  total: number;
  idle: number;
  iowait: number;
  user: number;
  system: number;
  irq: number;
  steal: number;
}

export interface ProcStat {
  cpus: CpuTimes[];
  bootTimeS: number | null;
  procsRunning: number | null;
  procsBlocked: number | null;
}

export function parseProcStat(text: string): ProcStat {
  const out: ProcStat = { cpus: [], bootTimeS: null, procsRunning: null, procsBlocked: null };
  for (const line of text.split('\n')) {
    const cpu = /^cpu(\d*)\s+(.*)$/.exec(line);
    if (cpu) {
      const f = (cpu[2] as string).trim().split(/\s+/).map(Number);
      if (f.length < 4 || f.some((n) => !Number.isFinite(n))) continue;
      const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = f;
      // guest and guest_nice are already inside user and nice.
      out.cpus.push({ cpu: cpu[1] === '' ? 'all' : (cpu[1] as string), total: user + nice + system + idle + iowait + irq + softirq + steal, idle, iowait, user: user + nice, system, irq: irq + softirq, steal });
      continue;
    }
    const kv = /^(btime|procs_running|procs_blocked)\s+(\d+)/.exec(line);
    if (!kv) continue;
    const v = Number(kv[2]);
    if (kv[1] === 'btime') out.bootTimeS = v;
    else if (kv[1] === 'procs_running') out.procsRunning = v;
    else out.procsBlocked = v;
  }
  return out;
}

export interface CpuUsage {
  cpu: string;
  /** Share of the interval the CPU was busy (not idle, not waiting for I/O), 0…1. */
  busy: number;
  iowait: number;
  steal: number;
}

/** CPU use between two readings; a CPU whose tick count did not advance (or went back: a reboot) gives nothing. */
export function cpuUsage(prev: ProcStat, cur: ProcStat): CpuUsage[] {
  const before = new Map(prev.cpus.map((c) => [c.cpu, c]));
  const out: CpuUsage[] = [];
  for (const c of cur.cpus) {
    const p = before.get(c.cpu);
    if (!p) continue;
    const dt = c.total - p.total;
    if (dt <= 0 || c.idle < p.idle || c.iowait < p.iowait) continue;
    const idle = c.idle - p.idle;
    const iowait = c.iowait - p.iowait;
    out.push({ cpu: c.cpu, busy: Math.min(1, Math.max(0, (dt - idle - iowait) / dt)), iowait: Math.min(1, iowait / dt), steal: Math.min(1, Math.max(0, (c.steal - p.steal) / dt)) });
  }
  return out;
}

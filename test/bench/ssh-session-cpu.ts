import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { netnsPids } from '../lab/lab-helpers';

/**
 * CPU that this process's SSH sessions cost on lab devices, read from /proc (root only): the sshd
 * processes serving a connection that comes from one of this process's sockets, and everything they
 * started (shells, pmc, tail, journalctl, stdbuf, cat). Other helpers' and tests' sessions to the same
 * shared devices are left out: a session is ours when its socket's peer port is one of our local ports.
 */

export const CLOCK_TICKS_PER_S = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

interface ProcStat {
  pid: number;
  ppid: number;
  comm: string;
  /** utime + stime, in clock ticks: the process itself. */
  ownTicks: number;
  /** cutime + cstime: children it reaped (one-shot commands), whatever they were. */
  reapedTicks: number;
}

function procStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // comm may hold spaces and parentheses: the fields start after the last ')'.
    const close = text.lastIndexOf(')');
    const f = text.slice(close + 2).split(' ');
    // f[0] is field 3 (state): ppid is field 4, utime..cstime fields 14..17.
    const n = (field: number) => Number(f[field - 3]);
    return { pid, ppid: n(4), comm: text.slice(text.indexOf('(') + 1, close), ownTicks: n(14) + n(15), reapedTicks: n(16) + n(17) };
  } catch {
    return null; // exited meanwhile
  }
}

/** Socket inodes a process holds. */
function socketInodes(pid: number): Set<string> {
  const out = new Set<string>();
  let fds: string[] = [];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return out;
  }
  for (const fd of fds) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m?.[1]) out.add(m[1]);
    } catch {
      // closed meanwhile
    }
  }
  return out;
}

/** Established TCP sockets of a network namespace as seen by `pid`: inode → [local port, remote port]. */
function tcpTable(pid: number | 'self'): Map<string, [number, number]> {
  const table = new Map<string, [number, number]>();
  for (const file of ['tcp', 'tcp6']) {
    let text = '';
    try {
      text = readFileSync(`/proc/${pid}/net/${file}`, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 10 || f[3] !== '01') continue; // 01: ESTABLISHED
      const port = (addr: string | undefined) => parseInt(addr?.split(':')[1] ?? '', 16);
      table.set(f[9] ?? '', [port(f[1]), port(f[2])]);
    }
  }
  return table;
}

/** Local ports of this process's established connections to port 22 (the engine's and the baseline's SSH connections). */
export function ourSshPorts(): Set<number> {
  const table = tcpTable('self');
  const ports = new Set<number>();
  for (const inode of socketInodes(process.pid)) {
    const t = table.get(inode);
    if (t && t[1] === 22) ports.add(t[0]);
  }
  return ports;
}

export interface SessionCpu {
  /** Ticks of every process in our sessions' trees (live ones, with what they reaped). */
  ticks: number;
  /** The same ticks by process name; what live processes reaped is under `(reaped)`. */
  ticksByProcess: Map<string, number>;
  /** Our SSH connections this namespace's sshd serves. */
  connections: number;
  /** Process names in the trees, counted (`sshd ×6, pmc ×3, tail ×3`). */
  processes: Map<string, number>;
}

/** CPU ticks so far of our SSH sessions' process trees inside one lab namespace. */
export async function sessionCpu(netns: string, ourPorts: ReadonlySet<number>): Promise<SessionCpu> {
  const stats = (await netnsPids(netns)).map(procStat).filter((s): s is ProcStat => s !== null);
  if (stats.length === 0) return { ticks: 0, ticksByProcess: new Map(), connections: 0, processes: new Map() };
  const table = tcpTable(stats[0]!.pid);
  const connections = new Set<number>();
  const roots = stats.filter((s) => {
    if (!s.comm.startsWith('sshd')) return false;
    const peers = [...socketInodes(s.pid)].map((i) => table.get(i)?.[1] ?? -1).filter((p) => ourPorts.has(p));
    for (const p of peers) connections.add(p);
    return peers.length > 0;
  });
  const children = new Map<number, ProcStat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const tree = new Map<number, ProcStat>();
  const visit = (s: ProcStat) => {
    if (tree.has(s.pid)) return;
    tree.set(s.pid, s);
    for (const c of children.get(s.pid) ?? []) visit(c);
  };
  for (const r of roots) visit(r);
  const processes = new Map<string, number>();
  const ticksByProcess = new Map<string, number>();
  const add = (name: string, n: number) => ticksByProcess.set(name, (ticksByProcess.get(name) ?? 0) + n);
  let ticks = 0;
  for (const s of tree.values()) {
    ticks += s.ownTicks + s.reapedTicks;
    add(s.comm, s.ownTicks);
    add('(reaped)', s.reapedTicks);
    processes.set(s.comm, (processes.get(s.comm) ?? 0) + 1);
  }
  return { ticks, ticksByProcess, connections: connections.size, processes };
}

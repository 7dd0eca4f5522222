/**
 * `ps -e -o pid=,comm=,args=` (procps and busybox alike): which timing daemons run on a device.
 * A header line, if a ps prints one, and anything else that is not `PID COMM ARGS` is skipped.
 */
export interface DeviceProcess {
  pid: number;
  comm: string;
  args: string;
}

export function parseProcessList(text: string): DeviceProcess[] {
  const out: DeviceProcess[] = [];
  for (const line of text.split('\n').slice(0, 100_000)) {
    const m = /^\s*(\d{1,10})\s+(\S{1,64})(?:\s+(.*))?$/.exec(line);
    if (m) out.push({ pid: Number(m[1]), comm: m[2] ?? '', args: (m[3] ?? '').trim() });
  }
  return out;
}

/** Daemons that steer CLOCK_REALTIME on their own; with phc2sys also steering it, the two fight. */
export const SYSTEM_CLOCK_DAEMONS: readonly string[] = ['chronyd', 'ntpd', 'systemd-timesyn', 'openntpd', 'timemaster'];

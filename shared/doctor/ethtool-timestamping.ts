/**
 * `ethtool -T IFACE`: what timestamping an interface can do. Both printouts are read: ethtool ≥ 5.x
 * over netlink (`\tsoftware-transmit`, `Hardware Transmit Timestamp Modes: none`) and the older ioctl
 * form (`\thardware-transmit     (SOF_TIMESTAMPING_TX_HARDWARE)`), plus the provider lines of
 * ethtool ≥ 6.11. Never throws; what it cannot read stays empty and `readable` says so.
 */
export interface TimestampingCaps {
  iface: string | null;
  readable: boolean;
  /** e.g. hardware-transmit, software-receive, hardware-raw-clock. */
  capabilities: string[];
  /** PHC index (`/dev/ptpN`), null for `none`. */
  phcIndex: number | null;
  txModes: string[];
  rxFilters: string[];
}

type Section = 'capabilities' | 'txModes' | 'rxFilters' | null;

const HEADINGS: readonly { heading: string; section: Exclude<Section, null> }[] = [
  { heading: 'Capabilities:', section: 'capabilities' },
  { heading: 'Hardware Transmit Timestamp Modes:', section: 'txModes' },
  { heading: 'Hardware Receive Filter Modes:', section: 'rxFilters' },
];

export function parseEthtoolTimestamping(text: string): TimestampingCaps {
  const caps: TimestampingCaps = { iface: null, readable: false, capabilities: [], phcIndex: null, txModes: [], rxFilters: [] };
  let section: Section = null;
  for (const raw of text.split('\n').slice(0, 256)) {
    const line = raw.replace(/\r$/, '');
    const head = /^Time stamping parameters for (\S+?):?$/.exec(line);
    if (head) {
      caps.iface = head[1] ?? null;
      caps.readable = true;
      continue;
    }
    const phc = /^PTP Hardware Clock: (\S+)/.exec(line);
    if (phc) {
      section = null;
      caps.phcIndex = /^\d{1,4}$/.test(phc[1] ?? '') ? Number(phc[1]) : null;
      continue;
    }
    const heading = HEADINGS.find((h) => line.startsWith(h.heading));
    if (heading) {
      section = heading.section;
      const inline = line.slice(heading.heading.length).trim();
      if (inline !== '' && inline !== 'none') caps[section].push(inline);
      continue;
    }
    if (/^\s/.test(line) && section) {
      const name = line.trim().split(/\s+/)[0];
      if (name && caps[section].length < 64) caps[section].push(name);
      continue;
    }
    if (line.trim() !== '') section = null;
  }
  return caps;
}

/** What linuxptp's `time_stamping` modes need (PORT_PROPERTIES_NP prints them upper-case). */
export function timestampingGaps(caps: TimestampingCaps, mode: string): string[] {
  const m = mode.toLowerCase();
  const needs =
    m === 'software'
      ? ['software-transmit', 'software-receive', 'software-system-clock']
      : ['hardware-transmit', 'hardware-receive', 'hardware-raw-clock'];
  const missing = needs.filter((n) => !caps.capabilities.includes(n));
  if (m !== 'software' && caps.phcIndex === null) missing.push('PTP Hardware Clock');
  if ((m === 'onestep' || m === 'p2p1step') && !caps.txModes.some((t) => t.startsWith('onestep'))) missing.push(`transmit mode ${m === 'onestep' ? 'onestep-sync' : 'onestep-p2p'}`);
  return missing;
}

/** Which saved output a text is, by what its tool prints first: for `syncscope tsn parse FILE`. */
export type StatsOutputKind = 'tc-qdisc' | 'tc-class' | 'ethtool-stats' | 'ethtool-timestamping' | 'ethtool-mac-merge' | 'proc-stat' | 'proc-meminfo' | 'proc-loadavg' | 'proc-net-dev';

const TEXT_SIGNS: readonly { re: RegExp; kind: StatsOutputKind }[] = [
  { re: /^qdisc \S+ \S+/m, kind: 'tc-qdisc' },
  { re: /^class \S+ \S+/m, kind: 'tc-class' },
  { re: /^(?:NIC statistics:|Standard stats for )/m, kind: 'ethtool-stats' },
  { re: /^Time stamping parameters for /m, kind: 'ethtool-timestamping' },
  { re: /^MAC Merge layer state for /m, kind: 'ethtool-mac-merge' },
  { re: /^cpu\s+\d+ \d+ \d+ \d+/m, kind: 'proc-stat' },
  { re: /^MemTotal:\s+\d+ kB/m, kind: 'proc-meminfo' },
  { re: /^\s*(?:Inter-\||face \|bytes)/m, kind: 'proc-net-dev' },
  { re: /^\d+(?:\.\d+)? \d+(?:\.\d+)? \d+(?:\.\d+)? \d+\/\d+ \d+\s*$/, kind: 'proc-loadavg' },
];

export function detectStatsOutput(text: string): StatsOutputKind | null {
  const head = text.trimStart();
  if (head.startsWith('[') || head.startsWith('{')) {
    // Look at the first object's keys only; the text may be the invalid JSON of old taprio printers.
    const start = head.slice(0, 4096);
    if (/"class"\s*:/.test(start)) return 'tc-class';
    if (/"kind"\s*:/.test(start) && /"handle"\s*:/.test(start)) return 'tc-qdisc';
    if (/"(?:pmac-enabled|verify-status|tx-active)"\s*:/.test(start)) return 'ethtool-mac-merge';
    if (/"ifname"\s*:/.test(start)) return 'ethtool-stats';
    return null;
  }
  return TEXT_SIGNS.find((s) => s.re.test(text))?.kind ?? null;
}

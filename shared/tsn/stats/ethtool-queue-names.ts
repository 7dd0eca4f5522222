/**
 * Driver-specific per-queue counter names of `ethtool -S`, as a table (one row per naming scheme):
 * the name → {queue, direction, counter}. Rows come from the drivers' get_strings code:
 * - igb, igc, ixgbe, ice (in-tree), virtio_net, veth, netvsc, txgbe: `tx_queue_%u_packets`, `rx_queue_%u_drops`
 * - i40e, and ice's `tx-%u.packets` era: `tx-%u.tx_packets`, `rx-%u.rx_bytes`
 * - Intel's out-of-tree ice (PICK naming): `tx_q-%u_pkts`
 * - stmmac (`q%d_tx_pkt_n`, `q%d_rx_normal_irq_n`), macb (`q%d_rx_dropped`)
 * - mlx5: `tx%d_packets`, `rx%d_bytes`, `tx%d_dropped`
 * - ena: `queue_%u_tx_cnt`
 * - enetc: `Tx ring %2d frames`, `Rx ring %2d alloc errors`, `Tx window drop %2d frames`
 * Anything else stays a device counter under its raw name.
 */
export type QueueDirection = 'tx' | 'rx';

export interface QueueCounterName {
  queue: number;
  direction: QueueDirection;
  /** Normalized: `packets`, `bytes`, `drops`, or the driver's own rest in snake case. */
  counter: string;
}

interface Row {
  re: RegExp;
  /** Group indexes of direction, queue and rest. */
  dir: number;
  q: number;
  rest: number;
  /** Direction words: `tx`/`rx`, or `Tx`/`Rx`. */
}

const ROWS: readonly Row[] = [
  { re: /^(tx|rx)_queue_(\d+)_(.+)$/, dir: 1, q: 2, rest: 3 },
  { re: /^(tx|rx)-(\d+)\.(?:tx_|rx_)?(.+)$/, dir: 1, q: 2, rest: 3 },
  { re: /^(tx|rx)_q-(\d+)_(.+)$/, dir: 1, q: 2, rest: 3 },
  { re: /^q(\d+)_(tx|rx)_(.+)$/, dir: 2, q: 1, rest: 3 },
  { re: /^queue_(\d+)_(tx|rx)_(.+)$/, dir: 2, q: 1, rest: 3 },
  { re: /^(tx|rx)(\d+)_(.+)$/, dir: 1, q: 2, rest: 3 },
  { re: /^(Tx|Rx) ring +(\d+) (.+)$/, dir: 1, q: 2, rest: 3 },
  { re: /^(Tx) (window drop) +(\d+) frames$/, dir: 1, q: 3, rest: 2 },
];

/** Synonyms drivers use for the three counters every queue has. */
const COUNTER_SYNONYMS: Record<string, string> = {
  packets: 'packets',
  pkts: 'packets',
  pkt_n: 'packets',
  frames: 'packets',
  cnt: 'packets',
  bytes: 'bytes',
  drops: 'drops',
  dropped: 'drops',
  drop: 'drops',
  window_drop: 'window_drops',
};

function normalizeCounter(rest: string): string {
  const snake = rest
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  return COUNTER_SYNONYMS[snake] ?? snake;
}

export function queueCounterName(raw: string): QueueCounterName | null {
  for (const row of ROWS) {
    const m = row.re.exec(raw);
    if (!m) continue;
    const queue = Number(m[row.q]);
    if (!Number.isSafeInteger(queue) || queue > 4095) return null;
    return { queue, direction: (m[row.dir] as string).toLowerCase() as QueueDirection, counter: normalizeCounter(m[row.rest] as string) };
  }
  return null;
}

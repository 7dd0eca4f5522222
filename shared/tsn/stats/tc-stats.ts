import type { ErrorValue } from '../../domain/errors';

/**
 * What `tc -s qdisc show` and `tc -s class show` say about one qdisc or class, read from either
 * printout (JSON or text). Counters are the kernel's: `packets`, `drops`, `overlimits`, `requeues`
 * are 32-bit in struct gnet_stats_queue/basic (they wrap), `bytes` 64-bit; `backlogBytes` and `qlen`
 * are gauges. `xstats` holds the kind's own extra statistics by the name tc prints (taprio's
 * `window_drops`/`tx_overruns`, htb's `lended`/`borrowed`, fq_codel's `drop_overlimit` …).
 */
export interface TcCounters {
  bytes: number;
  packets: number;
  drops: number;
  overlimits: number;
  requeues: number;
  backlogBytes: number;
  qlen: number;
  /** Rate estimator (`tc qdisc … est`), when the kernel has one: bit/s and packets/s. */
  rateBps: number | null;
  pps: number | null;
  /** Offloaded qdiscs: what the hardware sent (`Sent hardware …`). */
  hwBytes: number | null;
  hwPackets: number | null;
  xstats: Record<string, number>;
}

export interface QdiscStats extends TcCounters {
  /** The interface, when the output named it (`tc qdisc show` without `dev`). */
  dev: string | null;
  kind: string;
  /** `1:`, `8002:`, `0:` (a default qdisc), `ffff:` (ingress/clsact). */
  handle: string;
  /** The parent class (`1:10`), null for the root qdisc. */
  parent: string | null;
  root: boolean;
  offloaded: boolean;
  /** The kind's options as tc printed them (JSON object, or the text after the header), for the config readers. */
  options: unknown;
}

export interface ClassStats extends TcCounters {
  dev: string | null;
  kind: string;
  /** `1:10`; a taprio/mqprio class is one traffic class or queue (`100:1`). */
  classid: string;
  parent: string | null;
  root: boolean;
  /** The qdisc attached below the class (`10:`), if any. */
  leaf: string | null;
}

export interface TcParse<T> {
  entries: T[];
  /** What could not be read (the rest was kept). */
  problems: ErrorValue[];
  /** Which printout it was. */
  format: 'json' | 'text';
}

export function emptyCounters(): TcCounters {
  return { bytes: 0, packets: 0, drops: 0, overlimits: 0, requeues: 0, backlogBytes: 0, qlen: 0, rateBps: null, pps: null, hwBytes: null, hwPackets: null, xstats: {} };
}

/**
 * A root qdisc someone configured: the kernel's own (noqueue, pfifo_fast, mq, the default_qdisc
 * sysctl's fq_codel or fq) carry handle `0:`, and anything added with tc gets a handle of its own.
 */
export function isConfiguredRoot(q: Pick<QdiscStats, 'root' | 'handle' | 'kind'>): boolean {
  return q.root && q.handle !== '0:' && q.kind !== 'noqueue';
}

/**
 * What Syncscope knows about the device and link a qdisc goes on. Each is optional: a check that
 * needs an unknown value is skipped, never guessed. A device setting in the profile or a reading
 * (`ethtool`, `tc`, pmc) fills them.
 */
export interface TsnDeviceSettings {
  /** Link speed in Mbit/s (`ethtool IFACE` Speed). */
  linkSpeedMbps?: number;
  /** TX queues of the interface (`ethtool -l` combined/tx). */
  txQueues?: number;
  /** How many entries the NIC's gate-control list holds (often ≤ 1024, some far fewer). */
  gclCapacity?: number;
  /** Interface MTU in bytes, for max-sdu. */
  mtu?: number;
  /** ptp4l's `socket_priority` (default 0): the priority its event messages leave with. */
  ptpSocketPriority?: number;
  /** ptp4l's `tx_timestamp_timeout` in ms (10 since linuxptp 4.0, 1 before). */
  txTimestampTimeoutMs?: number;
  /** The device's TAI time now in ns, decimal, to judge a base-time (from its PHC or clock). */
  nowTaiNs?: string;
}

export const DEFAULT_PTP_SOCKET_PRIORITY = 0;
export const DEFAULT_TX_TIMESTAMP_TIMEOUT_MS = 10;

/** Nanoseconds one byte takes on the wire at a link speed. */
export const byteTimeNs = (linkSpeedMbps: number): number => 8000 / linkSpeedMbps;

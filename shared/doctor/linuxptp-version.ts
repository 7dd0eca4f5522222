/**
 * linuxptp's version as `ptp4l -v` prints it (`3.1.1`, `4.2`, `v4.4`, distro suffixes like
 * `3.1.1-6.el8`), and what each version brings that a collector relies on (reference.md §3, §7).
 */
export interface LinuxptpVersion {
  major: number;
  minor: number;
  patch: number;
  text: string;
}

export function parseLinuxptpVersion(text: string): LinuxptpVersion | null {
  const m = /^\s*v?(\d{1,2})\.(\d{1,2})(?:\.(\d{1,3}))?/.exec(text);
  if (!m) return null;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0), text: text.trim().split('\n')[0] ?? '' };
}

/** Features by the first release that has them. */
export const LINUXPTP_FEATURES = {
  /** PORT_STATS_NP (message counters per port). */
  portStats: [3, 0],
  /** UNICAST_MASTER_TABLE_NP, PORT_HWCLOCK_NP. */
  unicastMasterTable: [4, 0],
  portHwclock: [4, 0],
  /** `port N (iface):` in log lines; ts2phc names /dev/ptpN; read-only UDS; PORT_SERVICE_STATS_NP, UNICAST_MASTER_TABLE_NP, PORT_HWCLOCK_NP. */
  portLogNameWithIface: [4, 0],
  readOnlyUds: [4, 0],
  portServiceStats: [4, 0],
  txTimestampTimeoutDefault10: [4, 0],
  /** phc2sys's "source clock" wording. */
  phc2sysSourceWording: [4, 1],
  /** `{level}` in message_tag. */
  messageTagLevel: [4, 2],
  /** ts2phc ` holdover` suffix; SUBSCRIBE_EVENTS_NP duration 65535 never expires. */
  ts2phcHoldover: [4, 4],
  /** PORT_CORRECTIONS_NP (egress/ingress latency, delay asymmetry per port): merged in 2025, after 4.4. */
  portCorrections: [4, 5],
} as const satisfies Record<string, readonly [number, number]>;

export type LinuxptpFeature = keyof typeof LINUXPTP_FEATURES;

export function hasFeature(v: LinuxptpVersion, feature: LinuxptpFeature): boolean {
  const [major, minor] = LINUXPTP_FEATURES[feature];
  return v.major > major || (v.major === major && v.minor >= minor);
}

/** The optional management data sets, by the feature that brings them (reference.md §3.5). */
export const DATA_SET_FEATURES = {
  PORT_STATS_NP: 'portStats',
  PORT_SERVICE_STATS_NP: 'portServiceStats',
  UNICAST_MASTER_TABLE_NP: 'unicastMasterTable',
  PORT_HWCLOCK_NP: 'portHwclock',
  PORT_CORRECTIONS_NP: 'portCorrections',
} as const satisfies Record<string, LinuxptpFeature>;
export type OptionalDataSet = keyof typeof DATA_SET_FEATURES;

/** Whether this linuxptp has the data set; an unknown version is asked (a refusal is remembered by the asker). */
export function offersDataSet(v: LinuxptpVersion | null, tlv: OptionalDataSet): boolean {
  return v === null || hasFeature(v, DATA_SET_FEATURES[tlv]);
}

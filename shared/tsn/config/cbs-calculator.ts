import { tcError, tcWarning, type TcProblem } from './tc-problem';
import { isIntegerIn, S32_MAX } from './tc-values';

/**
 * The credit-based shaper's parameters from what an engineer knows (tc-cbs(8); IEEE 802.1Q
 * Annex L): the bandwidth to reserve, the link speed, the largest frame of this class and the
 * largest frame that can get in its way.
 *   sendslope = idleslope − portTransmitRate                      (kbit/s)
 *   hicredit  = maxInterferenceSize × idleslope / portTransmitRate (bytes; class A)
 *   locredit  = maxFrameSize × sendslope / portTransmitRate        (bytes)
 * For a second class (B) below a class A, Annex L.3 adds A's own interference:
 *   hicredit_B = idleslope_B × (maxInterferenceSize / (rate − idleslope_A) + maxFrameSize_A / rate).
 * Credits are rounded away from zero (hicredit up, locredit down) so the shaper never runs short.
 * Frame sizes are counted as given: add 42 bytes (header, VLAN tag, FCS, preamble, IPG) to a
 * payload if the wire size is what you mean; the man page's example uses 1500.
 */
export interface CbsInput {
  linkSpeedMbps: number;
  idleslopeKbps: number;
  maxFrameBytes: number;
  maxInterferenceBytes: number;
  /** The class above this one (Annex L class A), when this is class B. */
  higherClass?: { idleslopeKbps: number; maxFrameBytes: number } | null;
}

export interface CbsParams {
  idleslopeKbps: number;
  sendslopeKbps: number;
  hicreditBytes: number;
  locreditBytes: number;
}

/** 802.1Q's default ceiling for all stream-reservation classes together. */
export const MAX_RESERVED_FRACTION = 0.75;

/** Bytes a frame adds around its payload on the wire: 14 header, 4 VLAN tag, 4 FCS, 8 preamble+SFD, 12 IPG. */
export const WIRE_OVERHEAD_VLAN_BYTES = 42;

/** idleslope for a stream: frames of `payloadBytes` (plus wire overhead), `framesPerInterval` every `intervalUs` µs. */
export function idleslopeForStream(payloadBytes: number, framesPerInterval: number, intervalUs: number, overheadBytes = WIRE_OVERHEAD_VLAN_BYTES): number {
  return Math.ceil(((payloadBytes + overheadBytes) * 8 * framesPerInterval * 1000) / intervalUs);
}

export function cbsCalculate(input: CbsInput): { params: CbsParams | null; problems: TcProblem[] } {
  const problems: TcProblem[] = [];
  const { linkSpeedMbps: speed, idleslopeKbps: idle, maxFrameBytes, maxInterferenceBytes, higherClass } = input;
  if (!isIntegerIn(speed, 1, 1_000_000)) problems.push(tcError('tsn-config.cbs.link-speed', 'linkSpeedMbps', { value: String(speed) }));
  const portKbps = speed * 1000;
  if (!isIntegerIn(idle, 1, S32_MAX) || (problems.length === 0 && idle >= portKbps)) problems.push(tcError('tsn-config.cbs.idleslope-range', 'idleslopeKbps', { value: String(idle), portKbps: String(portKbps) }));
  for (const [field, v] of [['maxFrameBytes', maxFrameBytes], ['maxInterferenceBytes', maxInterferenceBytes], ...(higherClass ? [['higherClass.maxFrameBytes', higherClass.maxFrameBytes] as const] : [])] as const) {
    if (!isIntegerIn(v, 1, 65_535)) problems.push(tcError('tsn-config.cbs.frame-size', field, { value: String(v) }));
  }
  if (higherClass && (!isIntegerIn(higherClass.idleslopeKbps, 1, S32_MAX) || higherClass.idleslopeKbps + idle >= portKbps)) {
    problems.push(tcError('tsn-config.cbs.higher-class-range', 'higherClass.idleslopeKbps', { value: String(higherClass.idleslopeKbps), portKbps: String(portKbps) }));
  }
  if (problems.length > 0) return { params: null, problems };
  const reserved = idle + (higherClass?.idleslopeKbps ?? 0);
  if (reserved > MAX_RESERVED_FRACTION * portKbps) problems.push(tcWarning('tsn-config.cbs.reservation-high', 'idleslopeKbps', { percent: Math.round((reserved / portKbps) * 100) }));
  const sendslopeKbps = idle - portKbps;
  const hicredit = higherClass ? idle * (maxInterferenceBytes / (portKbps - higherClass.idleslopeKbps) + higherClass.maxFrameBytes / portKbps) : (maxInterferenceBytes * idle) / portKbps;
  // Rounded after a tiny tolerance, so 1500 × 20000 / 1e6 stays 30 however floating point lands.
  const hicreditBytes = Math.ceil(hicredit - 1e-9);
  const locreditBytes = Math.floor((maxFrameBytes * sendslopeKbps) / portKbps + 1e-9);
  return { params: { idleslopeKbps: idle, sendslopeKbps, hicreditBytes, locreditBytes }, problems };
}

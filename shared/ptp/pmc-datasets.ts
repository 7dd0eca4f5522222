import { PORT_STATES, type PortState } from '../domain/ptp';
import { CLOCK_IDENTITY, PORT_IDENTITY } from './identity';
import type { PmcResponse } from './pmc-parse';

/**
 * Typed readers for the data sets the console uses, on top of the raw pmc parse.
 * Each returns null when the response is another data set; a field that is missing or does not
 * read as its printf format (pmc.c `pmc_show`) is null, never NaN.
 *
 * ingress_time is an int64 of ns since the epoch (~1.8e18), past 2^53: it stays a decimal string
 * (`ingressTimeNs`), which survives JSON and the contract unchanged; `nsToMs` gives a number.
 */

export interface TimeStatusNp {
  portIdentity: string;
  masterOffsetNs: number | null;
  /** Decimal int64 ns (CLOCK_REALTIME of the last Sync's ingress; 0 before the first). */
  ingressTimeNs: string | null;
  /** Fractional frequency offset to the grandmaster (rate ratio − 1), already divided by 2^41 by pmc. */
  cumulativeScaledRateOffset: number | null;
  scaledLastGmPhaseChange: number | null;
  gmTimeBaseIndicator: number | null;
  /** As printed: `0x0000'0000000000000000.0000` (ns msb'lsb.fraction). */
  lastGmPhaseChange: string | null;
  gmPresent: boolean | null;
  gmIdentity: string | null;
}

export interface CurrentDataSet {
  portIdentity: string;
  stepsRemoved: number | null;
  offsetFromMasterNs: number | null;
  meanPathDelayNs: number | null;
}

/** IEEE 1588 delay mechanism codes as pmc prints them (linuxptp dm.h). */
export const DELAY_MECHANISMS: Readonly<Record<number, DelayMechanism>> = { 0: 'AUTO', 1: 'E2E', 2: 'P2P', 3: 'COMMON_P2P', 254: 'NO_MECHANISM' };
export type DelayMechanism = 'AUTO' | 'E2E' | 'P2P' | 'COMMON_P2P' | 'NO_MECHANISM';

export interface PortDataSet {
  portIdentity: string;
  portNumber: number | null;
  /** null when pmc printed a state this console does not know. */
  portState: PortState | null;
  logMinDelayReqInterval: number | null;
  peerMeanPathDelayNs: number | null;
  logAnnounceInterval: number | null;
  announceReceiptTimeout: number | null;
  logSyncInterval: number | null;
  delayMechanism: DelayMechanism | null;
  logMinPdelayReqInterval: number | null;
  versionNumber: number | null;
}

export interface ParentDataSet {
  portIdentity: string;
  parentPortIdentity: string | null;
  parentStats: number | null;
  observedParentOffsetScaledLogVariance: number | null;
  observedParentClockPhaseChangeRate: number | null;
  grandmasterPriority1: number | null;
  gmClockClass: number | null;
  gmClockAccuracy: number | null;
  gmOffsetScaledLogVariance: number | null;
  grandmasterPriority2: number | null;
  grandmasterIdentity: string | null;
}

export interface DefaultDataSet {
  portIdentity: string;
  twoStepFlag: boolean | null;
  slaveOnly: boolean | null;
  numberPorts: number | null;
  priority1: number | null;
  clockClass: number | null;
  clockAccuracy: number | null;
  offsetScaledLogVariance: number | null;
  priority2: number | null;
  clockIdentity: string | null;
  domainNumber: number | null;
}

export function timeStatusNp(resp: PmcResponse): TimeStatusNp | null {
  if (resp.tlv !== 'TIME_STATUS_NP') return null;
  const f = resp.fields;
  return {
    portIdentity: resp.portIdentity,
    masterOffsetNs: int(f['master_offset']),
    ingressTimeNs: int64Text(f['ingress_time']),
    cumulativeScaledRateOffset: decimal(f['cumulativeScaledRateOffset']),
    scaledLastGmPhaseChange: int(f['scaledLastGmPhaseChange']),
    gmTimeBaseIndicator: int(f['gmTimeBaseIndicator']),
    lastGmPhaseChange: f['lastGmPhaseChange'] ?? null,
    gmPresent: bool(f['gmPresent']),
    gmIdentity: clockIdentity(f['gmIdentity']),
  };
}

export function currentDataSet(resp: PmcResponse): CurrentDataSet | null {
  if (resp.tlv !== 'CURRENT_DATA_SET') return null;
  const f = resp.fields;
  return {
    portIdentity: resp.portIdentity,
    stepsRemoved: int(f['stepsRemoved']),
    offsetFromMasterNs: decimal(f['offsetFromMaster']),
    meanPathDelayNs: decimal(f['meanPathDelay']),
  };
}

export function portDataSet(resp: PmcResponse): PortDataSet | null {
  if (resp.tlv !== 'PORT_DATA_SET') return null;
  const f = resp.fields;
  const portIdentity = portIdentityOf(f['portIdentity']) ?? resp.portIdentity;
  const mechanism = int(f['delayMechanism']);
  return {
    portIdentity,
    portNumber: portNumberOf(portIdentity),
    portState: portState(f['portState']),
    logMinDelayReqInterval: int(f['logMinDelayReqInterval']),
    peerMeanPathDelayNs: int(f['peerMeanPathDelay']),
    logAnnounceInterval: int(f['logAnnounceInterval']),
    announceReceiptTimeout: int(f['announceReceiptTimeout']),
    logSyncInterval: int(f['logSyncInterval']),
    delayMechanism: mechanism === null ? null : (DELAY_MECHANISMS[mechanism] ?? null),
    logMinPdelayReqInterval: int(f['logMinPdelayReqInterval']),
    versionNumber: int(f['versionNumber']),
  };
}

export function parentDataSet(resp: PmcResponse): ParentDataSet | null {
  if (resp.tlv !== 'PARENT_DATA_SET') return null;
  const f = resp.fields;
  return {
    portIdentity: resp.portIdentity,
    parentPortIdentity: portIdentityOf(f['parentPortIdentity']),
    parentStats: int(f['parentStats']),
    observedParentOffsetScaledLogVariance: hexOrInt(f['observedParentOffsetScaledLogVariance']),
    observedParentClockPhaseChangeRate: hexOrInt(f['observedParentClockPhaseChangeRate']),
    grandmasterPriority1: int(f['grandmasterPriority1']),
    gmClockClass: int(f['gm.ClockClass']),
    gmClockAccuracy: hexOrInt(f['gm.ClockAccuracy']),
    gmOffsetScaledLogVariance: hexOrInt(f['gm.OffsetScaledLogVariance']),
    grandmasterPriority2: int(f['grandmasterPriority2']),
    grandmasterIdentity: clockIdentity(f['grandmasterIdentity']),
  };
}

export function defaultDataSet(resp: PmcResponse): DefaultDataSet | null {
  if (resp.tlv !== 'DEFAULT_DATA_SET') return null;
  const f = resp.fields;
  return {
    portIdentity: resp.portIdentity,
    twoStepFlag: bool(f['twoStepFlag']),
    slaveOnly: bool(f['slaveOnly']),
    numberPorts: int(f['numberPorts']),
    priority1: int(f['priority1']),
    clockClass: int(f['clockClass']),
    clockAccuracy: hexOrInt(f['clockAccuracy']),
    offsetScaledLogVariance: hexOrInt(f['offsetScaledLogVariance']),
    priority2: int(f['priority2']),
    clockIdentity: clockIdentity(f['clockIdentity']),
    domainNumber: int(f['domainNumber']),
  };
}

/** ns as a decimal string → whole ms (floor), exact for any int64; null if not an integer. */
export function nsToMs(ns: string | null): number | null {
  const text = int64Text(ns ?? undefined);
  if (text === null) return null;
  const whole = BigInt(text);
  const ms = whole / 1_000_000n - (whole < 0n && whole % 1_000_000n !== 0n ? 1n : 0n);
  return Number(ms);
}

/** The port number of `clockId-portNumber`, or null. */
export function portNumberOf(portIdentity: string): number | null {
  const dash = portIdentity.lastIndexOf('-');
  return dash < 0 ? null : int(portIdentity.slice(dash + 1));
}

const KNOWN_STATES: ReadonlySet<string> = new Set(PORT_STATES);
function portState(text: string | undefined): PortState | null {
  return text !== undefined && KNOWN_STATES.has(text) ? (text as PortState) : null;
}

const INT = /^[+-]?\d{1,20}$/;
const DECIMAL = /^[+-]?\d{1,20}(?:\.\d{1,20})?$/;
const HEX = /^0[xX][0-9a-fA-F]{1,16}$/;

export function int(text: string | undefined): number | null {
  return text !== undefined && INT.test(text) ? finite(Number(text)) : null;
}

function decimal(text: string | undefined): number | null {
  return text !== undefined && DECIMAL.test(text) ? finite(Number(text)) : null;
}

export function hexOrInt(text: string | undefined): number | null {
  if (text !== undefined && HEX.test(text)) return finite(Number.parseInt(text.slice(2), 16));
  return int(text);
}

/** Keeps the exact digits of an int64 (a leading + dropped). */
export function int64Text(text: string | undefined): string | null {
  if (text === undefined || !INT.test(text)) return null;
  const value = BigInt(text);
  return value >= -(2n ** 63n) && value < 2n ** 64n ? value.toString() : null;
}

function bool(text: string | undefined): boolean | null {
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  return null;
}

function clockIdentity(text: string | undefined): string | null {
  return text !== undefined && CLOCK_IDENTITY.test(text) ? text : null;
}

export function portIdentityOf(text: string | undefined): string | null {
  return text !== undefined && PORT_IDENTITY.test(text) ? text : null;
}

/** -0 from `%.1f` of a tiny negative becomes 0; anything not finite becomes null. */
function finite(n: number): number | null {
  return Number.isFinite(n) ? n + 0 : null;
}

export interface PortPropertiesNp {
  portIdentity: string;
  portNumber: number | null;
  portState: PortState | null;
  /** pmc's words: SOFTWARE, HARDWARE, LEGACY_HW, ONESTEP, P2P1STEP. */
  timestamping: string | null;
  interface: string | null;
}

export function portPropertiesNp(resp: PmcResponse): PortPropertiesNp | null {
  if (resp.tlv !== 'PORT_PROPERTIES_NP') return null;
  const f = resp.fields;
  const portIdentity = portIdentityOf(f['portIdentity']) ?? resp.portIdentity;
  const iface = f['interface'];
  return {
    portIdentity,
    portNumber: portNumberOf(portIdentity),
    portState: portState(f['portState']),
    timestamping: f['timestamping'] && /^[A-Z0-9_]{1,32}$/.test(f['timestamping']) ? f['timestamping'] : null,
    interface: iface && /^[^\s/]{1,64}$/.test(iface) ? iface : null,
  };
}

/** A message counter of PORT_STATS_NP / PORT_SERVICE_STATS_NP, as its decimal text (uint64). */
export interface PortCounter {
  /** As printed, e.g. `rx_Sync`, `announce_timeout`. */
  name: string;
  valueText: string;
}

export interface PortStats {
  portIdentity: string;
  portNumber: number | null;
  counters: PortCounter[];
}

/** PORT_STATS_NP (3.0+) or PORT_SERVICE_STATS_NP (4.0+): every field but portIdentity is a uint64 counter. */
export function portStats(resp: PmcResponse): PortStats | null {
  if (resp.tlv !== 'PORT_STATS_NP' && resp.tlv !== 'PORT_SERVICE_STATS_NP') return null;
  const portIdentity = portIdentityOf(resp.fields['portIdentity']) ?? resp.portIdentity;
  const counters: PortCounter[] = [];
  for (const [name, text] of Object.entries(resp.fields)) {
    if (name === 'portIdentity' || !/^[A-Za-z_]{1,48}$/.test(name)) continue;
    const valueText = int64Text(text);
    if (valueText !== null) counters.push({ name, valueText });
  }
  return { portIdentity, portNumber: portNumberOf(portIdentity), counters };
}

import type { ErrorValue, MessageParams } from '../domain/errors';
import { catalogError, type ErrorId } from '../errors/catalog';
import type { PtpSample } from '../domain/ptp';
import { currentDataSet, portDataSet, timeStatusNp, type CurrentDataSet, type PortDataSet, type TimeStatusNp } from './pmc-datasets';
import { parsePmcOutput, responsesFor, type PmcParse } from './pmc-parse';

/**
 * One poll of ptp4l (`pmc … 'GET TIME_STATUS_NP' 'GET CURRENT_DATA_SET' 'GET PORT_DATA_SET'`)
 * merged into a PtpSample, plus, when something went wrong, what a lab engineer should check.
 * Pass pmc's stdout with its stderr appended when the transport has it: pmc's reasons for failing
 * (`uds: bind failed: …`) go to stderr.
 */

export const PMC_POLL_DATA_SETS = ['TIME_STATUS_NP', 'CURRENT_DATA_SET', 'PORT_DATA_SET'] as const;

export type PmcProblemKind = 'no-response' | 'no-socket' | 'permission' | 'partial' | 'refused' | 'pmc-failed' | 'pmc-missing' | 'no-output' | 'garbage';

/** What the poll command saw of ptp4l's socket from the login's side (`test -e` / `test -w`), when it could look. */
export type UdsAccess = 'writable' | 'missing' | 'not-writable';

/** Where the text came from: which device, which socket, and what else the poll command knew. */
export interface PmcPollContext {
  /** The device's name, as messages show it; its id when absent. */
  deviceName?: string;
  /** ptp4l's socket the poll used, as messages show it. */
  udsPath?: string;
  /** Exit status of the command on the device; 127 is the shell's "command not found". */
  exitCode?: number | null;
  udsAccess?: UdsAccess;
}

/** A problem of one poll, as a catalog error (`pmc.*`) naming the device, plus which situation it was. */
export type PmcProblem = ErrorValue & { kind: PmcProblemKind };

export interface PmcPollResult {
  sample: PtpSample | null;
  problem: PmcProblem | null;
}

export function sampleFromPmc(text: string, deviceId: string, tMs: number, ctx: PmcPollContext = {}): PmcPollResult {
  return sampleFromParse(parsePmcOutput(text), deviceId, tMs, ctx);
}

export function sampleFromParse(parse: PmcParse, deviceId: string, tMs: number, ctx: PmcPollContext = {}): PmcPollResult {
  const time = first(responsesFor(parse, 'TIME_STATUS_NP').map(timeStatusNp));
  const current = first(responsesFor(parse, 'CURRENT_DATA_SET').map(currentDataSet));
  const ports = responsesFor(parse, 'PORT_DATA_SET')
    .map(portDataSet)
    .filter((p): p is PortDataSet => p !== null);
  const missing = PMC_POLL_DATA_SETS.filter((tlv) => responsesFor(parse, tlv).length === 0);
  const problem = classify(parse, missing, deviceId, ctx);
  if (missing.length === PMC_POLL_DATA_SETS.length) return { sample: null, problem };
  return { sample: sampleOf(time, current, ports, deviceId, tMs), problem };
}

/** The legacy sample from data sets already read (a poll that answered all three has no problem to classify). */
export function sampleOf(time: TimeStatusNp | null, current: CurrentDataSet | null, ports: readonly PortDataSet[], deviceId: string, tMs: number): PtpSample {
  // A clock that is its own grandmaster (gmPresent false, or stepsRemoved 0) reports 0 offsets
  // and delays as placeholders, not measurements: they must not be charted as perfect sync.
  const ownGrandmaster = time?.gmPresent === false || current?.stepsRemoved === 0;
  const measured = (n: number | null | undefined): number | null => (ownGrandmaster ? null : (n ?? null));
  const listed = ports.flatMap((p) => (p.portState === null ? [] : [{ portIdentity: p.portIdentity, portState: p.portState }]));
  // The port a clock syncs on: a boundary clock has MASTER ports too, so prefer SLAVE, then UNCALIBRATED.
  const netPorts = ports.filter((p) => p.portNumber !== 0);
  const syncPort = netPorts.find((p) => p.portState === 'SLAVE') ?? netPorts.find((p) => p.portState === 'UNCALIBRATED') ?? netPorts[0];
  const sample: PtpSample = {
    deviceId,
    tMs,
    masterOffsetNs: measured(time?.masterOffsetNs),
    offsetFromMasterNs: measured(current?.offsetFromMasterNs),
    meanPathDelayNs: measured(current?.meanPathDelayNs),
    stepsRemoved: current?.stepsRemoved ?? null,
    gmPresent: time?.gmPresent ?? null,
    gmIdentity: time?.gmIdentity ?? null,
    portState: syncPort?.portState ?? null,
    ports: listed,
  };
  return sample;
}

type PmcErrorId = Extract<ErrorId, `pmc.${string}`>;

interface Situation {
  kind: PmcProblemKind;
  fits: (p: PmcParse, missing: readonly string[], ctx: PmcPollContext) => boolean;
  id: (p: PmcParse, missing: readonly string[]) => PmcErrorId;
  params: (p: PmcParse, missing: readonly string[]) => MessageParams;
}

const all = (missing: readonly string[]) => missing.length === PMC_POLL_DATA_SETS.length;

/** The one decision that pmc is missing: the shell said "not found" (status 127, or its words) and pmc sent nothing. */
export function pmcMissing(parse: PmcParse, exitCode: number | null | undefined): boolean {
  if (parse.sent.length > 0) return false;
  return exitCode === 127 || (parse.firstJunkLine !== null && /\bpmc\b.*(?:not found|No such file or directory)/.test(parse.firstJunkLine));
}

/** What to tell a person, by situation; checked in this order, the first that fits wins. */
const SITUATIONS: readonly Situation[] = [
  {
    kind: 'partial',
    fits: (p, missing) => missing.length > 0 && !all(missing),
    id: (p, missing) => (refused(p, missing).length > 0 ? 'pmc.partial-refused' : 'pmc.partial'),
    params: (p, missing) => ({ missing: missing.join(', '), refused: refused(p, missing).join(', ') }),
  },
  { kind: 'refused', fits: (p, missing) => all(missing) && p.errors.length > 0, id: () => 'pmc.refused', params: (p) => ({ refused: refused(p, PMC_POLL_DATA_SETS).join(', ') }) },
  {
    kind: 'partial',
    fits: (p, missing) => all(missing) && p.responses.length > 0,
    id: () => 'pmc.wrong-answer',
    params: (p) => ({ got: unique(p.responses.map((r) => r.tlv || 'an empty block')).join(', '), wanted: PMC_POLL_DATA_SETS.join(', ') }),
  },
  // ptp4l answers nothing to a login that may not write its socket; pmc says nothing either, so the poll command looks.
  { kind: 'permission', fits: (p, missing, ctx) => ctx.udsAccess === 'not-writable', id: () => 'pmc.permission', params: () => ({}) },
  { kind: 'pmc-missing', fits: (p, missing, ctx) => pmcMissing(p, ctx.exitCode), id: () => 'pmc.missing', params: () => ({}) },
  { kind: 'no-socket', fits: (p, missing, ctx) => p.sent.length > 0 && ctx.udsAccess === 'missing', id: () => 'pmc.no-socket', params: () => ({}) },
  { kind: 'no-response', fits: (p) => p.sent.length > 0, id: () => 'pmc.no-response', params: (p) => ({ sent: p.sent.join(', ') }) },
  { kind: 'pmc-failed', fits: (p) => p.notices.length > 0, id: () => 'pmc.failed', params: (p) => ({ detail: p.notices.join(' / ') }) },
  { kind: 'no-output', fits: (p) => p.junkLines === 0, id: () => 'pmc.no-output', params: () => ({}) },
  { kind: 'garbage', fits: () => true, id: () => 'pmc.garbage', params: (p) => ({ lines: p.junkLines, first: p.firstJunkLine ?? '' }) },
];

function classify(parse: PmcParse, missing: readonly string[], deviceId: string, ctx: PmcPollContext): PmcProblem | null {
  if (missing.length === 0) return null;
  const s = SITUATIONS.find((x) => x.fits(parse, missing, ctx));
  if (!s) return null;
  const params = { ...s.params(parse, missing), device: ctx.deviceName ?? deviceId, uds: ctx.udsPath ?? '?' };
  return { ...catalogError(s.id(parse, missing), params, { deviceId }), kind: s.kind };
}

/** The requests ptp4l answered with MANAGEMENT_ERROR_STATUS, among those for `dataSets` (or of unknown seq). */
function refused(parse: PmcParse, dataSets: readonly string[]): string[] {
  const named = parse.errors.map((e) => e.request ?? `seq ${e.seq}`).filter((r) => dataSets.some((d) => r.endsWith(d)) || r.startsWith('seq '));
  return unique(named);
}

function first<T>(xs: (T | null)[]): T | null {
  return xs.find((x) => x !== null) ?? null;
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

import type { ErrorCode, ErrorValue } from '../domain/errors';
import type { PtpSample } from '../domain/ptp';
import { currentDataSet, portDataSet, timeStatusNp, type PortDataSet } from './pmc-datasets';
import { parsePmcOutput, responsesFor, type PmcParse } from './pmc-parse';

/**
 * One poll of ptp4l (`pmc … 'GET TIME_STATUS_NP' 'GET CURRENT_DATA_SET' 'GET PORT_DATA_SET'`)
 * merged into a PtpSample, plus, when something went wrong, what a lab engineer should check.
 * Pass pmc's stdout with its stderr appended when the transport has it: pmc's reasons for failing
 * (`uds: bind failed: …`) go to stderr.
 */

export const PMC_POLL_DATA_SETS = ['TIME_STATUS_NP', 'CURRENT_DATA_SET', 'PORT_DATA_SET'] as const;

export type PmcProblemKind = 'no-response' | 'partial' | 'refused' | 'pmc-failed' | 'pmc-missing' | 'no-output' | 'garbage';

export interface PmcProblem {
  kind: PmcProblemKind;
  code: ErrorCode;
  message: string;
  hint: string;
}

export interface PmcPollResult {
  sample: PtpSample | null;
  problem: PmcProblem | null;
}

export function sampleFromPmc(text: string, deviceId: string, tMs: number): PmcPollResult {
  return sampleFromParse(parsePmcOutput(text), deviceId, tMs);
}

export function sampleFromParse(parse: PmcParse, deviceId: string, tMs: number): PmcPollResult {
  const time = first(responsesFor(parse, 'TIME_STATUS_NP').map(timeStatusNp));
  const current = first(responsesFor(parse, 'CURRENT_DATA_SET').map(currentDataSet));
  const ports = responsesFor(parse, 'PORT_DATA_SET')
    .map(portDataSet)
    .filter((p): p is PortDataSet => p !== null);
  const missing = PMC_POLL_DATA_SETS.filter((tlv) => responsesFor(parse, tlv).length === 0);
  const problem = classify(parse, missing);
  if (missing.length === PMC_POLL_DATA_SETS.length) return { sample: null, problem };

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
  return { sample, problem };
}

export function pmcProblemToError(problem: PmcProblem, deviceId: string): ErrorValue {
  return { code: problem.code, message: problem.message, hint: problem.hint, deviceId };
}

const CHECK_PTP4L =
  'Check that ptp4l runs on the device (`systemctl status ptp4l` or `pgrep -a ptp4l`), and that the UDS path set for this device in Syncscope is the `uds_address` in ptp4l.conf (default /var/run/ptp4l; /var/run/ptp/ptp4l on newer linuxptp). ptp4l also ignores requests for another PTP domain: pmc asks for domain 0 unless told otherwise.';

/** What to tell a person, by situation; checked in this order, the first that fits wins. */
const SITUATIONS: readonly { kind: PmcProblemKind; code: ErrorCode; fits: (p: PmcParse, missing: readonly string[]) => boolean; message: (p: PmcParse, missing: readonly string[]) => string; hint: string }[] = [
  {
    kind: 'partial',
    code: 'device-output',
    fits: (p, missing) => missing.length > 0 && missing.length < PMC_POLL_DATA_SETS.length,
    message: (p, missing) => `ptp4l answered the poll without ${missing.join(', ')}${refusals(p, missing)}.`,
    hint: 'pmc waits only about 100 ms for answers after its last request, so a busy or restarting ptp4l can miss it: the next poll usually has everything. If it persists, run the same pmc command on the device.',
  },
  {
    kind: 'refused',
    code: 'device-output',
    fits: (p, missing) => missing.length === PMC_POLL_DATA_SETS.length && p.errors.length > 0,
    message: (p) => `ptp4l refused the poll${refusals(p, PMC_POLL_DATA_SETS)}.`,
    hint: 'ptp4l is running and answering, but rejected the requests (pmc does not print why). Run the same pmc command on the device, and check that pmc and ptp4l come from the same linuxptp version.',
  },
  {
    kind: 'partial',
    code: 'device-output',
    fits: (p, missing) => missing.length === PMC_POLL_DATA_SETS.length && p.responses.length > 0,
    message: (p) => `ptp4l answered, but with ${unique(p.responses.map((r) => r.tlv || 'an empty block')).join(', ')} instead of ${PMC_POLL_DATA_SETS.join(', ')}.`,
    hint: 'Another pmc or client may be sharing this UDS path. Run the same pmc command on the device.',
  },
  {
    kind: 'no-response',
    code: 'ptp4l-not-running',
    fits: (p) => p.sent.length > 0,
    message: (p) => `pmc sent ${p.sent.join(', ')}, but ptp4l did not answer.`,
    hint: CHECK_PTP4L,
  },
  {
    kind: 'pmc-missing',
    code: 'pmc-missing',
    fits: (p) => p.firstJunkLine !== null && /\bpmc\b.*(?:not found|No such file or directory)/.test(p.firstJunkLine),
    message: (p) => `The device could not run pmc: ${p.firstJunkLine ?? ''}`,
    hint: 'Install linuxptp on the device (`apt install linuxptp`, `dnf install linuxptp`). pmc lives in /usr/sbin, which the PATH of a non-root login may lack.',
  },
  {
    kind: 'pmc-failed',
    code: 'device-output',
    fits: (p) => p.notices.length > 0,
    message: (p) => `pmc stopped before sending anything: ${p.notices.join(' / ')}`,
    hint: 'pmc must create its own socket (/var/run/pmc.<pid> unless given -i) and write to ptp4l\'s socket. Run it as root, or give the login a client socket path it may create and write access to ptp4l\'s socket (uds_file_mode in ptp4l.conf).',
  },
  {
    kind: 'no-output',
    code: 'device-output',
    fits: (p) => p.junkLines === 0,
    message: () => 'pmc printed nothing, not even the requests it sends.',
    hint: 'pmc failed before sending; its error output says why. Check that the command runs as a user allowed to use pmc (usually root).',
  },
  {
    kind: 'garbage',
    code: 'device-output',
    fits: () => true,
    message: (p) => `The output is not pmc's (${p.junkLines} line${p.junkLines === 1 ? '' : 's'}; first: "${p.firstJunkLine ?? ''}").`,
    hint: 'Check that the command on the device is linuxptp\'s pmc: a login banner, shell profile or alias may print text, or another program may be named pmc.',
  },
];

function classify(parse: PmcParse, missing: readonly string[]): PmcProblem | null {
  if (missing.length === 0) return null;
  const s = SITUATIONS.find((x) => x.fits(parse, missing));
  if (!s) return null;
  return { kind: s.kind, code: s.code, message: s.message(parse, missing), hint: s.hint };
}

function refusals(parse: PmcParse, dataSets: readonly string[]): string {
  const refused = parse.errors.map((e) => e.request ?? `a request (seq ${e.seq})`).filter((r) => dataSets.some((d) => r.endsWith(d)) || r.startsWith('a request'));
  return refused.length === 0 ? '' : ` (MANAGEMENT_ERROR_STATUS for ${unique(refused).join(', ')})`;
}

function first<T>(xs: (T | null)[]): T | null {
  return xs.find((x) => x !== null) ?? null;
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

import type { VerifiedState } from '../../../shared/contract/methods-config';
import type { PortState } from '../../../shared/domain/ptp';
import { pmcArgv, POLL_SCRIPT, readPollStderr } from '../../../shared/ptp/pmc-command';
import { defaultDataSet, portDataSet } from '../../../shared/ptp/pmc-datasets';
import { parsePmcOutput } from '../../../shared/ptp/pmc-parse';
import { clientSocketPath } from '../collect/pmc-poll-source';
import type { DeviceTransport } from '../transport/transport';
import { checkedPath } from './device-files';

/** What verify asks ptp4l: every port's state and intervals, and the clock's priorities and domain. */
const READBACK_REQUESTS = ['GET PORT_DATA_SET', 'GET DEFAULT_DATA_SET'] as const;
const READBACK_DEADLINE_MS = 3_000;

/** One read of ptp4l through pmc: what it answered, or why nothing came. */
export type Readback = { answered: true; state: Omit<VerifiedState, 'afterMs'> } | { answered: false; why: string };

/**
 * The one-shot poll (shared/ptp/pmc-command.ts: pmc under the script that kills it at its deadline
 * and removes its client socket), with `-f` naming the instance's config as the kept-open pmc does,
 * so pmc asks in ptp4l's domain and with its transportSpecific.
 */
export function readbackArgv(udsPath: string, configPath: string, client = clientSocketPath()): string[] {
  const [pmc, u, b, zero, ...rest] = pmcArgv(udsPath, client, READBACK_REQUESTS);
  const seconds = String(Math.ceil(READBACK_DEADLINE_MS / 1000));
  return ['sh', '-c', POLL_SCRIPT, 'syncscope-poll', udsPath, client, seconds, pmc!, u!, b!, zero!, '-f', checkedPath(configPath, 'configPath'), ...rest];
}

export async function readPtp4l(transport: DeviceTransport, udsPath: string, configPath: string): Promise<Readback> {
  const res = await transport.exec(readbackArgv(udsPath, configPath), { timeoutMs: READBACK_DEADLINE_MS + 2_000, maxOutputBytes: 256 * 1024 });
  const { udsAccess, pmcStderr } = readPollStderr(res.stderr);
  const parse = parsePmcOutput(`${res.stdout}\n${pmcStderr}`);
  const ports = parse.responses.map(portDataSet).filter((p) => p !== null);
  const clock = parse.responses.map(defaultDataSet).find((d) => d !== null) ?? null;
  if (ports.length === 0 && !clock) {
    const why =
      udsAccess === 'missing'
        ? `no socket at ${udsPath} (ptp4l is not running)`
        : udsAccess === 'not-writable'
          ? `the login may not write ${udsPath}`
          : (parse.notices[0] ?? (pmcStderr.trim() || `pmc got no answer (exit ${String(res.exitCode)})`));
    return { answered: false, why };
  }
  return {
    answered: true,
    state: {
      ports: ports.flatMap((p) => (p.portState ? [{ portIdentity: p.portIdentity, portState: p.portState, logSyncInterval: p.logSyncInterval, logAnnounceInterval: p.logAnnounceInterval }] : [])),
      priority1: clock?.priority1 ?? null,
      priority2: clock?.priority2 ?? null,
      domainNumber: clock?.domainNumber ?? null,
    },
  };
}

/** The config's clock-wide values pmc can show, as numbers (absent from the config: not checked). */
export interface ExpectedValues {
  priority1?: number;
  priority2?: number;
  domainNumber?: number;
  logSyncInterval?: number;
}

/** What differs between ptp4l's answer and the config it should run, in a few words; empty when it matches. */
export function mismatches(state: Omit<VerifiedState, 'afterMs'>, expected: ExpectedValues): string[] {
  const out: string[] = [];
  const check = (name: string, want: number | undefined, got: number | null) => {
    if (want !== undefined && got !== want) out.push(`${name} ${String(got)} (config: ${want})`);
  };
  check('priority1', expected.priority1, state.priority1);
  check('priority2', expected.priority2, state.priority2);
  check('domainNumber', expected.domainNumber, state.domainNumber);
  for (const p of state.ports) check(`logSyncInterval of ${p.portIdentity}`, expected.logSyncInterval, p.logSyncInterval);
  return out;
}

export function portStatesText(state: Omit<VerifiedState, 'afterMs'>): string {
  return state.ports.length ? state.ports.map((p) => `${p.portIdentity} ${p.portState}`).join(', ') : 'no port';
}

export function reachedState(state: Omit<VerifiedState, 'afterMs'>, expected: readonly PortState[]): boolean {
  return state.ports.some((p) => expected.includes(p.portState));
}

import type { PtpConfIssue } from './issue';
import { effective, sectionLine, type ConfModel, type Effective } from './model';

/**
 * The cross-field rules of a ptp4l.conf, as a table (reference.md §4, linuxptp's port.c/clock.c
 * checks, and the ITU-T/IEEE profiles). A `clock` rule reads the clock as a whole, once; a `port`
 * rule runs for the [global] defaults and for every port section that sets one of `reads` itself
 * (a port that only inherits is covered by the [global] finding).
 */

/** A port as the rules see it: null is the [global] defaults every port starts from. */
interface PortView {
  model: ConfModel;
  port: string | null;
  /** `[eth0]` or `[global]`, for messages. */
  label: string;
  get(option: string): Effective;
}

type Finding = Omit<PtpConfIssue, 'line'> & { line?: number };

interface Rule {
  scope: 'clock' | 'port';
  reads: readonly string[];
  check(p: PortView): Finding[];
}

const is = (e: Effective, text: string) => e.text.toLowerCase() === text.toLowerCase();
const isOne = (e: Effective) => e.number === 1;

/** The line of the first of these options the file sets for this view, else the section's. */
function lineOf(p: PortView, ...options: string[]): number {
  for (const o of options) {
    const line = p.get(o).line;
    if (line !== null) return line;
  }
  return sectionLine(p.model, p.port);
}

// Before 4.0 the names were slaveOnly and masterOnly; from 4.0 those are read as the new ones.
const clientOnly = (p: PortView) => isOne(p.get('clientOnly')) || isOne(p.get('slaveOnly'));
const serverOnly = (p: PortView) => isOne(p.get('serverOnly')) || isOne(p.get('masterOnly'));
const clientOnlyLine = (p: PortView) => lineOf(p, 'clientOnly', 'slaveOnly');

interface Profile {
  name: string;
  summary: string;
  needs: Record<string, string>;
  expects: Record<string, string>;
}

const GPTP: Profile = {
  name: 'gPTP (802.1AS)',
  summary: 'L2 with the peer delay mechanism and transportSpecific 1',
  needs: { network_transport: 'L2', delay_mechanism: 'P2P', transportSpecific: '1' },
  expects: {},
};

const G8275_1: Profile = {
  name: 'G.8275.1',
  summary: 'L2 multicast with delay request-response',
  needs: { network_transport: 'L2', delay_mechanism: 'E2E' },
  expects: { logSyncInterval: '-4', logAnnounceInterval: '-3' },
};

const G8275_1_MACS = ['01:1b:19:00:00:00', '01:80:c2:00:00:0e'];

function profileFindings(p: PortView, profile: Profile): Finding[] {
  const out: Finding[] = [];
  for (const [option, expected] of Object.entries(profile.needs)) {
    const e = p.get(option);
    const matches = e.number !== undefined ? e.number === Number(expected) : is(e, expected);
    if (!matches) out.push({ severity: 'error', id: 'ptpconf.rule.profile-needs', params: { profile: profile.name, port: p.label, option, expected, actual: e.text, summary: profile.summary }, option, line: lineOf(p, option) });
  }
  for (const [option, expected] of Object.entries(profile.expects)) {
    const e = p.get(option);
    if (e.number !== Number(expected)) out.push({ severity: 'warning', id: 'ptpconf.rule.profile-expects', params: { profile: profile.name, option, expected, actual: e.text }, option, line: lineOf(p, option) });
  }
  return out;
}

/** Which G.8275 profile the clock runs: .1 when every port is L2, .2 when none is. */
function g8275(p: PortView): 'G.8275.1' | 'G.8275.2' | null {
  if (!is(p.get('dataset_comparison'), 'G.8275.x')) return null;
  const ports = [null, ...p.model.ports.keys()].map((port) => effective(p.model, port, 'network_transport'));
  if (ports.every((t) => is(t, 'L2'))) return 'G.8275.1';
  if (ports.every((t) => !is(t, 'L2'))) return 'G.8275.2';
  return null;
}

const domainFinding = (p: PortView, profile: string, min: number, max: number, def: number): Finding[] => {
  const d = p.get('domainNumber').number ?? 0;
  return d >= min && d <= max ? [] : [{ severity: 'warning', id: 'ptpconf.rule.domain-range', params: { profile, actual: d, min, max, default: def }, option: 'domainNumber', line: lineOf(p, 'domainNumber', 'dataset_comparison') }];
};

export const CROSS_FIELD_RULES: readonly Rule[] = [
  {
    scope: 'port',
    reads: ['BMCA', 'serverOnly', 'masterOnly'],
    check: (p) => (is(p.get('BMCA'), 'noop') && !serverOnly(p) && !clientOnly(p) ? [{ severity: 'error', id: 'ptpconf.rule.bmca-noop-role', params: { port: p.label }, option: 'BMCA', line: lineOf(p, 'BMCA') }] : []),
  },
  {
    scope: 'port',
    reads: ['inhibit_delay_req', 'asCapable'],
    check: (p) => (isOne(p.get('inhibit_delay_req')) && !is(p.get('asCapable'), 'true') ? [{ severity: 'error', id: 'ptpconf.rule.inhibit-delay-req', params: { port: p.label }, option: 'inhibit_delay_req', line: lineOf(p, 'inhibit_delay_req') }] : []),
  },
  {
    scope: 'clock',
    reads: [],
    check: (p) => (clientOnly(p) && p.get('gmCapable').number === 0 ? [{ severity: 'error', id: 'ptpconf.rule.client-not-gm-capable', params: {}, option: 'clientOnly', line: clientOnlyLine(p) }] : []),
  },
  {
    scope: 'clock',
    reads: [],
    check: (p) => {
      const ts = p.get('time_stamping');
      return p.get('twoStepFlag').number === 0 && (is(ts, 'software') || is(ts, 'legacy'))
        ? [{ severity: 'error', id: 'ptpconf.rule.one-step-hw', params: { setting: 'twoStepFlag 0', timestamping: ts.text }, option: 'twoStepFlag', line: lineOf(p, 'twoStepFlag') }]
        : [];
    },
  },
  {
    scope: 'port',
    reads: ['delay_mechanism'],
    check: (p) => {
      const dm = p.get('delay_mechanism');
      return is(p.get('time_stamping'), 'p2p1step') && !is(dm, 'P2P') ? [{ severity: 'error', id: 'ptpconf.rule.p2p1step-needs-p2p', params: { port: p.label, actual: dm.text }, option: 'time_stamping', line: lineOf(p, 'time_stamping') }] : [];
    },
  },
  {
    scope: 'port',
    reads: ['delay_mechanism'],
    check: (p) => {
      const type = p.get('clock_type').text;
      const expected = type === 'P2P_TC' ? 'P2P' : type === 'E2E_TC' ? 'E2E' : null;
      const dm = p.get('delay_mechanism');
      return expected && !is(dm, expected) ? [{ severity: 'error', id: 'ptpconf.rule.tc-mechanism', params: { clockType: type, expected, port: p.label, actual: dm.text }, option: 'delay_mechanism', line: lineOf(p, 'delay_mechanism', 'clock_type') }] : [];
    },
  },
  {
    scope: 'port',
    reads: ['hybrid_e2e', 'delay_mechanism'],
    check: (p) => {
      const dm = p.get('delay_mechanism');
      return isOne(p.get('hybrid_e2e')) && !is(dm, 'E2E') ? [{ severity: 'error', id: 'ptpconf.rule.hybrid-e2e', params: { port: p.label, actual: dm.text }, option: 'hybrid_e2e', line: lineOf(p, 'hybrid_e2e') }] : [];
    },
  },
  {
    // gPTP is recognised by what only 802.1AS sets: transportSpecific 1 or follow_up_info 1.
    scope: 'port',
    reads: ['transportSpecific', 'follow_up_info', 'network_transport', 'delay_mechanism'],
    check: (p) => (isOne(p.get('transportSpecific')) || isOne(p.get('follow_up_info')) ? profileFindings(p, GPTP) : []),
  },
  {
    scope: 'port',
    reads: ['network_transport', 'delay_mechanism', 'ptp_dst_mac', 'logSyncInterval', 'logAnnounceInterval'],
    check: (p) => {
      if (g8275(p) !== 'G.8275.1') return [];
      const mac = p.get('ptp_dst_mac');
      const macFinding: Finding[] = G8275_1_MACS.includes(mac.text.toLowerCase())
        ? []
        : [{ severity: 'error', id: 'ptpconf.rule.profile-needs', params: { profile: G8275_1.name, port: p.label, option: 'ptp_dst_mac', expected: '01:1B:19:00:00:00 / 01:80:C2:00:00:0E', actual: mac.text, summary: G8275_1.summary }, option: 'ptp_dst_mac', line: lineOf(p, 'ptp_dst_mac') }];
      return [...profileFindings(p, G8275_1), ...macFinding];
    },
  },
  {
    scope: 'clock',
    reads: [],
    check: (p) => {
      const profile = g8275(p);
      if (profile === 'G.8275.1') {
        const p1 = p.get('priority1');
        const priority: Finding[] = p1.number === 128 ? [] : [{ severity: 'warning', id: 'ptpconf.rule.profile-expects', params: { profile, option: 'priority1', expected: '128', actual: p1.text }, option: 'priority1', line: lineOf(p, 'priority1') }];
        return [...domainFinding(p, profile, 24, 43, 24), ...priority];
      }
      if (profile === 'G.8275.2') {
        const views = [null, ...p.model.ports.keys()];
        const unicast = views.some((port) => isOne(effective(p.model, port, 'unicast_listen')) || (effective(p.model, port, 'unicast_master_table').number ?? 0) > 0);
        const unicastFinding: Finding[] = unicast ? [] : [{ severity: 'warning', id: 'ptpconf.rule.g8275-2-unicast', params: {}, line: lineOf(p, 'dataset_comparison') }];
        return [...domainFinding(p, profile, 44, 63, 44), ...unicastFinding];
      }
      // A telecom domain over L2 without the telecom data set comparison: likely a G.8275.1 file missing it.
      const d = p.get('domainNumber').number ?? 0;
      if (d >= 24 && d <= 43 && is(p.get('network_transport'), 'L2') && p.get('domainNumber').line !== null) {
        return [{ severity: 'warning', id: 'ptpconf.rule.profile-expects', params: { profile: 'G.8275.1', option: 'dataset_comparison', expected: 'G.8275.x', actual: p.get('dataset_comparison').text }, option: 'dataset_comparison', line: lineOf(p, 'dataset_comparison', 'domainNumber') }];
      }
      return [];
    },
  },
  {
    scope: 'port',
    reads: ['ts2phc.holdover'],
    check: (p) => ((p.get('ts2phc.holdover').number ?? 0) > 0 && (p.get('servo_offset_threshold').number ?? 0) === 0 ? [{ severity: 'warning', id: 'ptpconf.rule.ts2phc-holdover', params: {}, option: 'ts2phc.holdover', line: lineOf(p, 'ts2phc.holdover') }] : []),
  },
  {
    scope: 'port',
    reads: ['serverOnly', 'masterOnly'],
    check: (p) => (serverOnly(p) && clientOnly(p) ? [{ severity: 'warning', id: 'ptpconf.rule.server-and-client', params: { port: p.label }, option: 'serverOnly', line: lineOf(p, 'serverOnly', 'masterOnly') }] : []),
  },
  {
    scope: 'port',
    reads: ['unicast_master_table'],
    check: (p) => {
      const t = p.get('unicast_master_table');
      return t.number !== undefined && t.number > 0 && !p.model.tables.has(t.number) ? [{ severity: 'error', id: 'ptpconf.table-not-found', params: { value: t.number }, option: 'unicast_master_table', line: lineOf(p, 'unicast_master_table') }] : [];
    },
  },
];

const view = (model: ConfModel, port: string | null): PortView => ({ model, port, label: port === null ? '[global]' : `[${port}]`, get: (o) => effective(model, port, o) });

/** Every rule's findings for this file. */
export function crossFieldIssues(model: ConfModel): PtpConfIssue[] {
  const out: PtpConfIssue[] = [];
  const seen = new Set<string>();
  for (const rule of CROSS_FIELD_RULES) {
    const views = [view(model, null)];
    if (rule.scope === 'port') for (const [port, s] of model.ports) if (rule.reads.some((o) => s.settings.has(o))) views.push(view(model, port));
    for (const v of views) {
      for (const f of rule.check(v)) {
        const issue: PtpConfIssue = { ...f, line: f.line ?? sectionLine(model, v.port) };
        const key = `${issue.id}|${issue.line}|${JSON.stringify(issue.params)}`;
        if (!seen.has(key)) out.push(issue);
        seen.add(key);
      }
    }
  }
  return out;
}

import type { InstanceStateView, PortView } from '../contract/methods-diagnostics';
import type { PtpSnapshot } from './ptp-snapshot';

/** Where a snapshot came from: which instance, when, which socket, which linuxptp. */
export interface SnapshotOrigin {
  instance: string;
  atMs: number | null;
  linuxptpVersion: string | null;
  udsPath: string | null;
  udsReadOnly: boolean;
}

/**
 * One instance's latest data sets as the contract shows them: every port's PORT_DATA_SET joined
 * by port number with its PORT_PROPERTIES_NP (interface, timestamping) and, on linuxptp 4.x, its
 * PORT_HWCLOCK_NP (PHC index), PORT_CORRECTIONS_NP and unicast master table. A port known only from
 * PORT_PROPERTIES_NP (its data set not read yet) still appears, with its state from there.
 */
export function instanceStateView(s: PtpSnapshot, origin: SnapshotOrigin): InstanceStateView {
  const byNumber = new Map<number, PortView>();
  const loose: PortView[] = [];
  for (const p of s.ports) {
    const view = portView(p.portNumber, p.portIdentity, p.portState);
    view.delayMechanism = p.delayMechanism;
    view.logSyncInterval = p.logSyncInterval;
    view.logAnnounceInterval = p.logAnnounceInterval;
    view.peerMeanPathDelayNs = p.peerMeanPathDelayNs;
    if (p.portNumber === null) loose.push(view);
    else byNumber.set(p.portNumber, view);
  }
  for (const props of s.properties) {
    if (props.portNumber === null) continue;
    let view = byNumber.get(props.portNumber);
    if (!view) byNumber.set(props.portNumber, (view = portView(props.portNumber, props.portIdentity, props.portState)));
    view.interface = props.interface;
    view.timestamping = props.timestamping;
  }
  // The 4.x data sets add to ports already known; alone they carry no state to show.
  const known = (portNumber: number | null) => (portNumber === null ? undefined : byNumber.get(portNumber));
  for (const h of s.hwclocks) {
    const view = known(h.portNumber);
    if (view) Object.assign(view, { phcIndex: h.phcIndex, virtualClock: h.virtualClock });
  }
  for (const c of s.corrections) {
    const view = known(c.portNumber);
    if (view) Object.assign(view, { egressLatencyNs: c.egressLatencyNs, ingressLatencyNs: c.ingressLatencyNs, delayAsymmetryNs: c.delayAsymmetryNs });
  }
  for (const u of s.unicastTables) {
    const view = known(u.portNumber);
    if (view) view.unicastMasters = u.masters;
  }
  const ports = [...[...byNumber.values()].sort((a, b) => (a.portNumber ?? 0) - (b.portNumber ?? 0)), ...loose];
  return { ...origin, parent: s.parent, defaults: s.defaults, current: s.current, time: s.time, ports };
}

function portView(portNumber: number | null, portIdentity: string, portState: PortView['portState']): PortView {
  return {
    portNumber,
    portIdentity,
    portState,
    interface: null,
    timestamping: null,
    delayMechanism: null,
    logSyncInterval: null,
    logAnnounceInterval: null,
    peerMeanPathDelayNs: null,
    phcIndex: null,
    virtualClock: null,
    egressLatencyNs: null,
    ingressLatencyNs: null,
    delayAsymmetryNs: null,
    unicastMasters: [],
  };
}

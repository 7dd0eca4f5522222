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
 * with its PORT_PROPERTIES_NP (interface, timestamping) by port number. A port known only from
 * PORT_PROPERTIES_NP (its data set not read yet) still appears, with its state from there.
 */
export function instanceStateView(s: PtpSnapshot, origin: SnapshotOrigin): InstanceStateView {
  const byNumber = new Map<number, PortView>();
  const loose: PortView[] = [];
  for (const p of s.ports) {
    const view: PortView = {
      portNumber: p.portNumber,
      portIdentity: p.portIdentity,
      portState: p.portState,
      interface: null,
      timestamping: null,
      delayMechanism: p.delayMechanism,
      logSyncInterval: p.logSyncInterval,
      logAnnounceInterval: p.logAnnounceInterval,
      peerMeanPathDelayNs: p.peerMeanPathDelayNs,
    };
    if (p.portNumber === null) loose.push(view);
    else byNumber.set(p.portNumber, view);
  }
  for (const props of s.properties) {
    if (props.portNumber === null) continue;
    const known = byNumber.get(props.portNumber);
    if (known) {
      known.interface = props.interface;
      known.timestamping = props.timestamping;
      continue;
    }
    byNumber.set(props.portNumber, {
      portNumber: props.portNumber,
      portIdentity: props.portIdentity,
      portState: props.portState,
      interface: props.interface,
      timestamping: props.timestamping,
      delayMechanism: null,
      logSyncInterval: null,
      logAnnounceInterval: null,
      peerMeanPathDelayNs: null,
    });
  }
  const ports = [...[...byNumber.values()].sort((a, b) => (a.portNumber ?? 0) - (b.portNumber ?? 0)), ...loose];
  return { ...origin, parent: s.parent, defaults: s.defaults, current: s.current, time: s.time, ports };
}

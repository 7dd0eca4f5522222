import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InstanceStateView } from '../contract/methods-diagnostics';
import { currentDataSet, parentDataSet, portDataSet, portPropertiesNp, timeStatusNp } from './pmc-datasets';
import { portCorrectionsNp, portHwclockNp, unicastMasterTableNp } from './pmc-datasets-4x';
import { parsePmcOutput } from './pmc-parse';
import { instanceStateView } from './instance-state';
import { EMPTY_SNAPSHOT, type PtpSnapshot } from './ptp-snapshot';

// A real two-port boundary clock on linuxptp 3.1.1 (shared/ptp/fixtures/README.md).
const read = (name: string) => parsePmcOutput(readFileSync(join(__dirname, 'fixtures', name), 'utf8')).responses;
const poll = read('linuxptp-3.1.1-boundary-clock-poll.txt');
const more = read('linuxptp-3.1.1-boundary-clock-parent-properties.txt');
const all = <T>(rs: typeof poll, f: (r: (typeof poll)[number]) => T | null): T[] => rs.map(f).filter((x): x is T => x !== null);
const bc: PtpSnapshot = {
  ...EMPTY_SNAPSHOT,
  time: all(poll, timeStatusNp)[0] ?? null,
  current: all(poll, currentDataSet)[0] ?? null,
  ports: all(poll, portDataSet),
  parent: all(more, parentDataSet)[0] ?? null,
  properties: all(more, portPropertiesNp),
};
const origin = { instance: 'bc', atMs: 5, linuxptpVersion: '3.1.1', udsPath: '/var/run/ptp4l', udsReadOnly: false };

describe('an instance state as the contract shows it', () => {
  it('joins each PORT_DATA_SET with its PORT_PROPERTIES_NP by port number, in port order, and passes the schema', () => {
    const view = instanceStateView(bc, origin);
    expect(view.ports.map((p) => [p.portNumber, p.portState, p.interface, p.timestamping])).toEqual([
      [1, 'SLAVE', 'vB', 'SOFTWARE'],
      [2, 'MASTER', 'vC', 'SOFTWARE'],
    ]);
    expect(view.parent?.grandmasterIdentity).toBe('a6cc01.fffe.be6e6d');
    expect(view).toMatchObject(origin);
    expect(InstanceStateView.parse(view)).toEqual(view);
  });

  it('a port known only from PORT_PROPERTIES_NP still shows, with the state from there; nothing read yet is an empty view', () => {
    const view = instanceStateView({ ...bc, ports: bc.ports.slice(0, 1) }, origin);
    expect(view.ports[1]).toMatchObject({ portNumber: 2, portState: 'MASTER', interface: 'vC', delayMechanism: null });
    expect(instanceStateView(EMPTY_SNAPSHOT, { ...origin, atMs: null })).toMatchObject({ atMs: null, parent: null, time: null, ports: [] });
  });

  it('adds the 4.x data sets to the ports they name: PHC index, corrections, unicast masters; a port they alone name is not shown', () => {
    // The reference fixtures' boundary clock (3c2c30…) has ports 1 and 2, like the real one above.
    const hw = all(read('reference-4x-port-hwclock-np.txt'), portHwclockNp);
    const corr = all(read('reference-4x-port-corrections-np.txt'), portCorrectionsNp);
    const unicast = all(read('reference-4x-unicast-master-table-np.txt'), unicastMasterTableNp);
    const view = instanceStateView({ ...bc, hwclocks: hw, corrections: corr, unicastTables: unicast }, origin);
    expect(view.ports.map((p) => [p.portNumber, p.phcIndex, p.virtualClock, p.egressLatencyNs, p.ingressLatencyNs, p.delayAsymmetryNs, p.unicastMasters.length])).toEqual([
      [1, 0, false, 178, 312, -25, 2],
      [2, 3, true, 0, 0, 0, 0],
    ]);
    expect(view.ports[0]?.unicastMasters[0]).toMatchObject({ selected: true, address: '192.0.2.10', state: 'HAVE_SYDY' });
    expect(InstanceStateView.parse(view)).toEqual(view);
    const lone = instanceStateView({ ...EMPTY_SNAPSHOT, hwclocks: hw }, origin);
    expect(lone.ports).toEqual([]);
  });

  it('a view from before these fields existed still parses, with them empty', () => {
    const old = { ...origin, parent: null, defaults: null, current: null, time: null, ports: [{ portNumber: 1, portIdentity: 'x-1', portState: 'SLAVE', interface: null, timestamping: null, delayMechanism: null, logSyncInterval: null, logAnnounceInterval: null, peerMeanPathDelayNs: null }] };
    expect(InstanceStateView.parse(old).ports[0]).toMatchObject({ phcIndex: null, egressLatencyNs: null, unicastMasters: [] });
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InstanceStateView } from '../contract/methods-diagnostics';
import { currentDataSet, parentDataSet, portDataSet, portPropertiesNp, timeStatusNp } from './pmc-datasets';
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
});

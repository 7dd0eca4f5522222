import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { portCorrectionsNp, portHwclockNp, unicastMasterTableNp } from './pmc-datasets-4x';
import { parsePmcOutput, type PmcResponse } from './pmc-parse';
import { PmcLineReader, type PmcReaderEvent } from './pmc-reader';

// Shapes from linuxptp's pmc.c print code (shared/ptp/fixtures/README.md); the lab runs 3.1.1, which lacks them.
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const responses = (name: string) => parsePmcOutput(fixture(name)).responses;
const FIXTURES = [
  'reference-4x-port-hwclock-np.txt',
  'reference-4x-port-hwclock-np-software.txt',
  'reference-4x-port-corrections-np.txt',
  'reference-4x-unicast-master-table-np.txt',
  'reference-4x-unicast-master-table-np-l2.txt',
];

describe('linuxptp 4.x per-port data sets', () => {
  it('PORT_HWCLOCK_NP: the PHC index per port, a virtual clock from flags bit 0, -1 for software timestamping', () => {
    expect(responses('reference-4x-port-hwclock-np.txt').map(portHwclockNp)).toEqual([
      { portIdentity: '3c2c30.fffe.a1b2c3-1', portNumber: 1, phcIndex: 0, virtualClock: false },
      { portIdentity: '3c2c30.fffe.a1b2c3-2', portNumber: 2, phcIndex: 3, virtualClock: true },
    ]);
    expect(responses('reference-4x-port-hwclock-np-software.txt').map(portHwclockNp)).toEqual([{ portIdentity: '5254ff.fffe.0a0b0c-1', portNumber: 1, phcIndex: -1, virtualClock: false }]);
  });

  it("PORT_CORRECTIONS_NP: whole ns despite pmc's trailing spaces, the port from the header", () => {
    expect(responses('reference-4x-port-corrections-np.txt').map(portCorrectionsNp)).toEqual([
      { portIdentity: '3c2c30.fffe.a1b2c3-1', portNumber: 1, egressLatencyNs: 178, ingressLatencyNs: 312, delayAsymmetryNs: -25 },
      { portIdentity: '3c2c30.fffe.a1b2c3-2', portNumber: 2, egressLatencyNs: 0, ingressLatencyNs: 0, delayAsymmetryNs: 0 },
    ]);
  });

  it('UNICAST_MASTER_TABLE_NP: one entry per row after the header row, the selected one marked; an empty table is empty', () => {
    const [withMasters, empty] = responses('reference-4x-unicast-master-table-np.txt').map(unicastMasterTableNp);
    expect(withMasters).toEqual({
      portIdentity: '5254ff.fffe.0a0b0c-1',
      portNumber: 1,
      actualTableSize: 2,
      unreadRows: 0,
      masters: [
        { selected: true, portIdentity: '001b19.fffe.000001-1', address: '192.0.2.10', state: 'HAVE_SYDY', clockClass: 6, clockAccuracy: 0x21, offsetScaledLogVariance: 0x4e5d, priority1: 128, priority2: 128 },
        { selected: false, portIdentity: '001b19.fffe.000002-1', address: '192.0.2.11', state: 'HAVE_ANN', clockClass: 7, clockAccuracy: 0x21, offsetScaledLogVariance: 0x4e5d, priority1: 128, priority2: 129 },
      ],
    });
    expect(empty).toMatchObject({ portNumber: 2, actualTableSize: 0, masters: [], unreadRows: 0 });
  });

  it('UNICAST_MASTER_TABLE_NP over 802.3: the address as bytes, and an entry with no address yet', () => {
    const [table] = responses('reference-4x-unicast-master-table-np-l2.txt').map(unicastMasterTableNp);
    expect(table?.masters.map((m) => [m.address, m.state, m.clockClass])).toEqual([
      ['00:1b:19:00:00:03', 'WAIT', 248],
      [null, 'WAIT', 0],
    ]);
  });

  it('reads nothing from another data set, and a row that is not an entry is counted, not guessed', () => {
    const [other] = responses('linuxptp-3.1.1-slave-poll.txt');
    expect([portHwclockNp, portCorrectionsNp, unicastMasterTableNp].map((read) => read(other!))).toEqual([null, null, null]);
    const mangled = fixture('reference-4x-unicast-master-table-np.txt').replace('HAVE_SYDY 6 ', 'HAVE_SYDY six').replace('0x21         0x4e5d                  128 129', '0x21 0x4e5d 128');
    expect(parsePmcOutput(mangled).responses.map(unicastMasterTableNp)[0]).toMatchObject({ actualTableSize: 2, unreadRows: 2, masters: [] });
  });

  it('the kept-open reader completes each of them as soon as its last line is in (no quiet-gap wait)', () => {
    for (const name of FIXTURES) {
      const got: PmcReaderEvent[] = [];
      const r = new PmcLineReader((e) => got.push(e));
      const expected = responses(name);
      for (const l of fixture(name).split('\n')) r.line(l);
      // The last block is complete without flush(): its last field, or the table's header and every row, is in.
      expect(r.idle()).toBe(false);
      expect(got.flatMap((e) => (e.kind === 'response' ? [e.response] : []))).toEqual(expected);
    }
  });

  it('never throw on any fixture line mutated, and never read a value that is not in the text (property)', () => {
    const lines = FIXTURES.flatMap((n) => fixture(n).split('\n'));
    const mutated = fc.tuple(fc.constantFrom(...lines), fc.nat(), fc.string({ unit: 'binary', maxLength: 6 }), fc.nat()).map(([line, at, insert, cut]) => {
      const i = at % (line.length + 1);
      return line.slice(0, i) + insert + line.slice(Math.min(line.length, i + (cut % 4)));
    });
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...lines), mutated), { minLength: 1, maxLength: 40 }), (ls) => {
        const text = ls.join('\n');
        for (const r of parsePmcOutput(text).responses) {
          const read = [portHwclockNp(r), portCorrectionsNp(r), unicastMasterTableNp(r)].filter((x) => x !== null);
          for (const x of read) for (const v of numbers(x)) expect(Number.isFinite(v) && (text.includes(String(v)) || hexIn(text, v))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it('never throw on a response of any shape (property)', () => {
    const anyResponse = fc.record({
      portIdentity: fc.string(),
      seq: fc.nat(),
      action: fc.string(),
      tlv: fc.constantFrom('PORT_HWCLOCK_NP', 'PORT_CORRECTIONS_NP', 'UNICAST_MASTER_TABLE_NP'),
      fields: fc.dictionary(fc.constantFrom('portIdentity', 'phcIndex', 'flags', 'egressLatency', 'actual_table_size', '__proto__'), fc.string()),
      extraLines: fc.array(fc.string({ maxLength: 120 }), { maxLength: 300 }),
    });
    fc.assert(
      fc.property(anyResponse, (r: PmcResponse) => {
        for (const read of [portHwclockNp, portCorrectionsNp, unicastMasterTableNp]) expect(() => read(r)).not.toThrow();
        expect(unicastMasterTableNp(r)?.masters.length ?? 0).toBeLessThanOrEqual(256);
      }),
      { numRuns: 1000 },
    );
  });
});

/** The values read from the text (not the port number, taken from the identity, nor counts). */
const READ = new Set(['phcIndex', 'egressLatencyNs', 'ingressLatencyNs', 'delayAsymmetryNs', 'actualTableSize', 'clockClass', 'clockAccuracy', 'offsetScaledLogVariance', 'priority1', 'priority2']);
function numbers(x: object): number[] {
  return Object.entries(x).flatMap(([k, v]) => (typeof v === 'number' && READ.has(k) ? [v] : Array.isArray(v) ? v.flatMap((e: object) => numbers(e)) : []));
}

function hexIn(text: string, v: number): boolean {
  return text.includes(`0x${v.toString(16).padStart(2, '0')}`) || text.includes(`0x${v.toString(16).padStart(4, '0')}`);
}

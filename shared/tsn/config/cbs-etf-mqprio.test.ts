import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CbsModel } from './cbs';
import { cbsCalculate, idleslopeForStream } from './cbs-calculator';
import type { EtfModel } from './etf';
import { bytesPerSecOf, rateWord, type MqprioModel } from './mqprio';
import { displayCommand } from './tc-command';
import { parseQdiscShow, parseTcCommand, qdiscDifferences, tcCommandFor, validateQdisc } from './tc-qdisc';
import { qdiscModelFromText } from './qdisc-model-schema';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const ids = (problems: { severity: string; id: string }[]) => problems.map((p) => `${p.severity}:${p.id}`);

describe('cbs calculator', () => {
  it('gives tc-cbs(8)\'s example: 1 Gbit/s, 20 Mbit/s reserved, 1500-byte frames', () => {
    const r = cbsCalculate({ linkSpeedMbps: 1000, idleslopeKbps: 20000, maxFrameBytes: 1500, maxInterferenceBytes: 1500 });
    expect(r).toEqual({ params: { idleslopeKbps: 20000, sendslopeKbps: -980000, hicreditBytes: 30, locreditBytes: -1470 }, problems: [] });
  });

  it('adds the higher class\'s interference for a class B (802.1Q Annex L.3), rounding credits away from zero', () => {
    // Class A 20 Mbit/s (1522-byte frames) above class B 10 Mbit/s on 100 Mbit/s:
    // hicredit_B = 10000 × (1522 / (100000 − 20000) + 1522 / 100000) = 342.45 → 343.
    const r = cbsCalculate({ linkSpeedMbps: 100, idleslopeKbps: 10000, maxFrameBytes: 1522, maxInterferenceBytes: 1522, higherClass: { idleslopeKbps: 20000, maxFrameBytes: 1522 } });
    expect(r.params).toEqual({ idleslopeKbps: 10000, sendslopeKbps: -90000, hicreditBytes: 343, locreditBytes: -1370 });
  });

  it('sizes idleslope from a stream: 284-byte payloads (322 bytes on the wire without VLAN) 8000 times a second', () => {
    expect(idleslopeForStream(284, 1, 125, 38)).toBe(20608);
  });

  it('refuses a reservation at or above the port rate and warns above 75 %', () => {
    expect(ids(cbsCalculate({ linkSpeedMbps: 1000, idleslopeKbps: 1_000_000, maxFrameBytes: 1500, maxInterferenceBytes: 1500 }).problems)).toEqual(['error:tsn-config.cbs.idleslope-range']);
    expect(ids(cbsCalculate({ linkSpeedMbps: 1000, idleslopeKbps: 800_000, maxFrameBytes: 1500, maxInterferenceBytes: 1500 }).problems)).toEqual(['warning:tsn-config.cbs.reservation-high']);
    expect(ids(cbsCalculate({ linkSpeedMbps: 0, idleslopeKbps: 1, maxFrameBytes: 0, maxInterferenceBytes: 1500 }).problems)).toEqual(['error:tsn-config.cbs.link-speed', 'error:tsn-config.cbs.frame-size']);
  });

  it('writes the man page command and reads it (and tc\'s JSON) back', () => {
    const model: CbsModel = { kind: 'cbs', parent: '100:4', handle: null, idleslopeKbps: 20000, sendslopeKbps: -980000, hicreditBytes: 30, locreditBytes: -1470, offload: false };
    const argv = tcCommandFor(model, 'eth0', { linkSpeedMbps: 1000 }).argv ?? [];
    expect(displayCommand(argv)).toBe('tc qdisc replace dev eth0 parent 100:4 cbs idleslope 20000 sendslope -980000 hicredit 30 locredit -1470');
    expect(parseTcCommand('tc qdisc replace dev eth0 parent 100:4 cbs locredit -1470 hicredit 30 sendslope -980000 idleslope 20000').model).toEqual(model);
    expect(ids(validateQdisc(model, { linkSpeedMbps: 100 }))).toEqual(['warning:tsn-config.cbs.slopes-vs-link']);
    expect(ids(validateQdisc({ ...model, sendslopeKbps: 5 }))).toEqual(['error:tsn-config.number-range']);
  });
});

describe('mqprio and cbs read back', () => {
  it('reads mqprio (queues as [first,last], rates in bytes/s, hw from offloaded) and its cbs child', () => {
    const { qdiscs, problems } = parseQdiscShow(fixture('iproute2-6.1-mqprio-cbs.txt'));
    expect(problems).toEqual([]);
    const mq = qdiscs[0]?.model as MqprioModel;
    expect(mq).toEqual({
      kind: 'mqprio', handle: '100', numTc: 3, priorityMap: [2, 2, 1, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2],
      queues: [{ offset: 0, count: 1 }, { offset: 1, count: 1 }, { offset: 2, count: 2 }],
      hw: 1, mode: 'channel', shaper: 'bw_rlimit', minRateBytesPerSec: [0, 0, 0], maxRateBytesPerSec: [2500000, 12500000, 125000000], fp: null,
    });
    expect(displayCommand(tcCommandFor(mq, 'eth0').argv ?? [])).toBe('tc qdisc replace dev eth0 parent root handle 100 mqprio num_tc 3 map 2 2 1 0 2 2 2 2 2 2 2 2 2 2 2 2 queues 1@0 1@1 2@2 hw 1 mode channel shaper bw_rlimit min_rate 0bit 0bit 0bit max_rate 20Mbit 100Mbit 1Gbit');
    expect(qdiscs[1]?.model).toEqual({ kind: 'cbs', parent: '100:1', handle: '8002', idleslopeKbps: 20000, sendslopeKbps: -980000, hicreditBytes: 30, locreditBytes: -1470, offload: false });
    expect(qdiscs[2]?.model).toBeNull();
    // A cbs pushed without a handle matches the one the kernel named 8002:.
    expect(qdiscDifferences({ kind: 'cbs', parent: '100:1', handle: null, idleslopeKbps: 20000, sendslopeKbps: -980000, hicreditBytes: 30, locreditBytes: -1470, offload: false }, qdiscs[1] ?? null)).toEqual([]);
  });

  it('reports the text-in-JSON cbs options of iproute2 < 5.8 with a line and column instead of throwing', () => {
    const r = parseQdiscShow(fixture('iproute2-5.4-cbs-text-options.txt'));
    expect(r.qdiscs).toEqual([]);
    expect(r.problems.map((p) => [p.id, p.params.line, p.params.column])).toEqual([['tsn-config.json-invalid', 1, 61]]);
  });

  it('validates mqprio as tc reads it: mode/shaper need hw 1, rates need bw_rlimit and one per class', () => {
    const mq: MqprioModel = { kind: 'mqprio', handle: '100', numTc: 2, priorityMap: Array(16).fill(1), queues: [{ count: 1, offset: 0 }, { count: 1, offset: 1 }], hw: 0, mode: 'channel', shaper: 'dcb', minRateBytesPerSec: null, maxRateBytesPerSec: [1], fp: null };
    expect(ids(validateQdisc(mq))).toEqual(['error:tsn-config.mqprio.needs-hw', 'error:tsn-config.mqprio.rates-need-bw-rlimit']);
    expect(ids(validateQdisc({ ...mq, hw: 1, shaper: 'bw_rlimit' }))).toEqual(['error:tsn-config.mqprio.rate-count']);
  });

  it('writes rates with the largest exact unit and reads tc\'s rate words back', () => {
    expect([rateWord(125000000), rateWord(2500000), rateWord(125), rateWord(3)]).toEqual(['1Gbit', '20Mbit', '1Kbit', '24bit']);
    expect([bytesPerSecOf('1Gbit'), bytesPerSecOf('20mbit'), bytesPerSecOf('1000bps'), bytesPerSecOf('8'), bytesPerSecOf('1xbit')]).toEqual([125000000, 2500000, 1000, 1, null]);
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 40 }), (b) => bytesPerSecOf(rateWord(b)) === b));
  });
});

describe('etf', () => {
  const etf: EtfModel = { kind: 'etf', parent: '100:1', handle: null, clockid: 'TAI', deltaNs: 200000, deadlineMode: false, offload: true, skipSockCheck: true };

  it('writes and reads back flags as tc-etf(8) has them, and runs on CLOCK_TAI only', () => {
    const argv = tcCommandFor(etf, 'enp1s0').argv ?? [];
    expect(displayCommand(argv)).toBe('tc qdisc replace dev enp1s0 parent 100:1 etf clockid CLOCK_TAI delta 200000 offload skip_sock_check');
    expect(parseTcCommand(argv).model).toEqual(etf);
    expect(ids(validateQdisc({ ...etf, clockid: 'REALTIME' }))).toEqual(['error:tsn-config.etf.clockid-tai']);
    const { qdiscs } = parseQdiscShow(fixture('iproute2-6.1-taprio-txtime-assist-etf.txt'));
    expect(qdiscs[1]?.model).toEqual({ ...etf, handle: '8001' });
    expect(qdiscDifferences(etf, qdiscs[1] ?? null)).toEqual([]);
    expect(qdiscDifferences({ ...etf, deltaNs: 1 }, qdiscs[1] ?? null)).toEqual(['deltaNs']);
  });
});

describe('model files', () => {
  it('read with defaults filled and 64-bit times exact, or say which field is wrong', () => {
    const r = qdiscModelFromText('{"kind":"taprio","numTc":1,"priorityMap":[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0],"queues":[{"count":1,"offset":0}],"clockid":"TAI","schedule":{"baseTimeNs":1765152000000000037,"entries":[{"gateMask":1,"intervalNs":1000}]}}');
    expect(r.problems).toEqual([]);
    expect(r.model).toMatchObject({ handle: '100', flags: 0, schedule: { baseTimeNs: '1765152000000000037', entries: [{ command: 'S', gateMask: 1, intervalNs: 1000 }] } });
    expect(qdiscModelFromText('{"kind":"wfq"}').problems.map((p) => p.id)).toEqual(['tsn-config.model-shape']);
    expect(qdiscModelFromText('{"kind":"etf","parent":"100:1"}').problems.map((p) => p.field)).toEqual(['deltaNs']);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { taprioJsonText } from './fixtures/taprio-json-printer';
import { canonicalTaprio, exampleTaprio, type TaprioModel } from './taprio-model';
import { parseQdiscShow, parseTcCommand, qdiscDifferences, tcCommandFor, validateQdisc } from './tc-qdisc';
import { errorsOf, warningsOf } from './tc-problem';
import { displayCommand } from './tc-command';
import { taprioOptionWords as taprioWords } from './taprio-command';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const ids = (m: TaprioModel, device = {}) => validateQdisc(m, device).map((p) => `${p.severity}:${p.id}`);
const withEntries = (entries: TaprioModel['schedule']['entries'], more: Partial<TaprioModel['schedule']> = {}): TaprioModel => {
  const m = exampleTaprio();
  return { ...m, schedule: { ...m.schedule, ...more, entries } };
};

/** tc-taprio(8)'s first example, as a model. */
const manExample: TaprioModel = {
  ...exampleTaprio(),
  priorityMap: [2, 2, 1, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2],
  queues: [
    { count: 1, offset: 0 },
    { count: 1, offset: 1 },
    { count: 2, offset: 2 },
  ],
  schedule: {
    baseTimeNs: '1528743495910289987',
    cycleTimeNs: null,
    cycleTimeExtensionNs: null,
    entries: [
      { command: 'S', gateMask: 0x1, intervalNs: 300000 },
      { command: 'S', gateMask: 0x2, intervalNs: 300000 },
      { command: 'S', gateMask: 0x4, intervalNs: 400000 },
    ],
  },
};

describe('taprio command', () => {
  it('writes tc-taprio(8)\'s example as one argv, the 64-bit base-time exact and the cycle explicit', () => {
    const { argv, problems } = tcCommandFor(manExample, 'eth0');
    expect(errorsOf(problems)).toEqual([]);
    expect(displayCommand(argv ?? [])).toBe(
      'tc qdisc replace dev eth0 parent root handle 100 taprio num_tc 3 map 2 2 1 0 2 2 2 2 2 2 2 2 2 2 2 2 queues 1@0 1@1 2@2 base-time 1528743495910289987 cycle-time 1000000 sched-entry S 01 300000 sched-entry S 02 300000 sched-entry S 04 400000 clockid CLOCK_TAI',
    );
  });

  it('refuses a hostile interface name instead of quoting it into a command', () => {
    for (const iface of ['eth0; reboot', 'eth0 ', '$(reboot)', '', 'a'.repeat(16), '..', 'eth0\nreboot']) {
      const r = tcCommandFor(manExample, iface);
      expect(r.argv, iface).toBeNull();
      expect(r.problems.map((p) => p.id)).toContain('tsn-config.iface-invalid');
    }
  });

  it('reads a pasted command back into the same model', () => {
    const text = 'tc qdisc replace dev eth0 parent root handle 100 taprio \\\n num_tc 3 map 2 2 1 0 2 2 2 2 2 2 2 2 2 2 2 2 queues 1@0 1@1 2@2 base-time 1528743495910289987 sched-entry S 01 300000 sched-entry S 02 300000 sched-entry S 04 400000 clockid CLOCK_TAI';
    const r = parseTcCommand(text);
    expect(r.problems).toEqual([]);
    expect(r.iface).toBe('eth0');
    expect(r.model).toEqual(manExample);
  });
});

describe('taprio validation', () => {
  it('accepts the example and the man page schedule', () => {
    expect(ids(exampleTaprio())).toEqual([]);
    expect(ids(manExample)).toEqual([]);
  });

  it('says when the intervals do not add up to the cycle, either way', () => {
    expect(ids(withEntries(exampleTaprio().schedule.entries, { cycleTimeNs: '900000' }))).toEqual(['error:tsn-config.taprio.cycle-shorter']);
    expect(ids(withEntries(exampleTaprio().schedule.entries, { cycleTimeNs: '1100000' }))).toEqual(['error:tsn-config.taprio.cycle-longer']);
    const noCycle = withEntries(exampleTaprio().schedule.entries, { cycleTimeNs: null });
    expect(ids(noCycle)).toEqual([]);
  });

  it('keeps gate masks within num_tc, map entries below num_tc, queues contiguous and apart', () => {
    expect(ids(withEntries([{ command: 'S', gateMask: 0x9, intervalNs: 1000000 }]))).toContain('error:tsn-config.taprio.gatemask-beyond-tc');
    expect(ids({ ...exampleTaprio(), priorityMap: [0, 1, 3, ...Array(13).fill(2)] })).toContain('error:tsn-config.map-entry-range');
    expect(ids({ ...exampleTaprio(), queues: [{ count: 1, offset: 0 }, { count: 2, offset: 0 }, { count: 1, offset: 2 }] })).toContain('error:tsn-config.queues-overlap');
    expect(ids({ ...exampleTaprio(), queues: [{ count: 1, offset: 0 }, { count: 1, offset: 2 }, { count: 1, offset: 3 }] })).toContain('error:tsn-config.queues-gap');
    expect(ids({ ...exampleTaprio(), queues: [{ count: 1, offset: 0 }, { count: 1, offset: 1 }] })).toContain('error:tsn-config.queues-count');
    expect(ids(exampleTaprio(), { txQueues: 3 })).toContain('error:tsn-config.queues-beyond-device');
  });

  it('needs a clockid unless the NIC runs the schedule, and takes txtime-delay only with txtime-assist', () => {
    expect(ids({ ...exampleTaprio(), clockid: null })).toEqual(['error:tsn-config.taprio.clockid-required']);
    expect(ids({ ...exampleTaprio(), clockid: null, flags: 2 })).toEqual([]);
    expect(ids({ ...exampleTaprio(), flags: 2 })).toEqual(['warning:tsn-config.taprio.clockid-ignored']);
    expect(ids({ ...exampleTaprio(), flags: 3 })).toContain('error:tsn-config.taprio.flags-both');
    expect(ids({ ...exampleTaprio(), clockid: 'MONOTONIC' })).toEqual(['error:tsn-config.taprio.clockid-kernel']);
    expect(ids({ ...exampleTaprio(), txtimeDelayNs: 40000 })).toEqual(['error:tsn-config.taprio.txtime-delay-without-assist']);
    expect(ids({ ...exampleTaprio(), flags: 1, txtimeDelayNs: 40000 })).toEqual([]);
    // txtime-assist lets classes share a queue (the kernel skips its overlap check then).
    expect(ids({ ...exampleTaprio(), flags: 1, txtimeDelayNs: 40000, queues: [{ count: 1, offset: 0 }, { count: 1, offset: 0 }, { count: 1, offset: 0 }] })).toEqual([]);
  });

  it('refuses intervals of zero, and shorter than a minimum frame when the link speed is known', () => {
    expect(ids(withEntries([{ command: 'S', gateMask: 1, intervalNs: 0 }, { command: 'S', gateMask: 7, intervalNs: 1000000 }], { cycleTimeNs: null }))).toContain('error:tsn-config.taprio.interval-range');
    const short = withEntries([{ command: 'S', gateMask: 1, intervalNs: 400 }, { command: 'S', gateMask: 7, intervalNs: 999600 }]);
    expect(ids(short)).toEqual([]);
    expect(ids(short, { linkSpeedMbps: 1000 })).toEqual(['error:tsn-config.taprio.interval-too-short']);
  });

  it('warns when the list is longer than the NIC holds', () => {
    expect(ids(exampleTaprio(), { gclCapacity: 2 })).toEqual(['warning:tsn-config.taprio.gcl-too-long']);
  });

  it('warns about a base-time in the past that is not on a cycle boundary, naming when it would start', () => {
    const m = withEntries(exampleTaprio().schedule.entries, { baseTimeNs: '1765152000000000037' });
    const problems = validateQdisc(m, { nowTaiNs: '1765152000500000000' });
    expect(warningsOf(problems).map((p) => [p.id, p.params.startNs])).toEqual([['tsn-config.taprio.base-time-past-unaligned', '1765152000500000037']]);
    expect(validateQdisc({ ...m, schedule: { ...m.schedule, baseTimeNs: '1765152000000000000' } }, { nowTaiNs: '1765152000500000000' })).toEqual([]);
    expect(validateQdisc(m, { nowTaiNs: '1765152000000000000' })).toEqual([]);
  });

  it('warns when PTP\'s traffic class is shut long enough for ptp4l\'s TX timestamp to time out', () => {
    // Priority 0 → class 0; a 20 ms cycle with class 0 open for 1 ms.
    const m = withEntries([{ command: 'S', gateMask: 0x1, intervalNs: 1000000 }, { command: 'S', gateMask: 0x6, intervalNs: 19000000 }], { cycleTimeNs: '20000000' });
    expect(warningsOf(validateQdisc(m)).map((p) => [p.id, p.params.closedNs])).toEqual([['tsn-config.taprio.ptp-gate-starves', 19000000]]);
    expect(validateQdisc(m, { txTimestampTimeoutMs: 50 })).toEqual([]);
    // ptp4l on socket_priority 1 → class 1, open 19 of 20 ms: fine.
    expect(validateQdisc(m, { ptpSocketPriority: 1 })).toEqual([]);
    const never = withEntries([{ command: 'S', gateMask: 0x6, intervalNs: 1000000 }]);
    expect(warningsOf(validateQdisc(never)).map((p) => p.id)).toEqual(['tsn-config.taprio.gate-never-opens', 'tsn-config.taprio.ptp-gate-never-opens']);
    // A 100 ns window cannot carry a 144-byte PTP frame at 1 Gbit/s (1152 ns).
    const thin = withEntries([{ command: 'S', gateMask: 0x1, intervalNs: 1000 }, { command: 'S', gateMask: 0x6, intervalNs: 999000 }]);
    expect(warningsOf(validateQdisc(thin, { linkSpeedMbps: 1000 })).map((p) => p.id)).toEqual(['tsn-config.taprio.ptp-window-too-short']);
  });
});

describe('taprio read back from tc -j qdisc show', () => {
  it('reads the oper and the pending admin schedule of real output, the base-time exact', () => {
    const { qdiscs, problems } = parseQdiscShow(fixture('iproute2-6.5-taprio-admin-pending-pretty.txt'));
    expect(problems).toEqual([]);
    const t = qdiscs[0]?.taprio;
    expect(t?.oper).toEqual({ baseTimeNs: '0', cycleTimeNs: '20000000', cycleTimeExtensionNs: '0', entries: [{ command: 'S', gateMask: 0xff, intervalNs: 20000000 }] });
    expect(t?.admin?.baseTimeNs).toBe('1691160511783528178');
    expect(t?.model).toMatchObject({ handle: '8001', numTc: 8, clockid: 'TAI', flags: 0, txtimeDelayNs: null });
    // The schedule Syncscope would push to get this state back.
    const model = qdiscs[0]?.model;
    expect(model && displayCommand(tcCommandFor(model, 'eno0').argv ?? [])).toBe(
      'tc qdisc replace dev eno0 parent root handle 8001 taprio num_tc 8 map 0 1 2 3 4 5 6 7 0 0 0 0 0 0 0 0 queues 1@0 1@1 1@2 1@3 1@4 1@5 1@6 1@7 base-time 1691160511783528178 cycle-time 20000000 sched-entry S ff 20000000 clockid CLOCK_TAI',
    );
  });

  it('reads the invalid JSON of iproute2 ≤ 6.4 as the admin schedule and says so, without throwing', () => {
    const { qdiscs, problems } = parseQdiscShow(fixture('iproute2-6.4-taprio-unlabeled-admin-pretty.txt'));
    expect(problems.map((p) => `${p.severity}:${p.id}`)).toEqual(['warning:tsn-config.json-unlabeled-admin']);
    expect(qdiscs[0]?.taprio?.admin?.baseTimeNs).toBe('1691160103110424418');
    expect(() => JSON.parse(fixture('iproute2-6.4-taprio-unlabeled-admin-pretty.txt'))).toThrow();
  });

  it('reads full offload (no clockid) and txtime-assist with a 64-bit base-time and a closed-gates guard band', () => {
    const full = parseQdiscShow(fixture('iproute2-6.5-taprio-full-offload.txt'));
    expect(full.problems).toEqual([]);
    expect(full.qdiscs[0]?.model).toMatchObject({ clockid: null, flags: 2, maxSdu: [0, 0, 0, 0, 0, 200, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] });
    expect(full.qdiscs[0]?.json.offloaded).toBe(true);
    const model = full.qdiscs[0]?.model;
    expect(model && displayCommand(tcCommandFor(model, 'eno0').argv ?? [])).toBe(
      'tc qdisc replace dev eno0 parent root handle 8002 taprio num_tc 8 map 0 1 2 3 4 5 6 7 0 0 0 0 0 0 0 0 queues 1@0 1@1 1@2 1@3 1@4 1@5 1@6 1@7 base-time 200 cycle-time 100000 sched-entry S 80 20000 sched-entry S a0 20000 sched-entry S 5f 60000 flags 0x2 max-sdu 0 0 0 0 0 200 0 0',
    );
    const assist = parseQdiscShow(fixture('iproute2-6.1-taprio-txtime-assist-etf.txt'));
    expect(assist.problems).toEqual([]);
    const t = assist.qdiscs[0];
    expect(t?.json.dev).toBe('enp1s0');
    expect(t?.taprio?.oper?.baseTimeNs).toBe('1765152000000000037');
    expect(t?.taprio?.oper?.entries[2]).toEqual({ command: 'S', gateMask: 0, intervalNs: 100000 });
    expect(t?.model && validateQdisc(t.model)).toEqual([]);
    expect(assist.qdiscs.map((q) => [q.json.kind, q.json.parent, q.model?.kind ?? null])).toEqual([
      ['taprio', 'root', 'taprio'],
      ['etf', '100:1', 'etf'],
      ['pfifo', '100:2', null],
    ]);
  });

  it('counts a pushed schedule that is still pending (admin) as applied, and names what differs otherwise', () => {
    const pushed: TaprioModel = { ...exampleTaprio(), handle: '8001', numTc: 8, priorityMap: [0, 1, 2, 3, 4, 5, 6, 7, 0, 0, 0, 0, 0, 0, 0, 0], queues: Array.from({ length: 8 }, (_, i) => ({ count: 1, offset: i })), schedule: { baseTimeNs: '1691160511783528178', cycleTimeNs: null, cycleTimeExtensionNs: null, entries: [{ command: 'S', gateMask: 0xff, intervalNs: 20000000 }] } };
    const { qdiscs } = parseQdiscShow(fixture('iproute2-6.5-taprio-admin-pending-pretty.txt'));
    expect(qdiscDifferences(pushed, qdiscs[0] ?? null)).toEqual([]);
    expect(qdiscDifferences({ ...pushed, schedule: { ...pushed.schedule, baseTimeNs: '1691160511783528179' } }, qdiscs[0] ?? null)).toEqual(['schedule']);
    expect(qdiscDifferences(pushed, null)).toEqual(['kind']);
  });
});

const gateEntry = fc.record({ command: fc.constantFrom('S' as const, 'H' as const, 'R' as const), gateMask: fc.integer({ min: 0, max: 0xff }), intervalNs: fc.integer({ min: 1, max: 0xffff_ffff }) });
const taprioModel: fc.Arbitrary<TaprioModel> = fc.integer({ min: 1, max: 8 }).chain((numTc) =>
  fc.record({
    kind: fc.constant('taprio' as const),
    handle: fc.integer({ min: 1, max: 0xffff }).map((h) => h.toString(16)),
    numTc: fc.constant(numTc),
    priorityMap: fc.array(fc.integer({ min: 0, max: numTc - 1 }), { minLength: 16, maxLength: 16 }),
    queues: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: numTc, maxLength: numTc }).map((counts) => {
      let offset = 0;
      return counts.map((count) => ({ count, offset: (offset += count) - count }));
    }),
    clockid: fc.constantFrom('TAI' as const, 'REALTIME' as const, 'BOOTTIME' as const, null),
    flags: fc.constantFrom(0, 1, 2),
    txtimeDelayNs: fc.option(fc.integer({ min: 1, max: 0xffff_ffff }), { nil: null }),
    maxSdu: fc.option(fc.array(fc.integer({ min: 0, max: 9000 }), { minLength: numTc, maxLength: numTc }), { nil: null }),
    fp: fc.option(fc.array(fc.constantFrom('E' as const, 'P' as const), { minLength: numTc, maxLength: numTc }), { nil: null }),
    schedule: fc.record({
      baseTimeNs: fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }).map(String),
      cycleTimeNs: fc.constant(null),
      cycleTimeExtensionNs: fc.option(fc.bigInt({ min: 0n, max: 2n ** 40n }).map(String), { nil: null }),
      entries: fc.array(gateEntry, { minLength: 1, maxLength: 40 }),
    }),
  }),
);

describe('taprio round trips (fast-check)', () => {
  it('model → tc argv → model gives the model back, 64-bit times to the last digit', () => {
    fc.assert(
      fc.property(taprioModel, (m) => {
        const argv = tcCommandFor({ ...m, handle: m.handle }, 'eth0').argv ?? [];
        // tcCommandFor refuses invalid models; the round trip is about the words, so write them directly when it does.
        const words = argv.length > 0 ? argv : ['tc', 'qdisc', 'replace', 'dev', 'eth0', 'parent', 'root', 'handle', m.handle, 'taprio', ...taprioWords(m)];
        const back = parseTcCommand(words);
        expect(back.problems).toEqual([]);
        expect(canonicalTaprio(back.model as TaprioModel)).toEqual(canonicalTaprio(m));
      }),
      { numRuns: 300 },
    );
  });

  it('model → tc -j JSON (as iproute2 prints it) → model gives the model back, with a pending admin schedule beside the oper one', () => {
    fc.assert(
      fc.property(taprioModel, fc.option(taprioModel.map((o) => o.schedule), { nil: null }), (m, pending) => {
        const { qdiscs, problems } = parseQdiscShow(taprioJsonText(m, pending));
        expect(problems).toEqual([]);
        const r = qdiscs[0]?.taprio;
        if (!r?.oper) throw new Error('no oper schedule read');
        // full offload has no clockid in the dump: that is the one field the device does not echo.
        const expected = canonicalTaprio((m.flags & 2) !== 0 ? { ...m, clockid: null } : m);
        expect(canonicalTaprio({ ...r.model, schedule: r.oper })).toEqual(expected);
        if (pending) expect(canonicalTaprio({ ...r.model, schedule: r.admin ?? r.oper }).schedule).toEqual(canonicalTaprio({ ...m, schedule: pending }).schedule);
        else expect(r.admin).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary text, and says what is wrong', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const r = parseQdiscShow(text);
        expect(Array.isArray(r.problems)).toBe(true);
      }),
      { numRuns: 500 },
    );
    expect(parseQdiscShow('[{"kind":"taprio","handle":"100:","options":{"tc":3,').problems.map((p) => p.id)).toEqual(['tsn-config.json-invalid']);
  });
});

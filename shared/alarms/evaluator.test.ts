import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeviceEvent } from '../series/device-event';
import type { Reading } from '../series/series';
import { Phase } from './debounce';
import { AlarmEvaluator } from './evaluator';
import { AlarmRule, type AlarmRuleInput } from './rule-schema';

const DEVICES = [
  { id: 'd1', name: 'lab-s1' },
  { id: 'd2', name: 'lab-s2' },
  { id: 'd3', name: 'gm-1' },
];

function evaluator(...rules: AlarmRuleInput[]): AlarmEvaluator {
  const e = new AlarmEvaluator();
  e.setRules(rules.map((r) => AlarmRule.parse(r)));
  e.setDevices(DEVICES, 0);
  return e;
}

const offset = (deviceId: string, tMs: number, value: number | null, flags = 0): Reading => ({ deviceId, instance: 'ptp4l', tUs: tMs * 1000, deviceTimeNs: null, values: [{ metric: 'ptp.offset_from_master', value, flags }] });
const feedOffsets = (e: AlarmEvaluator, values: (number | null)[], deviceId = 'd1', stepMs = 1000) =>
  values.map((v, i) => e.feed({ type: 'readings', readings: [offset(deviceId, i * stepMs, v)] }).map((s) => s.phase));

const HYSTERESIS: AlarmRuleInput = { id: 'off', name: 'Offset', severity: 'critical', kind: 'threshold', metric: 'ptp.offset_from_master', op: '>', abs: true, value: 1000, forMs: 5000, clearAt: 500, clearForMs: 10_000 };

describe('threshold rules', () => {
  it('fire after |offset| > 1 µs for 5 s and clear only after 10 s below 500 ns (between the two, the state holds)', () => {
    const e = evaluator(HYSTERESIS);
    // 0..5 s beyond 1 µs (either sign): pending at 0, firing at 5 s.
    const up = feedOffsets(e, [1200, -1500, 1100, 1300, -1200, 1400]);
    expect(up).toEqual([[Phase.Pending], [], [], [], [], [Phase.Firing]]);
    // 700 ns lies in the band: still firing for a minute; then 10 s below 500 ns clear it at the 11th sample.
    const band = Array.from({ length: 60 }, () => 700);
    const quiet = Array.from({ length: 12 }, () => 100);
    const phases = feedOffsets(e, [...Array.from({ length: 6 }, () => 1200), ...band, ...quiet]).flat();
    expect(phases).toEqual([Phase.Inactive]);
  });

  it('drop a pending breach that does not last, and treat a gap as no breach', () => {
    const e = evaluator(HYSTERESIS);
    expect(feedOffsets(e, [1200, 1200, 200, 1200, null, 1200])).toEqual([[Phase.Pending], [], [Phase.Inactive], [Phase.Pending], [Phase.Inactive], [Phase.Pending]]);
  });

  it('fire on N of the last M samples', () => {
    const e = evaluator({ id: 'nm', name: 'N of M', severity: 'warning', kind: 'threshold', metric: 'ptp.offset_from_master', op: '>', abs: true, value: 100, nOfM: { n: 3, m: 5 }, clearAt: 50 });
    expect(feedOffsets(e, [150, 20, 150, 20, 150, 60, 60, 60, 40]).map((p) => p[0] ?? null)).toEqual([null, null, null, null, Phase.Firing, null, null, null, Phase.Inactive]);
  });

  it('watch only the devices of their scope', () => {
    const e = evaluator({ ...HYSTERESIS, forMs: 0, scope: { match: 'lab-*' } });
    expect(feedOffsets(e, [5000], 'd3')).toEqual([[]]);
    expect(feedOffsets(e, [5000], 'd2')).toEqual([[Phase.Firing]]);
  });

  it('never fire and clear on the same sample, and fire only after forMs of breach (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -3000, max: 3000 }), fc.constant(null)), { maxLength: 200 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), (values, forS, clearS) => {
        const e = evaluator({ ...HYSTERESIS, forMs: forS * 1000, clearForMs: clearS * 1000 });
        let firing = false;
        let breachSince: number | null = null;
        values.forEach((v, i) => {
          const phases = e.feed({ type: 'readings', readings: [offset('d1', i * 1000, v)] }).map((s) => s.phase);
          expect(phases.length).toBeLessThanOrEqual(1);
          const breach = v !== null && Math.abs(v) > 1000;
          breachSince = breach ? (breachSince ?? i) : null;
          if (phases[0] === Phase.Firing) {
            expect(firing).toBe(false);
            expect(breach).toBe(true);
            expect(i - (breachSince ?? i)).toBeGreaterThanOrEqual(forS);
            firing = true;
          }
          if (phases[0] === Phase.Inactive && firing) {
            expect(v !== null && Math.abs(v) <= 500).toBe(true);
            firing = false;
          }
        });
      }),
    );
  });
});

describe('rate rules', () => {
  it('fire on a counter rising faster than the limit and take a device-side reset for a restart, not a negative rate', () => {
    const e = evaluator({ id: 'drops', name: 'Sync timeouts', severity: 'warning', kind: 'rate', metric: 'ptp.port_service_stats', labels: { counter: 'sync_timeout' }, perSecond: 0.5 });
    const counter = (tMs: number, value: number, name = 'sync_timeout'): Reading => ({ deviceId: 'd1', instance: 'ptp4l', tUs: tMs * 1000, deviceTimeNs: null, values: [{ metric: 'ptp.port_service_stats', labels: { port: '1', counter: name }, value }] });
    const phases = [100, 100, 100, 0, 0, 5, 5].map((v, i) => e.feed({ type: 'readings', readings: [counter(i * 1000, v), counter(i * 1000, v * 100, 'announce_timeout')] }).map((s) => s.phase));
    expect(phases).toEqual([[], [], [], [], [], [Phase.Firing], [Phase.Inactive]]);
  });
});

describe('state rules', () => {
  it('fire when the port state is not an expected one, naming the state', () => {
    const e = evaluator({ id: 'faulty', name: 'Port FAULTY', severity: 'critical', kind: 'state', metric: 'ptp.port_state', expected: [9, 6] });
    const port = (tMs: number, value: number): Reading => ({ deviceId: 'd1', instance: 'ptp4l', tUs: tMs * 1000, deviceTimeNs: null, values: [{ metric: 'ptp.port_state', labels: { port: '1' }, value }] });
    expect(e.feed({ type: 'readings', readings: [port(0, 9)] })).toEqual([]);
    const [fired] = e.feed({ type: 'readings', readings: [port(1000, 2)] });
    expect(fired).toMatchObject({ phase: Phase.Firing, deviceId: 'd1', labels: { instance: 'ptp4l', port: '1' } });
    expect(fired?.summary).toContain('2 FAULTY');
    expect(e.feed({ type: 'readings', readings: [port(2000, 9)] }).map((s) => s.phase)).toEqual([Phase.Inactive]);
  });
});

const gmChange = (deviceId: string, tMs: number, to: string, extra: Partial<DeviceEvent> = {}): DeviceEvent => ({ deviceId, instance: 'ptp4l', kind: 'gm-change', from: 'aaaa.fffe.000001', to, detail: { localClock: false }, tMs, ...extra });

describe('change, line and security rules', () => {
  it('fire on a grandmaster change, stay firing while changes go on and resolve once settled', () => {
    const e = evaluator({ id: 'gm', name: 'GM changed', severity: 'warning', kind: 'change', event: 'gm-change', settleMs: 10_000 });
    expect(e.feed({ type: 'events', events: [gmChange('d1', 0, 'b'), gmChange('d2', 500, 'b')] }).map((s) => [s.deviceId, s.phase])).toEqual([['d1', Phase.Firing], ['d2', Phase.Firing]]);
    expect(e.feed({ type: 'events', events: [gmChange('d1', 4000, 'c')] })).toEqual([]);
    expect(e.tick(10_600).map((s) => s.deviceId)).toEqual(['d2']);
    expect(e.tick(14_000).map((s) => [s.deviceId, s.phase])).toEqual([['d1', Phase.Inactive]]);
  });

  it('count only degradations of the clock class when asked', () => {
    const e = evaluator({ id: 'cc', name: 'Class degraded', severity: 'warning', kind: 'change', event: 'clock-class', degradedOnly: true });
    const cc = (tMs: number, from: string, to: string): DeviceEvent => ({ deviceId: 'd1', instance: 'ptp4l', kind: 'clock-class', from, to, detail: {}, tMs });
    expect(e.feed({ type: 'events', events: [cc(0, '7', '6')] })).toEqual([]);
    expect(e.feed({ type: 'events', events: [cc(1, '6', '7')] }).map((s) => s.phase)).toEqual([Phase.Firing]);
  });

  it('match log notices by code, N within a window, and resolve holdover on its clear event', () => {
    const e = evaluator(
      { id: 'tx', name: 'tx timeouts', severity: 'critical', kind: 'line', event: 'notice', to: ['tx-timestamp-timeout'], count: 2, windowMs: 10_000, quietMs: 60_000 },
      { id: 'ho', name: 'holdover', severity: 'warning', kind: 'line', event: 'holdover', to: ['holdover'], clearTo: ['locked'] },
    );
    const notice = (tMs: number, code: string): DeviceEvent => ({ deviceId: 'd1', instance: 'ptp4l', kind: 'notice', from: null, to: code, detail: { line: 'timed out while polling for tx timestamp' }, tMs });
    expect(e.feed({ type: 'events', events: [notice(0, 'tx-timestamp-timeout'), notice(1, 'clock-jump-forward'), notice(20_000, 'tx-timestamp-timeout')] })).toEqual([]);
    const [fired] = e.feed({ type: 'events', events: [notice(25_000, 'tx-timestamp-timeout')] });
    expect(fired?.summary).toContain('timed out while polling for tx timestamp');
    const ho = (tMs: number, to: string): DeviceEvent => ({ deviceId: 'd1', instance: 'ts2phc', kind: 'holdover', from: null, to, detail: {}, tMs });
    expect(e.feed({ type: 'events', events: [ho(30_000, 'holdover')] }).map((s) => [s.ruleId, s.phase])).toEqual([['ho', Phase.Firing]]);
    expect(e.feed({ type: 'events', events: [ho(90_000, 'locked')] }).map((s) => [s.ruleId, s.phase])).toEqual([['ho', Phase.Inactive]]);
  });

  it('match any event kind by name and detail, a kind that does not exist yet included', () => {
    const e = evaluator(
      { id: 'hk', name: 'Host key mismatch', severity: 'critical', kind: 'security', event: 'connection', detail: { code: ['ssh-host-key-mismatch'] }, clearTo: ['online'] },
      { id: 'push', name: 'Push failed', severity: 'critical', kind: 'security', event: 'config-push', to: ['failed', 'rolled-back'] },
    );
    const conn = (tMs: number, to: string, code?: string): DeviceEvent => ({ deviceId: 'd2', instance: null, kind: 'connection', from: 'online', to, detail: code ? { code } : {}, tMs });
    expect(e.feed({ type: 'events', events: [conn(0, 'offline', 'ssh-refused')] })).toEqual([]);
    expect(e.feed({ type: 'events', events: [conn(1, 'offline', 'ssh-host-key-mismatch')] }).map((s) => s.phase)).toEqual([Phase.Firing]);
    expect(e.feed({ type: 'events', events: [conn(2, 'online')] }).map((s) => s.phase)).toEqual([Phase.Inactive]);
    const push = { deviceId: 'd1', instance: 'ptp4l', kind: 'config-push', from: null, to: 'rolled-back', detail: {}, tMs: 3 } as unknown as DeviceEvent;
    expect(e.feed({ type: 'events', events: [push] }).map((s) => s.ruleId)).toEqual(['push']);
  });
});

describe('absence and topology rules', () => {
  it('fire when a device stays offline, not when it is disconnected on purpose, and clear when it is back', () => {
    const e = evaluator({ id: 'off', name: 'Offline', severity: 'critical', kind: 'absence', of: 'device-offline', forMs: 10_000 });
    expect(e.feed({ type: 'status', deviceId: 'd1', connection: 'offline', tMs: 0 }).map((s) => s.phase)).toEqual([Phase.Pending]);
    expect(e.tick(9_000)).toEqual([]);
    expect(e.tick(10_000).map((s) => s.phase)).toEqual([Phase.Firing]);
    expect(e.feed({ type: 'status', deviceId: 'd1', connection: 'online', tMs: 12_000 }).map((s) => s.phase)).toEqual([Phase.Inactive]);
    expect(e.feed({ type: 'status', deviceId: 'd2', connection: 'disconnected', tMs: 0 })).toEqual([]);
    expect(e.tick(60_000)).toEqual([]);
  });

  it('fire when a series goes silent after it had values', () => {
    const e = evaluator({ id: 'silent', name: 'No offsets', severity: 'warning', kind: 'absence', of: 'series', metric: 'ptp.offset_from_master', forMs: 5000 });
    feedOffsets(e, [10, 10, 10]);
    expect(e.tick(6000)).toEqual([]);
    expect(e.tick(8000).map((s) => s.phase)).toEqual([Phase.Firing]);
    expect(e.feed({ type: 'readings', readings: [offset('d1', 9000, 12)] }).map((s) => s.phase)).toEqual([Phase.Inactive]);
  });

  it('see several grandmasters followed in one scope, and a grandmaster changing too often', () => {
    const e = evaluator(
      { id: 'multi', name: 'Several GMs', severity: 'critical', kind: 'topology', check: 'multiple-grandmasters', forMs: 2000, clearForMs: 0 },
      { id: 'flap', name: 'GM flapping', severity: 'warning', kind: 'topology', check: 'gm-flapping', maxPerHour: 2, forMs: 0, clearForMs: 0 },
    );
    for (const id of ['d1', 'd2']) e.feed({ type: 'status', deviceId: id, connection: 'online', tMs: 0 });
    e.feed({ type: 'grandmaster', deviceId: 'd1', gmIdentity: 'a', tMs: 0 });
    e.feed({ type: 'grandmaster', deviceId: 'd2', gmIdentity: 'b', tMs: 0 });
    expect(e.tick(1000).map((s) => s.phase)).toEqual([Phase.Pending]);
    const [fired] = e.tick(3000);
    expect(fired?.summary).toBe('2 grandmasters followed in one domain: a, b');
    e.feed({ type: 'grandmaster', deviceId: 'd2', gmIdentity: 'a', tMs: 3500 });
    expect(e.tick(4000).map((s) => [s.ruleId, s.phase])).toEqual([['multi', Phase.Inactive]]);
    e.feed({ type: 'events', events: [gmChange('d1', 5000, 'b'), gmChange('d1', 6000, 'a'), gmChange('d1', 7000, 'b')] });
    // d1 now follows b again while d2 follows a: several GMs pending again, and d1 flaps (3 changes > 2 an hour).
    expect(e.tick(8000).map((s) => [s.ruleId, s.deviceId, s.phase])).toEqual([['multi', null, Phase.Pending], ['flap', 'd1', Phase.Firing]]);
  });
});

describe('rule changes', () => {
  it('end the active states of a changed or removed rule, keep the others', () => {
    const e = evaluator({ ...HYSTERESIS, forMs: 0 }, { ...HYSTERESIS, id: 'other', forMs: 0 });
    feedOffsets(e, [5000]);
    const ended = e.setRules([AlarmRule.parse({ ...HYSTERESIS, id: 'other', forMs: 0 })]);
    expect(ended.map((s) => [s.ruleId, s.phase])).toEqual([['off', Phase.Inactive]]);
    expect(feedOffsets(e, [100, 100])).toEqual([[], []]);
    expect(feedOffsets(e, [5000])).toEqual([[]]);
  });
});

describe('many rules on one series', () => {
  it('signal exactly what each rule alone would (the quiet-threshold fast path skips nothing that matters)', () => {
    const ruleArb = fc.record({
      op: fc.constantFrom('>' as const, '<' as const),
      abs: fc.boolean(),
      value: fc.integer({ min: -2000, max: 2000 }),
      band: fc.integer({ min: 0, max: 500 }),
      forS: fc.integer({ min: 0, max: 3 }),
      clearS: fc.integer({ min: 0, max: 3 }),
      nOfM: fc.option(fc.record({ n: fc.integer({ min: 1, max: 3 }), m: fc.integer({ min: 3, max: 5 }) }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(ruleArb, { minLength: 1, maxLength: 6 }), fc.array(fc.oneof(fc.integer({ min: -3000, max: 3000 }), fc.constant(null)), { maxLength: 80 }), (specs, values) => {
        const rules = specs.map((x, i) => ({ id: `r${i}`, name: `r${i}`, severity: 'warning' as const, kind: 'threshold' as const, metric: 'ptp.offset_from_master' as const, op: x.op, abs: x.abs, value: x.value, clearAt: x.op === '>' ? x.value - x.band : x.value + x.band, forMs: x.forS * 1000, clearForMs: x.clearS * 1000, ...(x.nOfM ? { nOfM: x.nOfM } : {}) }));
        const together = evaluator(...rules);
        const alone = rules.map((r) => evaluator(r));
        values.forEach((v, i) => {
          const input = { type: 'readings' as const, readings: [offset('d1', i * 1000, v)] };
          const got = together.feed(input).map((s) => `${s.ruleId}:${s.phase}`).sort();
          const want = alone.flatMap((e) => e.feed(input)).map((s) => `${s.ruleId}:${s.phase}`).sort();
          expect(got).toEqual(want);
        });
      }),
    );
  });
});

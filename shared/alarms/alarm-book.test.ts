import { describe, expect, it } from 'vitest';
import { Phase } from './debounce';
import type { AlarmSignal } from './alarm-input';
import { AlarmBook, type AlarmChange } from './alarm-book';
import type { Silence } from './alarm-model';
import { NotificationGroups } from './notification-groups';
import { AlarmRule } from './rule-schema';

const RULE = AlarmRule.parse({ id: 'gm', name: 'GM changed', severity: 'warning', kind: 'change', event: 'gm-change', groupWaitMs: 5000 });
const NAMES: Record<string, string> = { d1: 'fs1', d2: 'fs2', d3: 'fs3' };

function setup(opts: { flapFires?: number } = {}) {
  let n = 0;
  const newId = () => `id${++n}`;
  const book = new AlarmBook({ newId, rule: (id) => (id === RULE.id ? RULE : undefined), deviceName: (id) => NAMES[id] ?? null, flapHoldMs: 60_000, ...opts });
  const groups = new NotificationGroups({ newId, groupWaitMs: () => RULE.groupWaitMs });
  return { book, groups };
}

const sig = (deviceId: string, phase: Phase, tMs: number): AlarmSignal => ({ ruleId: 'gm', key: `gm|${deviceId}|ptp4l`, deviceId, labels: { instance: 'ptp4l' }, phase, tMs, value: null, summary: `s ${deviceId}` });

describe('the alarm lifecycle', () => {
  it('goes pending → firing → acknowledged → resolved, with a history row per step', () => {
    const { book } = setup();
    expect(book.apply([sig('d1', Phase.Pending, 0)])).toEqual([]);
    expect(book.list().map((a) => a.state)).toEqual(['pending']);
    const [fired] = book.apply([sig('d1', Phase.Firing, 1000)]);
    expect(fired).toMatchObject({ notify: 'firing', alarm: { state: 'firing', firedAtMs: 1000, startedAtMs: 0, deviceName: 'fs1', severity: 'warning' }, transition: { from: 'pending', to: 'firing' } });
    const acked = book.ack(fired!.alarm.id, 'ana', 'failover drill', 2000);
    expect(acked).toMatchObject({ notify: null, alarm: { state: 'acknowledged', ack: { by: 'ana', comment: 'failover drill', atMs: 2000 } }, transition: { note: 'acknowledged by ana: failover drill' } });
    expect(book.ack(fired!.alarm.id, 'bo', 'again', 2500)).toBeNull();
    const [resolved] = book.apply([sig('d1', Phase.Inactive, 3000)]);
    expect(resolved).toMatchObject({ notify: 'resolved', alarm: { state: 'resolved', resolvedAtMs: 3000 }, transition: { from: 'acknowledged', to: 'resolved' } });
    expect(book.list()).toEqual([]);
  });

  it('drops a pending alarm that clears without a trace, and deduplicates a breach of an open alarm', () => {
    const { book } = setup();
    book.apply([sig('d1', Phase.Pending, 0)]);
    expect(book.apply([sig('d1', Phase.Inactive, 500)])).toEqual([]);
    const first = book.apply([sig('d1', Phase.Firing, 1000)]);
    expect(first).toHaveLength(1);
    expect(book.apply([sig('d1', Phase.Firing, 1500)])).toEqual([]);
    expect(book.list()).toHaveLength(1);
  });

  it('holds a flapping alarm firing, notified once, until it stays clear', () => {
    const { book } = setup({ flapFires: 3 });
    const changes: AlarmChange[] = [];
    for (let i = 0; i < 5; i++) changes.push(...book.apply([sig('d1', Phase.Firing, i * 10_000), sig('d1', Phase.Inactive, i * 10_000 + 5000)]));
    // Two full fire/resolve cycles, then the third fire flaps: held, no further notices.
    expect(changes.map((c) => c.notify)).toEqual(['firing', 'resolved', 'firing', 'resolved', 'firing']);
    expect(book.list()[0]).toMatchObject({ state: 'firing', flapping: true });
    expect(book.tick(90_000)).toEqual([]);
    expect(book.tick(105_000).map((c) => [c.alarm.state, c.notify])).toEqual([['resolved', 'resolved']]);
  });

  it('keeps silenced alarms quiet, and notifies one still firing when its maintenance window ends', () => {
    const { book } = setup();
    const window: Silence = { id: 's1', kind: 'maintenance', match: { device: 'fs*' }, startsAtMs: 0, endsAtMs: 10_000, createdBy: 'ana', comment: 'GM swap', createdAtMs: 0 };
    book.setSilences([window], 0);
    const [fired] = book.apply([sig('d1', Phase.Firing, 1000)]);
    expect(fired).toMatchObject({ notify: null, alarm: { silenced: true } });
    expect(book.tick(9000)).toEqual([]);
    expect(book.tick(10_000).map((c) => [c.notify, c.transition.note])).toEqual([['firing', 'silence ended']]);
  });
});

describe('notification groups', () => {
  it('send a GM failover on several slaves as one notice, and one recovery notice when all settled', () => {
    const { book, groups } = setup();
    groups.add(book.apply([sig('d1', Phase.Firing, 0)]), 0);
    groups.add(book.apply([sig('d2', Phase.Firing, 1200)]), 1200);
    expect(groups.due(4999)).toEqual([]);
    const [firing, ...none] = groups.due(5000);
    expect(none).toEqual([]);
    expect(firing).toMatchObject({ status: 'firing', ruleId: 'gm' });
    expect(firing!.alerts.map((a) => a.deviceName).sort()).toEqual(['fs1', 'fs2']);
    // A late slave goes out as an update after another wait; the recovery waits for every alert.
    groups.add(book.apply([sig('d3', Phase.Firing, 6000)]), 6000);
    groups.add(book.apply([sig('d1', Phase.Inactive, 7000), sig('d2', Phase.Inactive, 7000)]), 7000);
    expect(groups.due(10_999)).toEqual([]);
    expect(groups.due(11_000).map((n) => [n.status, n.alerts.map((a) => a.deviceName)])).toEqual([['firing', ['fs3']]]);
    groups.add(book.apply([sig('d3', Phase.Inactive, 12_000)]), 12_000);
    const [recovery] = groups.due(12_000);
    expect(recovery).toMatchObject({ status: 'resolved' });
    expect(recovery!.alerts.map((a) => [a.deviceName, a.state])).toEqual([['fs1', 'resolved'], ['fs2', 'resolved'], ['fs3', 'resolved']]);
    expect(groups.due(60_000)).toEqual([]);
  });
});

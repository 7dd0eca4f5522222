import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alarm } from '../../shared/alarms/alarm-model';
import type { AlertmanagerBody } from '../../shared/alarms/alertmanager-body';
import { replayRule } from '../../shared/alarms/preview';
import { AlarmRule, type AlarmRuleInput } from '../../shared/alarms/rule-schema';
import type { DeviceView } from '../../shared/domain/device';
import { startTestServer, waitFor, type TestServer } from '../support/engine-server';
import { skipUnlessAvailable } from '../support/skip';
import { labIsolatedDevice, labScenarioDevice, labSkipReason, labUp, type LabDevice, type LabInfo } from './lab';
import { holdLabDevice, netnsPids, processAlive } from './lab-helpers';
import { addLabDevice, connectionOf, labPid, pointsOf, waitOnline } from './scenario-engine';

const skip = skipUnlessAvailable('alarms lab', labSkipReason());

/** A webhook receiver on 127.0.0.1: answers 500 to its first `outage` POSTs (a receiver outage), then 200. */
async function receiver(outage: number) {
  const got: AlertmanagerBody[] = [];
  let posts = 0;
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      posts++;
      if (posts <= outage) return void res.writeHead(500).end('receiver down');
      got.push(JSON.parse(text) as AlertmanagerBody);
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/alerts`, got, posts: () => posts, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

/**
 * Alarms on the real lab, one engine: ss-fgm1 (grandmaster of domain 1) stopped → one grouped
 * GM-change notice for its slaves ss-fs1 and ss-fs2, resolved once they settle on ss-fgm2; ss-x1's
 * sshd killed → an offline alarm, then a recovery notice once it is back; a threshold with
 * hysteresis on ss-fs1's real offsets fires and clears exactly as a replay of the stored points
 * says; and a webhook receiver that is down for its first POSTs gets every notice exactly once.
 */
describe.skipIf(skip !== null)('alarms on the lab', () => {
  let lab: LabInfo;
  let t: TestServer;
  let hook: Awaited<ReturnType<typeof receiver>>;
  let slaves: DeviceView[];
  let x1: DeviceView;
  let x1Lab: LabDevice;
  let offsetRule: AlarmRule;
  let offsetRuleSavedAt = 0;
  const releases: (() => Promise<void>)[] = [];
  const startedAt = Date.now();

  beforeAll(async () => {
    lab = await labUp();
    hook = await receiver(2);
    t = await startTestServer({ metrics: false });
    const rules: AlarmRuleInput[] = [
      { id: 'gm-changed', name: 'Grandmaster changed', severity: 'critical', kind: 'change', event: 'gm-change', settleMs: 6000, groupWaitMs: 20_000, scope: { devices: ['ss-fs1', 'ss-fs2'] } },
      { id: 'offline', name: 'Device offline', severity: 'critical', kind: 'absence', of: 'device-offline', forMs: 1000, groupWaitMs: 0, scope: { devices: ['ss-x1'] } },
    ];
    await t.client.call('alarms.rules.import', { file: { format: 'syncscope-alarm-rules', version: 1, rules }, mode: 'replace' });
    await t.client.call('alarms.webhooks.save', { webhook: { id: 'lab', url: hook.url, timeoutMs: 2000, minSeverity: 'critical' } });
    x1Lab = labIsolatedDevice(lab, 'ss-x1');
    // One at a time, as the scenario tests add them: on a loaded machine three first contacts at once outlast pmc's patience.
    const devices: DeviceView[] = [];
    for (const d of [labScenarioDevice(lab, 'ss-fs1'), labScenarioDevice(lab, 'ss-fs2'), x1Lab]) {
      const dev = await addLabDevice(t, d);
      await waitOnline(t, dev, 90_000);
      devices.push(dev);
    }
    slaves = devices.slice(0, 2);
    x1 = devices[2] as DeviceView;
    // The hysteresis rule's limits come from ss-fs1's own offsets (software time stamps, tens of µs of noise): above the median fires, at or below the 30th percentile clears.
    const fs1 = slaves[0] as DeviceView;
    const seen = await waitFor('offsets of ss-fs1', async () => {
      const p = await pointsOf(t, fs1.id, 'ptp4l', 'ptp.offset_from_master', Date.now() - 60_000);
      const v = p.value.filter((x): x is number => x !== null).map(Math.abs);
      return v.length >= 4 ? v.sort((a, b) => a - b) : null;
    }, 30_000, 500);
    const q = (p: number) => seen[Math.floor(p * (seen.length - 1))] ?? 0;
    offsetRule = AlarmRule.parse({ id: 'offset-band', name: 'ss-fs1 offset out of band', severity: 'warning', kind: 'threshold', metric: 'ptp.offset_from_master', op: '>', abs: true, value: q(0.5), clearAt: Math.min(q(0.3), q(0.5) - 1), scope: { devices: ['ss-fs1'] } });
    offsetRuleSavedAt = Date.now();
    await t.client.call('alarms.rules.save', { rule: offsetRule });
  }, 300_000);

  afterAll(async () => {
    await t?.close();
    for (const release of releases) await release();
    await labUp(); // ss-fgm1's ptp4l and ss-x1's sshd run again whatever happened
    await hook?.close();
  });

  const alarmsOf = async (ruleId: string): Promise<Alarm[]> => (await t.client.call('alarms.list', { limit: 500 })).filter((a) => a.ruleId === ruleId);

  it('a GM failover is one grouped notice covering both slaves, resolved when they settle; an sshd outage is an offline alarm and a recovery notice', async () => {
    const gmPid = labPid(lab.stateDir, 'ss-fgm1', 'ptp4l');
    releases.push(await holdLabDevice(lab.stateDir, 'ss-fgm1'), await holdLabDevice(lab.stateDir, 'ss-x1'));
    const sshds = (await netnsPids(x1Lab.netns)).filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'sshd';
      } catch {
        return false;
      }
    });
    process.kill(gmPid, 'SIGTERM');
    for (const pid of sshds) process.kill(pid, 'SIGKILL');
    await waitFor('ss-fgm1 ptp4l and ss-x1 sshd to end', () => !processAlive(gmPid) && sshds.every((p) => !processAlive(p)), 5000);

    // Offline first (1 s), then bring ss-x1's sshd back while the failover settles.
    const offline = await waitFor('the offline alarm', async () => (await alarmsOf('offline')).find((a) => a.state === 'firing'), 20_000, 200);
    expect(offline).toMatchObject({ deviceName: 'ss-x1', severity: 'critical' });
    const x1Release = releases.pop();
    await x1Release?.();
    await labUp();
    await waitOnline(t, x1, 60_000);
    await waitFor('the offline alarm to resolve', async () => (await alarmsOf('offline')).every((a) => a.state === 'resolved'), 20_000, 200);
    expect(await connectionOf(t, x1.id)).toBe('online');

    const gm = await waitFor('both slaves to raise a GM-change alarm', async () => {
      const list = await alarmsOf('gm-changed');
      return list.length === 2 ? list : null;
    }, 40_000, 250);
    expect(gm.map((a) => a.deviceName).sort()).toEqual(['ss-fs1', 'ss-fs2']);
    await waitFor('the GM-change alarms to resolve once the slaves settled on ss-fgm2', async () => (await alarmsOf('gm-changed')).every((a) => a.state === 'resolved'), 40_000, 250);
    // Dedup: one alarm per slave however many changes it went through.
    expect(await alarmsOf('gm-changed')).toHaveLength(2);
    const notices = await waitFor('the GM firing and recovery notices', () => {
      const n = hook.got.filter((b) => b.commonLabels.syncscope_rule === 'gm-changed');
      return n.length >= 2 ? n : null;
    }, 30_000, 250);
    expect(notices.map((n) => n.status)).toEqual(['firing', 'resolved']);
    for (const n of notices) expect(n.alerts.map((a) => a.labels.device).sort()).toEqual(['ss-fs1', 'ss-fs2']);
    const offlineNotices = hook.got.filter((b) => b.commonLabels.syncscope_rule === 'offline');
    expect(offlineNotices.map((n) => [n.status, n.alerts[0]?.labels.device])).toEqual([
      ['firing', 'ss-x1'],
      ['resolved', 'ss-x1'],
    ]);
  }, 150_000);

  it('a hysteresis threshold on real offsets fires and clears as the stored points say, and the receiver got each notice exactly once despite its outage', async () => {
    const fs1 = slaves[0] as DeviceView;
    await waitFor('the offset rule to fire and clear', async () => (await alarmsOf('offset-band')).some((a) => a.state === 'resolved'), 60_000, 500);
    const live = (await alarmsOf('offset-band')).filter((a) => a.state === 'resolved').map((a) => [a.firedAtMs, a.resolvedAtMs]).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
    // Replay the stored points through the pure evaluator: the same fire and clear times, to the µs of each reading.
    const toMs = Math.max(...live.map(([, r]) => r ?? 0)) + 1;
    const p = await pointsOf(t, fs1.id, 'ptp4l', 'ptp.offset_from_master', startedAt);
    const inputs = p.tUs.map((tUs, i) => ({ tMs: tUs / 1000, input: { type: 'readings' as const, readings: [{ deviceId: fs1.id, instance: 'ptp4l', tUs, deviceTimeNs: null, values: [{ metric: 'ptp.offset_from_master' as const, value: p.value[i] ?? null, flags: p.flags[i] ?? 0 }] }] } }));
    const replay = replayRule(offsetRule, [{ id: fs1.id, name: fs1.name }], inputs.filter((x) => x.tMs >= offsetRuleSavedAt), offsetRuleSavedAt, toMs).filter((h) => h.resolvedAtMs !== null && h.resolvedAtMs < toMs);
    expect(replay.map((h) => [h.firedAtMs, h.resolvedAtMs])).toEqual(live);
    // Hysteresis on the real values: fired above the limit, cleared only at or below the clear limit.
    const valueAt = (tMs: number | null) => Math.abs(p.value[p.tUs.findIndex((x) => x / 1000 === tMs)] ?? NaN);
    for (const [fired, resolved] of live) {
      expect(valueAt(fired ?? null)).toBeGreaterThan(offsetRule.kind === 'threshold' ? offsetRule.value : 0);
      expect(valueAt(resolved ?? null)).toBeLessThanOrEqual(offsetRule.kind === 'threshold' ? (offsetRule.clearAt ?? 0) : 0);
    }
    // Every notice once: the first two POSTs met the outage and were retried, none twice.
    const ids = hook.got.map((b) => b.syncscopeNotificationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(hook.posts()).toBe(ids.length + 2);
    const [status] = await t.client.call('alarms.webhooks.status');
    expect(status).toMatchObject({ id: 'lab', pending: 0, failedAttempts: 2, delivered: ids.length, lastError: 'HTTP 500 Internal Server Error' });
  }, 90_000);
});

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRANSIENT_SUMMARIES } from '../../shared/ptp/log/log-to-series';
import { POINT_FLAGS } from '../../shared/series/series';
import { startTestServer, waitFor, type TestServer } from '../support/engine-server';
import { skipUnlessAvailable } from '../support/skip';
import { labScenarioDevice, labSkipReason, labUp, type LabDevice } from './lab';
import { addLabDevice, pointsOf, waitOnline } from './scenario-engine';

const skip = skipUnlessAvailable('per-sample and summary logging scenario', labSkipReason());

/** Numbers of the log's lines that match `re` (capture groups as numbers), in file order. */
function logged(path: string, re: RegExp): number[][] {
  return readFileSync(path, 'utf8').split('\n').flatMap((l) => {
    const m = re.exec(l);
    return m ? [m.slice(1).map(Number)] : [];
  });
}

/**
 * Two slaves of the failover group followed through their logs beside pmc: ss-fs1 logs every sample
 * (summary_interval 0), ss-fs2 logs rms/max summaries (summary_interval 1). Each lands under its own
 * metric keys, equal to what ptp4l printed, and the first summary windows after the follower started
 * are marked transient (kept, but out of statistics).
 */
describe.skipIf(skip !== null)('scenario: a slave logging every sample and one logging summaries', () => {
  let fs1: LabDevice;
  let fs2: LabDevice;
  let t: TestServer;
  let since: number;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const lab = await labUp();
    [fs1, fs2] = [labScenarioDevice(lab, 'ss-fs1'), labScenarioDevice(lab, 'ss-fs2')];
    expect([fs1.summaryInterval, fs2.summaryInterval]).toEqual([0, 1]);
    t = await startTestServer();
    since = Date.now();
    for (const d of [fs1, fs2]) {
      const dev = await addLabDevice(t, d, { logs: true });
      ids[d.name] = dev.id;
      await waitOnline(t, dev);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const metricsOf = async (name: string) => new Set((await t.client.call('series.list', { deviceId: ids[name]! })).map((s) => s.metric));

  it('stores per-sample servo lines for ss-fs1 and summaries for ss-fs2, each as ptp4l printed them', async () => {
    const rms = await waitFor(`${TRANSIENT_SUMMARIES + 2} summaries from ss-fs2`, async () => {
      const cols = await pointsOf(t, ids['ss-fs2']!, 'ptp4l', 'ptp.summary_offset_rms', since);
      return cols.tUs.length >= TRANSIENT_SUMMARIES + 2 ? cols : null;
    }, 45_000, 500);
    const servo = await waitFor('3 servo samples from ss-fs1', async () => {
      const cols = await pointsOf(t, ids['ss-fs1']!, 'ptp4l', 'ptp.servo_offset', since);
      return cols.tUs.length >= 3 ? cols : null;
    }, 30_000, 250);

    const m1 = await metricsOf('ss-fs1');
    const m2 = await metricsOf('ss-fs2');
    expect([...m1]).toEqual(expect.arrayContaining(['ptp.servo_offset', 'ptp.servo_path_delay', 'ptp.offset_from_master']));
    expect([...m1].filter((m) => m.startsWith('ptp.summary_'))).toEqual([]);
    expect([...m2]).toEqual(expect.arrayContaining(['ptp.summary_offset_rms', 'ptp.summary_offset_max', 'ptp.summary_freq_stddev', 'ptp.summary_path_delay', 'ptp.offset_from_master']));
    expect([...m2].filter((m) => m.startsWith('ptp.servo_'))).toEqual([]);

    // The very numbers ptp4l printed: the newest lines of each log hold every stored value, in order.
    const printedOffsets = logged(fs1.ptp4lLog, /master offset\s+(-?\d+) s\d freq/).map(([o]) => o);
    const storedOffsets = servo.value as number[];
    expect(`,${printedOffsets.join(',')},`, 'offsets printed in ss-fs1 log').toContain(`,${storedOffsets.join(',')},`);
    // ptp4l pads the numbers to a width (`rms  556 max  786`).
    const printedWindows = logged(fs2.ptp4lLog, /: rms\s+(\d+) max\s+(\d+) freq/);
    const max = await pointsOf(t, ids['ss-fs2']!, 'ptp4l', 'ptp.summary_offset_max', since);
    const storedWindows = rms.value.map((v, i) => [v, max.value[i]]);
    expect(`,${printedWindows.map((w) => w.join(':')).join(',')},`, 'summaries printed in ss-fs2 log').toContain(`,${storedWindows.map((w) => w.join(':')).join(',')},`);
    for (const [r, m] of storedWindows) expect(r!).toBeLessThanOrEqual(m!);

    // The first windows after the follower started are kept but marked; the later ones are plain.
    const transient = rms.flags.map((f) => (f & POINT_FLAGS.transient) !== 0);
    const restarts = await t.client.call('events.query', { deviceId: ids['ss-fs2']!, kinds: ['source-restart'] });
    expect(transient.slice(0, TRANSIENT_SUMMARIES), `flags ${rms.flags.join(',')}; restarts ${JSON.stringify(restarts)}`).toEqual(Array<boolean>(TRANSIENT_SUMMARIES).fill(true));
    expect(transient.slice(TRANSIENT_SUMMARIES), `flags ${rms.flags.join(',')}; restarts ${JSON.stringify(restarts)}`).not.toContain(true);
    expect(max.flags.slice(0, TRANSIENT_SUMMARIES).every((f) => (f & POINT_FLAGS.transient) !== 0)).toBe(true);
    // A per-sample line is no summary: none of ss-fs1's servo samples is marked transient.
    expect(servo.flags.some((f) => (f & POINT_FLAGS.transient) !== 0)).toBe(false);
  });
});

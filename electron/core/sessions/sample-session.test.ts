import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useTempEngine } from '../../../test/support/temp-engine';
import { sampleSessionPath } from './sample-session-path';

describe('the sample session shipped in resources/sample-session', () => {
  const t = useTempEngine('syncscope-sample-');

  it('is small, opens through sessions.openSample with no device anywhere, and holds real lab history', async () => {
    const engine = t.engine();
    const file = sampleSessionPath();
    expect(statSync(file).size).toBeLessThan(2 * 1024 * 1024);
    const before = createHash('sha256').update(readFileSync(file)).digest('hex');
    const actor = { origin: 'cli' as const };
    const s = await engine.handlers['sessions.openSample']({}, actor);
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before);
    expect(s).toMatchObject({ name: 'Syncscope lab sample', source: 'capture', timeBase: 'wall', offline: true });
    expect(s.devices.map((d) => d.name)).toEqual(['ss-gm', 'ss-s1', 'ss-s2', 'ss-bc1']);
    expect(s.toMs! - s.fromMs!).toBeGreaterThanOrEqual(3 * 60_000);
    const s1 = s.devices.find((d) => d.name === 'ss-s1')!;
    const series = await engine.handlers['sessions.series']({ id: s.id, deviceId: s1.id }, actor);
    const offset = series.find((x) => x.metric === 'ptp.offset_from_master');
    const [col] = await engine.handlers['sessions.query']({ id: s.id, query: { seriesIds: [offset!.id], fromMs: s.fromMs!, toMs: s.toMs!, maxPoints: 2000 } }, actor);
    expect(col!.value.filter((v) => v !== null).length).toBeGreaterThan(60);
    const events = await engine.handlers['sessions.events']({ id: s.id, query: { deviceId: s1.id, limit: 100 } }, actor);
    expect(events.length).toBeGreaterThan(0);
    // Opening it again is the same session, not a second copy.
    expect((await engine.handlers['sessions.openSample']({}, actor)).id).toBe(s.id);
    expect(await engine.handlers['sessions.list']({}, actor)).toHaveLength(1);
  });
});

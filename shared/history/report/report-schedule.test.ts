import { describe, expect, it } from 'vitest';
import { complianceOf } from './compliance-level';
import { knownReport } from './report-fixture';
import { dueWindow, latestWindow, ReportSchedule, ReportScheduleInput, reportFileBase } from './report-schedule';

const NOW = Date.UTC(2026, 11, 9, 21, 30); // a Wednesday

describe('scheduled compliance reports', () => {
  it('report the newest complete day or week, once', () => {
    expect(latestWindow({ period: 'daily', hourUtc: 0, weekday: 1 }, NOW)).toEqual({ fromMs: Date.UTC(2026, 11, 8), toMs: Date.UTC(2026, 11, 9) });
    expect(latestWindow({ period: 'daily', hourUtc: 22, weekday: 1 }, NOW)).toEqual({ fromMs: Date.UTC(2026, 11, 7, 22), toMs: Date.UTC(2026, 11, 8, 22) });
    expect(latestWindow({ period: 'weekly', hourUtc: 6, weekday: 1 }, NOW)).toEqual({ fromMs: Date.UTC(2026, 10, 30, 6), toMs: Date.UTC(2026, 11, 7, 6) });
    const input = ReportScheduleInput.parse({ name: 'bc-1 daily', deviceIds: ['bc-1'], period: 'daily', folder: '/srv/reports' });
    const s = ReportSchedule.parse({ ...input, id: 'x', createdAtMs: 0, lastRun: null });
    expect(dueWindow(s, NOW)).toEqual({ fromMs: Date.UTC(2026, 11, 8), toMs: Date.UTC(2026, 11, 9) });
    const ran = { ...s, lastRun: { fromMs: Date.UTC(2026, 11, 8), toMs: Date.UTC(2026, 11, 9), ranAtMs: NOW, level: 'ok' as const, findings: [], htmlFile: null, jsonFile: null, error: null } };
    expect(dueWindow(ran, NOW)).toBeNull();
    expect(dueWindow({ ...s, enabled: false }, NOW)).toBeNull();
    expect(reportFileBase({ name: '主时钟 / lab A', period: 'daily' }, Date.UTC(2026, 11, 9))).toBe('主时钟-lab-A-daily-2026-12-08');
  });

  it('refuse a relative folder', () => {
    expect(ReportScheduleInput.safeParse({ name: 'x', deviceIds: ['a'], period: 'daily', folder: 'reports' }).success).toBe(false);
    expect(ReportScheduleInput.safeParse({ name: 'x', deviceIds: ['a'], period: 'weekly', folder: 'C:\\reports' }).success).toBe(true);
  });

  it('alert on a failing mask or a crossed alert threshold, warn on a warn threshold', () => {
    const failing = knownReport({ name: 'ss-s1', amplitudeNs: 80 });
    expect(complianceOf(failing, {}, {}).level).toBe('alert');
    const passing = knownReport({ name: 'gm-1', amplitudeNs: 0 });
    expect(complianceOf(passing, {}, {})).toEqual({ level: 'ok', findings: [] });
    const wander = knownReport({ name: 'ss-s2', amplitudeNs: 5 });
    const c = complianceOf({ ...wander, devices: wander.devices.map((d) => ({ ...d, timing: [] })) }, { maxAbsOffsetNs: 4 }, { maxAbsOffsetNs: 50 });
    expect(c).toEqual({ level: 'warn', findings: [{ level: 'warn', text: 'ss-s2 ptp4l: max |offset| 5 ns above the warn threshold 4' }] });
  });
});

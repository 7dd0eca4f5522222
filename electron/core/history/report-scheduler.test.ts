import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/contract/dispatch';
import type { Response } from '../../../shared/contract/envelope';
import type { Result } from '../../../shared/contract/methods';
import { fillHistory } from '../../../test/support/history-data';
import { offlineEngine, type OfflineEngine } from '../../../test/support/offline-engine';
import { createLogger } from '../log';
import type { Store } from '../store/open-store';
import { ReportScheduler } from './report-scheduler';
import { ReportSchedulesRepo } from './report-schedules-repo';

// A day that is over (the summary reads nothing of the future): two UTC days back; "now" is 00:05 the day after it, so it is due.
const DAY = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 2 * 86_400_000;
const NOW = DAY + 86_400_000 + 5 * 60_000;
const DATE = new Date(DAY).toISOString().slice(0, 10);

describe('scheduled compliance reports, on a real store', () => {
  let e: OfflineEngine;
  let out: string;
  let scheduler: ReportScheduler;
  const call = async <T>(method: string, params: unknown): Promise<T> => {
    const res: Response = await dispatch(e.engine.handlers, { method, params }, { origin: 'cli' });
    if (!res.ok) throw Object.assign(new Error(res.error.message), { value: res.error });
    return res.value as T;
  };
  beforeAll(() => {
    e = offlineEngine();
    out = mkdtempSync(join(tmpdir(), 'syncscope-reports-'));
    const store = { devices: e.engine.devices, series: e.engine.series } as Store;
    fillHistory(store, { name: 'gm-1', startMs: DAY + 3_600_000, seconds: 3600, hz: 1, offsetAt: () => 0 });
    fillHistory(store, { name: 'ss-s1', startMs: DAY + 3_600_000, seconds: 3600, hz: 1, offsetAt: (i) => Math.round(60 * Math.sin(i / 40)) });
    scheduler = new ReportScheduler({ repo: new ReportSchedulesRepo(e.engine.db), history: () => e.engine.historyReader(), log: createLogger({ level: 'silent' }), now: () => NOW });
  });
  afterAll(async () => {
    await scheduler.stop();
    await e.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('writes a due day once, as HTML and JSON, with the level its masks and thresholds give', async () => {
    const gm = await call<Result<'reports.schedules.save'>>('reports.schedules.save', { schedule: { name: 'GM daily', deviceIds: ['gm-1'], period: 'daily', folder: out, warn: { gmChanges: 0 } } });
    expect(gm.deviceIds).toEqual([e.engine.devices.list().find((d) => d.name === 'gm-1')!.id]);
    const slave = await call<Result<'reports.schedules.save'>>('reports.schedules.save', { schedule: { name: 'Slave daily', deviceIds: ['ss-s1'], period: 'daily', folder: out, lang: 'zh-CN' } });
    await scheduler.tick();
    expect(readdirSync(out).sort()).toEqual([`GM-daily-daily-${DATE}.html`, `GM-daily-daily-${DATE}.json`, `Slave-daily-daily-${DATE}.html`, `Slave-daily-daily-${DATE}.json`]);
    const json = JSON.parse(readFileSync(join(out, `GM-daily-daily-${DATE}.json`), 'utf8')) as { fromMs: number; toMs: number; compliance: { level: string; findings: { text: string }[] } };
    expect([json.fromMs, json.toMs]).toEqual([DAY, DAY + 86_400_000]);
    // The grandmaster passes class C, but one GM change crosses the warn threshold of none.
    expect(json.compliance).toEqual({ level: 'warn', findings: [{ level: 'warn', text: 'gm-1 ptp4l: 1 grandmaster changes above the warn threshold 0' }] });
    expect(readFileSync(join(out, `Slave-daily-daily-${DATE}.html`), 'utf8')).toContain('未通过');
    const listed = await call<Result<'reports.schedules.list'>>('reports.schedules.list', {});
    expect(listed.find((s) => s.id === slave.id)!.lastRun).toMatchObject({ level: 'alert', fromMs: DAY, error: null, findings: ['alert: ss-s1 ptp4l: G.8273.2 class C failed'] });
    const ranAt = listed.map((s) => s.lastRun!.ranAtMs);
    await scheduler.tick();
    expect((await call<Result<'reports.schedules.list'>>('reports.schedules.list', {})).map((s) => s.lastRun!.ranAtMs)).toEqual(ranAt);
    await call('reports.schedules.remove', { id: gm.id });
    await call('reports.schedules.remove', { id: slave.id });
  });

  it('records a run that could not write, with the reason, instead of failing every minute', async () => {
    // A folder that could be written when the schedule was saved, and was replaced by a file since.
    const later = join(out, 'later');
    const s = await call<Result<'reports.schedules.save'>>('reports.schedules.save', { schedule: { name: 'broken', deviceIds: ['gm-1'], period: 'weekly', folder: later } });
    writeFileSync(later, 'x');
    await scheduler.tick();
    const run = (await call<Result<'reports.schedules.list'>>('reports.schedules.list', {})).find((x) => x.id === s.id)!.lastRun!;
    expect(run).toMatchObject({ level: null, htmlFile: null, error: { messageId: 'history.output-unwritable' } });
    const refused = await dispatch(e.engine.handlers, { method: 'reports.schedules.save', params: { schedule: { name: 'x', deviceIds: ['nope'], period: 'daily', folder: out } } }, { origin: 'cli' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const notAFolder = await dispatch(e.engine.handlers, { method: 'reports.schedules.save', params: { schedule: { name: 'x', deviceIds: ['gm-1'], period: 'daily', folder: join(later, 'sub') } } }, { origin: 'cli' });
    expect(notAFolder).toMatchObject({ ok: false, error: { messageId: 'history.output-unwritable', message: expect.stringContaining('is a file, not a folder') as unknown } });
    const remote = await dispatch(e.engine.handlers, { method: 'reports.schedules.save', params: { schedule: { name: 'x', deviceIds: ['gm-1'], period: 'daily', folder: out } } }, { origin: 'socket', address: '192.0.2.7' });
    expect(remote).toMatchObject({ ok: false, error: { messageId: 'history.schedule-folder-local-only' } });
    const relative = await dispatch(e.engine.handlers, { method: 'reports.schedules.save', params: { schedule: { name: 'x', deviceIds: ['gm-1'], period: 'daily', folder: 'reports' } } }, { origin: 'cli' });
    expect(relative).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'schedule.folder' } });
  });
});

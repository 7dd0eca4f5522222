import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCliServer } from '../../../test/support/cli-server';
import { fillHistory } from '../../../test/support/history-data';
import { runCli } from '../../../test/support/processes';
import { openStore } from '../store/open-store';

// These run the built CLI (out/main/cli.js, via bin/syncscope.cjs) on a data folder filled through the real store: `npm run build` first.
// Each run starts a Node process and opens the store: on the loaded 2-core machine several take more than vitest's 5 s.
describe('syncscope export and report, run as a lab script would', { timeout: 60_000 }, () => {
  let dir: string;
  let data: string;
  // A whole hour a few hours back: inside any retention a serving engine enforces.
  const T0 = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3 * 3_600_000;
  const range = ['--from', new Date(T0).toISOString(), '--to', new Date(T0 + 3_600_000).toISOString()];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-history-cli-'));
    data = join(dir, 'data');
    const store = openStore(data);
    try {
      // An hour at 1 Hz: a grandmaster at 0 ns (class C passes), a slave wandering ±40 ns (fails), and a device
      // measured for the last two minutes only (too short to judge MTIE/TDEV up to 1000 s).
      fillHistory(store, { name: 'gm-1', startMs: T0, seconds: 3600, hz: 1, offsetAt: () => 0 });
      fillHistory(store, { name: 'ss-s1', startMs: T0, seconds: 3600, hz: 1, offsetAt: (i) => (i >= 1800 && i < 1830 ? null : Math.round(40 * Math.sin(i / 30))) });
      fillHistory(store, { name: 'fresh', startMs: Date.now() - 120_000, seconds: 110, hz: 1, offsetAt: () => 3 });
    } finally {
      store.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes a mask the data meets (exit 0) and prints the report as JSON', async () => {
    const r = await runCli(['report', '--device', 'gm-1', ...range, '--mask', 'class-c', '--json', '--data', data]);
    expect(r.stderr).toContain('gm-1 ptp4l: G.8273.2 class C PASS');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { gate: unknown; devices: { summary: { instances: { offset: { count: number }[] }[] } }[] };
    expect(report.gate).toEqual({ masks: ['g8273.2-class-c'], verdict: 'pass' });
    expect(report.devices[0]!.summary.instances[0]!.offset[0]!.count).toBe(3600);
  });

  it('exits 11 when the chosen mask fails, having written the HTML page (in Chinese with --lang zh-CN)', async () => {
    const html = join(dir, 'ss-s1.html');
    const r = await runCli(['report', '--device', 'ss-s1', ...range, '--mask', 'g8273.2-class-c', '--transient', '1m', '--html', html, '--lang', 'zh-CN', '--data', data]);
    expect(r.status).toBe(11);
    expect(r.stderr).toMatch(/ss-s1 ptp4l: G\.8273\.2 class C FAIL \(maxAbsTe 40 ns against 30 ns\)/);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('判定（g8273.2-class-c）：未通过');
    expect(page.match(/<svg /g)).toHaveLength(3);
  });

  it('exits 12 when the data cannot judge the mask, reading the last hour when no range is given', async () => {
    const r = await runCli(['report', '--device', 'fresh', '--mask', 'class-c', '--json', '--data', data]);
    expect(r.status).toBe(12);
    expect(r.stderr).toContain('INCOMPLETE');
    expect((JSON.parse(r.stdout) as { devices: { summary: { instances: { offset: { count: number }[] }[] } }[] }).devices[0]!.summary.instances[0]!.offset[0]!.count).toBe(110);
  });

  it('exports CSV with a BOM, points to the file and events beside it, and JSON to stdout', async () => {
    const out = join(dir, 'ss-s1.csv');
    const r = await runCli(['export', '--device', 'ss-s1', ...range, '--format', 'csv', '--out', out, '--data', data]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`Wrote 7200 points to ${out} and 3 events to ${join(dir, 'ss-s1.events.csv')}`);
    const csv = readFileSync(out, 'utf8');
    expect(csv.startsWith(`\uFEFFtime_utc,time_ns,device,instance,metric,labels,unit,value,flags\r\n${new Date(T0).toISOString().replace('.000Z', '.000000Z')},${BigInt(T0) * 1_000_000n},ss-s1,ptp4l,`)).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1 + 7200);
    expect(readFileSync(join(dir, 'ss-s1.events.csv'), 'utf8').split('\r\n').filter(Boolean)).toHaveLength(4);
    const json = await runCli(['export', '--device', 'gm-1', ...range, '--format', 'json', '--metric', 'ptp.offset_from_master', '--data', data]);
    expect(json.status).toBe(0);
    const doc = JSON.parse(json.stdout) as { series: { metric: string; points: unknown[] }[]; events: unknown[] };
    expect(doc.series.map((s) => [s.metric, s.points.length])).toEqual([['ptp.offset_from_master', 3600]]);
    expect(doc.events).toHaveLength(3);
    expect(readdirSync(dir).filter((n) => n.includes('partial'))).toEqual([]);
  });

  it('reports on a whole session without --from/--to: every device of it, gated together', async () => {
    const cap = await runCli(['sessions', 'capture', '--name', 'run-7', '--device', 'gm-1', '--device', 'ss-s1', ...range, '--data', data]);
    expect(cap.stderr).toBe('');
    const r = await runCli(['report', '--session', 'run-7', '--mask', 'class-c', '--json', '--data', data]);
    expect(r.status).toBe(11);
    const report = JSON.parse(r.stdout) as { source: { kind: string; name: string }; fromMs: number; toMs: number; devices: { summary: { name: string } }[] };
    expect(report.source).toMatchObject({ kind: 'session', name: 'run-7' });
    expect([report.fromMs, report.toMs]).toEqual([T0, T0 + 3_600_000]);
    expect(report.devices.map((d) => d.summary.name).sort()).toEqual(['gm-1', 'ss-s1']);
    expect(r.stderr).toContain('gm-1 ptp4l: G.8273.2 class C PASS');
    const one = await runCli(['export', '--session', 'run-7', '--device', 'gm-1', '--format', 'json', '--metric', 'ptp.offset_from_master', '--data', data]);
    expect((JSON.parse(one.stdout) as { series: { points: unknown[] }[] }).series[0]!.points).toHaveLength(3600);
  });

  it('gates on a user mask from --mask-file, and refuses a file that is not a mask', async () => {
    const masks = join(dir, 'lab-masks.json');
    writeFileSync(masks, JSON.stringify([{ id: 'lab-50', name: 'Lab 50 ns', source: 'our lab', maxAbsTeNs: 50 }]));
    const r = await runCli(['report', '--device', 'ss-s1', ...range, '--mask-file', masks, '--mask', 'lab-50', '--html', join(dir, 'lab.html'), '--data', data]);
    expect(r.stderr).toContain('ss-s1 ptp4l: Lab 50 ns PASS');
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'lab.html'), 'utf8')).toContain('Lab 50 ns');
    writeFileSync(masks, JSON.stringify({ id: 'x', name: 'x', source: 'x', maxAbsTeNs: -1 }));
    const bad = await runCli(['report', '--device', 'ss-s1', '--mask-file', masks, '--json', '--data', data]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(`--mask-file ${masks}: 0.maxAbsTeNs:`);
  });

  it('says plainly what is wrong: no session (exit 3), an unknown mask or no output chosen (exit 2)', async () => {
    const session = await runCli(['report', '--session', 'lab-run-7', '--json', '--data', data]);
    expect(session.status).toBe(3);
    expect(session.stderr).toContain('No session "lab-run-7"');
    const mask = await runCli(['report', '--device', 'gm-1', '--mask', 'class-z', '--json', '--data', data]);
    expect(mask.status).toBe(2);
    expect(mask.stderr).toContain('No timing mask "class-z"');
    const nothing = await runCli(['report', '--device', 'gm-1', '--data', data]);
    expect(nothing.status).toBe(2);
    expect(existsSync(join(dir, 'nothing.html'))).toBe(false);
  });

  it('works the same through a running server (--server), pages of 20,000 rows and all', async () => {
    const served = join(dir, 'served');
    const store = openStore(served);
    try {
      fillHistory(store, { name: 'ss-s2', startMs: T0, seconds: 3600, hz: 8, offsetAt: (i) => i % 7 });
    } finally {
      store.close();
    }
    const server = await startCliServer(['--port', '0', '--metrics-port', 'off', '--data', served]);
    try {
      const out = join(dir, 'served.csv');
      const r = await runCli(['export', '--device', 'ss-s2', ...range, '--format', 'csv', '--no-bom', '--out', out, '--server', server.url]);
      expect(r.stderr).toContain(`Wrote 57600 points to ${out}`);
      expect(readFileSync(out, 'utf8').startsWith('time_utc,')).toBe(true);
      const rep = await runCli(['report', '--device', 'ss-s2', ...range, '--json', '--server', server.url]);
      expect(rep.status).toBe(0);
      expect((JSON.parse(rep.stdout) as { devices: { timing: { analysis: { points: number } }[] }[] }).devices[0]!.timing[0]!.analysis.points).toBe(28_800);
    } finally {
      await server.stop();
    }
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../log';
import { serve, type RunningServer } from '../server/serve';
import { openStore } from '../store/open-store';
import { utcOffsetMinutes } from './import-command';
import { main } from './main';

const SLAVE = readFileSync(join(__dirname, '..', '..', '..', 'shared', 'ptp', 'log', 'fixtures', 'linuxptp-3.1.1-lab-slave-stdout.txt'), 'utf8');

/** Runs the CLI in this process (the same code bin/syncscope.cjs runs), collecting what it prints. */
async function cli(...args: string[]): Promise<{ status: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  try {
    const status = await main(['node', 'syncscope', ...args]);
    return { status, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('syncscope import and sessions', () => {
  let dir: string;
  let server: RunningServer | null = null;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-import-cli-'));
    writeFileSync(join(dir, 'ss-s1.log'), SLAVE);
    writeFileSync(join(dir, 'messages'), SLAVE.split('\n').filter(Boolean).map((l) => l.replace(/^ptp4l\[(\d+)\.(\d+)\]: (.*)$/, (_m, s: string, ms: string, msg: string) => `Dec  7 10:${String(Math.floor(Number(s) / 60) % 60).padStart(2, '0')}:${String(Number(s) % 60).padStart(2, '0')} ss-s2 ptp4l[9]: [${s}.${ms}] ${msg}`)).join('\n'));
  });
  afterEach(async () => {
    await server?.close();
    server = null;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports into a new session with --data, appends to it, lists and deletes it', async () => {
    const data = join(dir, 'data');
    const first = await cli('import', join(dir, 'ss-s1.log'), '--session', 'bench run', '--data', data);
    expect(first).toMatchObject({ status: 0 });
    expect(first.out).toMatch(/Imported 40 lines of 1 file\(s\) into session "bench run": 40 read, 0 unparsed/);
    expect(first.out).toContain('Times: relative');
    const second = await cli('import', join(dir, 'messages'), '--session', 'bench run', '--year', '2026', '--utc-offset', 'Z', '--data', data, '--json');
    expect(second.status).toBe(0);
    expect(JSON.parse(second.out)).toMatchObject({ state: 'done', lines: 40, unparsed: 0, sessionTimeBase: 'relative' });
    const list = await cli('sessions', 'list', '--data', data, '--json');
    const [s] = JSON.parse(list.out) as { name: string; devices: { name: string }[]; files: { file: string; timeBase: string }[] }[];
    expect(s?.devices.map((d) => d.name)).toEqual(['ss-s1', 'ss-s2']);
    expect(s?.files.map((f) => [f.file, f.timeBase])).toEqual([['ss-s1.log', 'relative'], ['messages', 'wall']]);
    expect((await cli('sessions', 'delete', 'BENCH RUN', '--data', data)).out).toBe('Deleted session "bench run"');
    expect((await cli('sessions', 'list', '--data', data)).out).toMatch(/No sessions yet/);
  });

  it('imports through a running server with --server, and says what is wrong with a missing file', async () => {
    server = await serve({ dataDir: join(dir, 'served'), host: '127.0.0.1', port: 0, metricsPort: null, rendererDir: join(dir, 'no-ui'), log: createLogger({ level: 'silent' }), processMetrics: false });
    const r = await cli('import', join(dir, 'ss-s1.log'), '--session', 'remote', '--server', server.url);
    expect(r.status).toBe(0);
    expect(r.out).toContain('into session "remote"');
    expect((await server.engine.handlers['sessions.list']({}, { origin: 'cli' }))[0]).toMatchObject({ name: 'remote', source: 'import' });
    const missing = await cli('import', join(dir, 'nope.log'), '--session', 'remote', '--server', server.url);
    expect(missing.status).toBe(2);
    expect(missing.err).toMatch(/The log .*nope\.log cannot be read/);
  });

  it('captures a window of a device into a session with sessions capture', async () => {
    const data = join(dir, 'capture');
    const store = openStore(data);
    const d = store.devices.add({ transport: 'local', name: 'here', pollIntervalMs: 1000 });
    const t0 = Date.UTC(2026, 11, 7, 10, 0, 0);
    store.series.appendReadings(Array.from({ length: 120 }, (_, i) => ({ deviceId: d.id, instance: 'ptp4l', tUs: (t0 + i * 1000) * 1000, deviceTimeNs: null, values: [{ metric: 'ptp.offset_from_master' as const, value: i }] })));
    store.close();
    const r = await cli('sessions', 'capture', '--name', 'two minutes', '--device', 'HERE', '--from', '2026-12-07T10:00:00Z', '--to', '2026-12-07T10:01:00Z', '--notes', 'from the CLI', '--data', data);
    expect(r).toMatchObject({ status: 0 });
    expect(r.out).toMatch(/^Captured session "two minutes": here, \d+ KiB, id [a-z0-9-]+$/);
    const list = JSON.parse((await cli('sessions', 'list', '--data', data, '--json')).out) as { name: string; notes: string; fromMs: number; toMs: number }[];
    expect(list).toMatchObject([{ name: 'two minutes', notes: 'from the CLI', fromMs: t0, toMs: t0 + 60_000 }]);
    expect((await cli('sessions', 'capture', '--name', 'x', '--device', 'nobody', '--from', '2026-12-07', '--data', data)).status).toBe(3);
  });

  it('reads UTC offsets as people write them', () => {
    expect([utcOffsetMinutes('+01:00'), utcOffsetMinutes('-0530'), utcOffsetMinutes('Z'), utcOffsetMinutes('0')]).toEqual([60, -330, 0, 0]);
    expect(() => utcOffsetMinutes('+25:00')).toThrow(/not a UTC offset/);
  });
});

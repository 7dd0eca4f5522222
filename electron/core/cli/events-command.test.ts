import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliFromSource } from '../../../test/support/cli-source';
import { openStore } from '../store/open-store';

describe('syncscope events --since, on a data folder', { timeout: 90_000 }, () => {
  let dir: string;
  const now = Date.now();
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-events-cli-'));
    const store = openStore(join(dir, 'data'));
    try {
      const dev = store.devices.add({ transport: 'local', name: 'gm-ev', pollIntervalMs: 1000 });
      // Three hours, ninety minutes and ten minutes ago.
      store.series.appendEvents([
        { deviceId: dev.id, instance: null, kind: 'connection', from: null, to: 'online', detail: {}, tMs: now - 3 * 3_600_000 },
        { deviceId: dev.id, instance: 'ptp4l', kind: 'port-state', from: 'UNCALIBRATED', to: 'SLAVE', detail: { port: 1 }, tMs: now - 90 * 60_000 },
        { deviceId: dev.id, instance: 'ptp4l', kind: 'gm-change', from: 'aa', to: 'bb', detail: {}, tMs: now - 10 * 60_000 },
      ]);
    } finally {
      store.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const events = async (since: string) => {
    const r = await runCliFromSource(['events', '--device', 'gm-ev', '--data', join(dir, 'data'), '--since', since, '--json'], join(dir, 'default'));
    expect(r.stderr).toBe('');
    return (JSON.parse(r.stdout) as { kind: string }[]).map((e) => e.kind);
  };

  it('takes the times export and report take: a duration back (-1h, 2h), ISO 8601 with or without a zone', async () => {
    expect(await events('-1h')).toEqual(['gm-change']);
    expect(await events('2h')).toEqual(['port-state', 'gm-change']);
    expect(await events(new Date(now - 4 * 3_600_000).toISOString().replace('Z', ''))).toEqual(['connection', 'port-state', 'gm-change']);
  });

  it('refuses a word it cannot read as a time, exit 2, saying what it takes', async () => {
    const r = await runCliFromSource(['events', '--device', 'gm-ev', '--data', join(dir, 'data'), '--since', 'yesterday'], join(dir, 'default'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--since: "yesterday" is not a time.');
    expect(r.stderr).toContain('duration back from now such as 2h');
  });
});

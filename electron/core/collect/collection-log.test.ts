import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { Engine } from '../engine';
import { createLogger } from '../log';
import { waitFor } from '../../../test/support/engine-server';

const dir = mkdtempSync(join(tmpdir(), 'syncscope-collection-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('logs a dead device once, not once per retry', async () => {
  const logFile = join(dir, 'engine.log');
  const engine = new Engine({ dataDir: join(dir, 'data'), processMetrics: false, log: createLogger({ destination: logFile, format: 'json', level: 'info' }) });
  try {
    await engine.start();
    // Nothing listens on port 1 of the loopback: every retry is refused at once.
    const dev = await engine.handlers['devices.add'](
      { transport: 'ssh', name: 'dead', host: '127.0.0.1', sshPort: 1, user: 'root', auth: { kind: 'password', password: 'x' }, instances: [{ name: 'ptp4l', udsPath: '/var/run/ptp4l' }], pollIntervalMs: 1000 },
      { origin: 'test' },
    );
    let retries = 0;
    const off = engine.subscribe((m) => {
      if (m.event === 'device.status' && m.payload.deviceId === dev.id && m.payload.connection === 'offline') retries++;
    });
    await waitFor('three refused attempts', () => retries >= 3, 15_000);
    off();
    const warnings = readFileSync(logFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { level: number; device?: string })
      .filter((r) => r.level === 40 && r.device === 'dead');
    expect(warnings).toHaveLength(1);
  } finally {
    await engine.close();
  }
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/contract/dispatch';
import { offlineEngine } from '../../test/support/offline-engine';
import { createLogger } from './log';

const actor = { origin: 'test' as const };

describe('the engine behind the contract', () => {
  it('never writes a device secret to its log, even at trace level', async () => {
    const logDir = mkdtempSync(join(tmpdir(), 'syncscope-log-'));
    const logFile = join(logDir, 'engine.log');
    const { engine, close } = offlineEngine(createLogger({ level: 'trace', destination: logFile }));
    const added = await dispatch(engine.handlers, { method: 'devices.add', params: { transport: 'ssh', name: 'gm', host: '192.0.2.1', user: 'root', auth: { kind: 'password', password: 'canary-pw-7731' } } }, actor);
    expect(added.ok).toBe(true);
    engine.log.info({ params: { auth: { kind: 'password', password: 'canary-pw-7731' } } }, 'a careless log line');
    const listed = await dispatch(engine.handlers, { method: 'devices.list', params: {} }, actor);
    expect(JSON.stringify(listed)).not.toContain('canary-pw-7731');
    await close();
    const log = readFileSync(logFile, 'utf8');
    expect(log).toContain('device added');
    expect(log).not.toContain('canary-pw-7731');
    rmSync(logDir, { recursive: true, force: true });
  });

  it('answers an unknown method or bad params with an error value, not an exception', async () => {
    const { engine, close } = offlineEngine();
    expect(await dispatch(engine.handlers, { method: 'devices.format' }, actor)).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await dispatch(engine.handlers, 'garbage', actor)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatch(engine.handlers, { method: 'devices.remove', params: { id: 'no-such-device' } }, actor)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await dispatch(engine.handlers, { method: 'devices.add', params: { transport: 'ssh', name: 'x', host: 'h', user: 'root', sshPort: 0, auth: { kind: 'password', password: 'p' } } }, actor)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'sshPort' },
    });
    await close();
  });
});

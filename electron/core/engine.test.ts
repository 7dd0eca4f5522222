import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/contract/dispatch';
import { offlineEngine } from '../../test/support/offline-engine';
import { createLogger } from './log';

const actor = { origin: 'test' as const };
const KEY_BODY = 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW';
const KEY = `-----BEGIN OPENSSH PRIVATE KEY-----\n${KEY_BODY}\nQyNTUxOQAAACBcanaryKeyLineTwoXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\n-----END OPENSSH PRIVATE KEY-----\n`;

describe('the engine behind the contract', () => {
  it('never writes a device secret to its log, wherever in a line it turns up', async () => {
    const logDir = mkdtempSync(join(tmpdir(), 'syncscope-log-'));
    const logFile = join(logDir, 'engine.log');
    const { engine, close } = offlineEngine(createLogger({ level: 'trace', destination: logFile }));
    const added = await dispatch(engine.handlers, { method: 'devices.add', params: { transport: 'ssh', name: 'gm', host: '192.0.2.1', user: 'root', auth: { kind: 'password', password: 'canary-pw-7731' } } }, actor);
    expect(added.ok).toBe(true);
    await dispatch(engine.handlers, { method: 'devices.add', params: { transport: 'ssh', name: 's1', host: '192.0.2.2', user: 'root', auth: { kind: 'privateKey', privateKey: KEY } } }, actor);
    // Under field names the path redactor does not know, inside an error's message and stack, in the message itself.
    engine.log.warn({ detail: { attempt: [{ tried: 'canary-pw-7731' }] }, stdout: `login: root\npassword canary-pw-7731 rejected` }, 'a careless log line');
    engine.log.error({ err: new Error('ssh2 said: auth failed for root:canary-pw-7731@192.0.2.1') }, 'login failed');
    engine.log.info(`retrying with canary-pw-7731 and key line ${KEY_BODY}`);
    engine.log.debug({ dump: KEY }, 'key dump');
    const listed = await dispatch(engine.handlers, { method: 'devices.list', params: {} }, actor);
    expect(JSON.stringify(listed)).not.toContain('canary-pw-7731');
    await close();
    const log = readFileSync(logFile, 'utf8');
    expect(log).toContain('device added');
    expect(log).toContain('login failed');
    expect(log).toContain('[redacted]');
    expect(log).not.toContain('canary-pw-7731');
    expect(log).not.toContain(KEY_BODY);
    expect(log).not.toContain('canaryKeyLineTwo');
    rmSync(logDir, { recursive: true, force: true });
  });

  it('answers an unknown method or bad params with an error value, not an exception', async () => {
    const { engine, close } = offlineEngine();
    expect(await dispatch(engine.handlers, { method: 'devices.format' }, actor)).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await dispatch(engine.handlers, 'garbage', actor)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatch(engine.handlers, { method: 'devices.remove', params: { id: 'no-such-device' } }, actor)).toMatchObject({ ok: false, error: { code: 'not-found', messageId: 'device.not-found', params: { id: 'no-such-device' } } });
    expect(await dispatch(engine.handlers, { method: 'devices.add', params: { transport: 'ssh', name: 'x', host: 'h', user: 'root', sshPort: 0, auth: { kind: 'password', password: 'p' } } }, actor)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'sshPort' },
    });
    await close();
  });

  it('tells its own consoles (IPC, CLI) where the data lives', async () => {
    const { engine, dataDir, close } = offlineEngine();
    expect(await dispatch(engine.handlers, { method: 'engine.hello' }, { origin: 'ipc' })).toMatchObject({ ok: true, value: { dataDir } });
    await close();
  });
});

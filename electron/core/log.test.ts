import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseLogFormat, createLogger } from './log';

describe('engine log lines', () => {
  const logTo = (format: 'pretty' | 'json') => {
    const dir = mkdtempSync(join(tmpdir(), 'syncscope-logfmt-'));
    const file = join(dir, 'log');
    const log = createLogger({ destination: file, format, level: 'info' });
    log.warn({ device: 'gm-1', code: 'ssh-refused', detail: { port: 2 } }, 'Connection to 10.0.0.1:2 was refused.');
    log.error({ err: new Error('boom') }, 'sync failed');
    const text = readFileSync(file, 'utf8');
    rmSync(dir, { recursive: true, force: true });
    return text.trimEnd().split('\n');
  };

  it('are one readable line per event in pretty form', () => {
    const lines = logTo('pretty');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d WARN {2}Connection to 10\.0\.0\.1:2 was refused\. {2}device=gm-1 code=ssh-refused detail=\{"port":2\}$/);
    expect(lines[1]).toMatch(/ERROR sync failed {2}err="boom"$/);
  });

  it('are JSON records in json form', () => {
    const lines = logTo('json');
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ level: 40, device: 'gm-1', msg: 'Connection to 10.0.0.1:2 was refused.' });
  });

  it('are JSON when written to a file or asked for, readable on a terminal', () => {
    expect(chooseLogFormat('/var/log/syncscope.log', {})).toBe('json');
    expect(chooseLogFormat(2, { SYNCSCOPE_LOG_FORMAT: 'json' })).toBe('json');
    expect(chooseLogFormat('/var/log/syncscope.log', { SYNCSCOPE_LOG_FORMAT: 'pretty' })).toBe('pretty');
  });
});

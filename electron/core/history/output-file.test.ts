import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { errorValueOf } from '../../../shared/domain/errors';
import { openOutputFile, writeOutputFile } from './output-file';

describe('output files a person chose', () => {
  const dir = mkdtempSync(join(tmpdir(), 'syncscope-out-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('appears under its name only once complete, replacing an older file in one step', async () => {
    const target = join(dir, 'run.csv');
    writeFileSync(target, 'old');
    const f = openOutputFile(target);
    for (let i = 0; i < 2000; i++) await f.write(`${'x'.repeat(1000)}\n`);
    expect(readFileSync(target, 'utf8')).toBe('old');
    await f.commit();
    expect(readFileSync(target, 'utf8')).toHaveLength(2000 * 1001);
    expect(readdirSync(dir)).toEqual(['run.csv']);
  });

  it('leaves nothing behind when aborted, and says why it cannot write', async () => {
    const f = openOutputFile(join(dir, 'cancelled.json'));
    await f.write('{');
    await f.abort();
    expect(existsSync(join(dir, 'cancelled.json'))).toBe(false);
    expect(readdirSync(dir).filter((n) => n.includes('partial'))).toEqual([]);
    const missing = await writeOutputFile(join(dir, 'no-such-folder', 'r.html'), 'x').catch(errorValueOf);
    expect(missing).toMatchObject({ messageId: 'history.output-unwritable', message: expect.stringContaining('does not exist') });
    expect(() => openOutputFile(dir)).toThrow(/it is a folder/);
  });
});

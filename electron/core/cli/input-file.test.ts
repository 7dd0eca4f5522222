import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliLanguage, readInputFile } from './input-file';

const dir = mkdtempSync(join(tmpdir(), 'syncscope-input-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readInputFile', () => {
  it('reads a file whole as UTF-8', () => {
    writeFileSync(join(dir, 'q.txt'), 'qdisc taprio 100: root\n时间\n');
    expect(readInputFile(join(dir, 'q.txt'))).toEqual({ text: 'qdisc taprio 100: root\n时间\n' });
  });

  it('says why a file cannot be read instead of throwing', () => {
    expect(readInputFile(join(dir, 'missing.json'))).toEqual({ reason: 'ENOENT' });
    expect(readInputFile(dir)).toEqual({ reason: 'EISDIR' });
  });

  it('takes zh-CN and falls back to English for any other --lang', () => {
    expect([cliLanguage('zh-CN'), cliLanguage('en'), cliLanguage('fr'), cliLanguage(undefined)]).toEqual(['zh-CN', 'en', 'en', 'en']);
  });
});

import { describe, expect, it } from 'vitest';
import { fileNameOf } from './download';

describe('download file names', () => {
  it('keeps letters (any script), digits, dots and dashes; replaces separators and reserved characters', () => {
    expect(fileNameOf('lab run 3', '.csv')).toBe('lab_run_3.csv');
    expect(fileNameOf('../etc/passwd', '.json')).toBe('etc_passwd.json');
    expect(fileNameOf('实验室 会话:1', '.html')).toBe('实验室_会话_1.html');
    expect(fileNameOf('///', '.csv')).toBe('syncscope.csv');
  });
});

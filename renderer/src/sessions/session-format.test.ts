import { describe, expect, it } from 'vitest';
import { formatBytes, sessionRangeSec, sessionWindow } from './session-format';

describe('session text', () => {
  it('writes sizes in binary units', () => {
    expect(formatBytes(812)).toBe('812 B');
    expect(formatBytes(14_540)).toBe('14.2 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
    expect(formatBytes(300 * 1024 * 1024)).toBe('300 MB');
  });

  it('says an empty session has no window, and gives a one-sample window a drawable span', () => {
    expect(sessionWindow({ fromMs: null, toMs: null, timeBase: 'wall' }, 'en')).toBeNull();
    expect(sessionRangeSec({ fromMs: 1000, toMs: 1000 })).toEqual({ min: -29, max: 31 });
    expect(sessionWindow({ fromMs: 0, toMs: 3_600_000, timeBase: 'wall' }, 'en')?.span).toBe('1 h');
    expect(sessionWindow({ fromMs: 0, toMs: 3_660_000, timeBase: 'wall' }, 'zh-CN')?.span).toBe('1 小时 1 分钟');
  });
});

import { describe, expect, it } from 'vitest';
import { catalogError, ERROR_CATALOG, errorText, fillTemplate } from './catalog';
import type { ErrorEntry } from './catalog-types';

const placeholders = (s: string | undefined) => [...(s ?? '').matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the error catalog', () => {
  it('has every entry in English and Simplified Chinese, with the same placeholders in both', () => {
    for (const [id, raw] of Object.entries(ERROR_CATALOG)) {
      const entry: ErrorEntry = raw;
      expect(entry.en.message, id).not.toBe('');
      expect(entry['zh-CN'].message, id).toMatch(/[\u4e00-\u9fff]/);
      expect(placeholders(entry['zh-CN'].message), id).toEqual(placeholders(entry.en.message));
      expect(placeholders(entry['zh-CN'].hint), id).toEqual(placeholders(entry.en.hint));
      expect(Boolean(entry['zh-CN'].hint), id).toBe(Boolean(entry.en.hint));
    }
  });

  it('builds an ErrorValue with English text and renders the same id in Chinese', () => {
    const e = catalogError('device.name-taken', { name: 'gm-1' }, { field: 'name' });
    expect(e).toMatchObject({ code: 'conflict', field: 'name', messageId: 'device.name-taken', message: 'name: a device named "gm-1" exists already.' });
    expect(errorText(e, 'zh-CN').message).toBe('名称：已存在名为“gm-1”的设备。');
    expect(errorText(e, 'en').message).toBe(e.message);
  });

  it('falls back to the carried English text for free-text or unknown ids', () => {
    expect(errorText({ code: 'invalid-input', message: 'host: bad', hint: 'fix it' }, 'zh-CN')).toEqual({ message: 'host: bad', hint: 'fix it' });
    expect(errorText({ code: 'internal', message: 'x', messageId: 'no.such.id' }, 'zh-CN')).toEqual({ message: 'x' });
  });

  it('leaves an unknown placeholder visible and does not read inherited properties', () => {
    expect(fillTemplate('a {{b}} {{toString}}', { b: 1 })).toBe('a 1 {{toString}}');
  });
});

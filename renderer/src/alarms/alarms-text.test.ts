import { describe, expect, it } from 'vitest';
import { alarmsEn, alarmsZhCN } from '../i18n/alarms-text';

type Tree = { [k: string]: string | Tree };

function leaves(t: Tree, prefix = ''): [string, string][] {
  return Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('alarm screen text', () => {
  it('has every English string in Simplified Chinese, in Chinese, with the same placeholders', () => {
    const zh = new Map(leaves(alarmsZhCN));
    for (const [key, en] of leaves(alarmsEn)) {
      const text = zh.get(key);
      expect(text, key).toMatch(/[\u4e00-\u9fff]/);
      expect(placeholders(text ?? ''), key).toEqual(placeholders(en));
    }
    expect(zh.size).toBe(leaves(alarmsEn).length);
  });
});

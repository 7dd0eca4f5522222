import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';

function keyPaths(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
}

describe('i18n resources', () => {
  it('English and 简体中文 have identical key sets', () => {
    expect(keyPaths(zhCN).sort()).toEqual(keyPaths(en).sort());
  });

  it('every translation is a non-empty string with the same {{placeholders}} as English', () => {
    const lookup = (root: unknown, path: string): unknown =>
      path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
    for (const path of keyPaths(en)) {
      const english = lookup(en, path);
      const chinese = lookup(zhCN, path);
      expect(typeof chinese, path).toBe('string');
      expect((chinese as string).length, path).toBeGreaterThan(0);
      expect(placeholders(chinese as string), path).toEqual(placeholders(english as string));
    }
  });
});

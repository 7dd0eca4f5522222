import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectStatsOutput } from './detect-output';

const dir = new URL('./fixtures/', import.meta.url);

describe('which saved output a file is', () => {
  it('recognizes every fixture by its content, not its name', () => {
    const expected: [RegExp, string | null][] = [
      [/^tc-.*class/, 'tc-class'],
      [/^tc-/, 'tc-qdisc'],
      [/show-mm-unsupported|json-S-refused/, null],
      [/show-mm/, 'ethtool-mac-merge'],
      [/-T\.txt$/, 'ethtool-timestamping'],
      [/^ethtool-/, 'ethtool-stats'],
      [/proc-stat/, 'proc-stat'],
      [/proc-meminfo/, 'proc-meminfo'],
      [/proc-loadavg/, 'proc-loadavg'],
      [/proc-net-dev/, 'proc-net-dev'],
      [/README/, null],
    ];
    for (const name of readdirSync(dir)) {
      const want = expected.find(([re]) => re.test(name));
      expect(want, name).toBeDefined();
      expect(detectStatsOutput(readFileSync(new URL(name, dir), 'utf8')), name).toBe(want?.[1]);
    }
  });
});

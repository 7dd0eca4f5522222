import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePmcOutput } from '../../shared/ptp/pmc-parse';
import { sampleFromPmc } from '../../shared/ptp/pmc-sample';
import type { BenchResult } from './poll-transport.bench';

/** Cost of turning one real poll's output into a sample, against merely splitting it into lines. */
export function benchPmcParse(iterations = 20_000): BenchResult {
  const text = readFileSync(join(__dirname, '../fixtures/pmc/linuxptp-3.1/slave-poll-combined.txt'), 'utf8');
  const time = (fn: () => unknown) => {
    for (let i = 0; i < 1000; i++) fn();
    const t0 = performance.now();
    for (let i = 0; i < iterations; i++) fn();
    return ((performance.now() - t0) * 1000) / iterations;
  };
  const baseUs = time(() => text.split('\n').map((l) => l.trim()));
  const parseUs = time(() => parsePmcOutput(text));
  const sampleUs = time(() => sampleFromPmc(text, 'd', 0));
  return {
    name: 'pmc parse (one real combined poll output)',
    lines: [
      `baseline  split+trim lines   : ${baseUs.toFixed(2)} µs`,
      `parsePmcOutput             : ${parseUs.toFixed(2)} µs (${(parseUs / baseUs).toFixed(2)}x baseline)`,
      `sampleFromPmc (parse+merge): ${sampleUs.toFixed(2)} µs (${(sampleUs / baseUs).toFixed(2)}x baseline)`,
    ],
  };
}

import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseLogLine } from '../../shared/ptp/log/parse-log-line';
import type { BenchResult } from './poll-transport.bench';

/**
 * linuxptp log parsing against merely reading the same file line by line (issue 7 aims at ≤ 2× the
 * read cost). The file is the lab's real ptp4l output repeated to ~400k lines (~25 MB).
 */
export async function benchLogParse(): Promise<BenchResult> {
  const one = readFileSync(join(__dirname, '../../shared/ptp/log/fixtures/linuxptp-3.1.1-lab-slave-stdout.txt'), 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'syncscope-bench-log-'));
  const file = join(dir, 'ptp4l.log');
  writeFileSync(file, one.repeat(Math.ceil(400_000 / one.split('\n').length)));
  const pass = async (onLine: (line: string) => void) => {
    const t0 = performance.now();
    const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
    for await (const line of lines) onLine(line);
    return performance.now() - t0;
  };
  const median = async (onLine: (line: string) => void) => {
    await pass(onLine);
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) runs.push(await pass(onLine));
    return runs.sort((a, b) => a - b)[2] ?? 0;
  };
  let count = 0;
  let parsed = 0;
  try {
    const readMs = await median(() => count++);
    const parseMs = await median((l) => {
      if (parseLogLine(l).record.kind !== 'unparsed') parsed++;
    });
    const lines = count / 6;
    const rate = (ms: number) => `${((lines / ms) * 1000 / 1e6).toFixed(2)} M lines/s`;
    return {
      name: `linuxptp log parse (${lines} real ptp4l lines from a file, parsed ${Math.round(parsed / 6)})`,
      lines: [`baseline  read lines : ${readMs.toFixed(0)} ms (${rate(readMs)})`, `read + parseLogLine  : ${parseMs.toFixed(0)} ms (${rate(parseMs)}, ${(parseMs / readMs).toFixed(2)}x baseline)`],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

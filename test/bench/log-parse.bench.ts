import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ByteLineSplitter, LineSplitter } from '../../electron/core/transport/line-stream';
import { parseLogLine, type ParsedLine } from '../../shared/ptp/log/parse-log-line';
import { parseLogLineBytes } from '../../shared/ptp/log/parse-log-line-bytes';
import type { BenchResult } from './poll-transport.bench';

/** Passes of each kind; the kinds alternate so a busy machine slows them alike. */
const PASSES = 9;

interface Pass {
  cpuMs: number;
  wallMs: number;
}

const utf8 = (bytes: Buffer, start: number, end: number) => bytes.toString('utf8', start, end);

/**
 * linuxptp log parsing against merely reading the same file line by line (issue 7 aims at ≤ 2× the
 * read cost). The file is the lab's real ptp4l output (the slave's start-up and steady state, so
 * ~18 % event lines) repeated to ~400k lines (~25 MB), read in the file stream's chunks.
 *  - baseline: each line as a string (LineSplitter: the same splitting and UTF-8 decoding LineStream does
 *    for its string listeners, such as pmc's), the way any line reader gives them;
 *  - parse: what the log follower does, every line into the ParsedLine it queues: lines as byte ranges
 *    (ByteLineSplitter, as LineStream hands them over), parseLogLineBytes on each, the records queued
 *    and taken after each chunk (as a poll takes them);
 *  - the same with each line as a string and parseLogLine (the follower before it read bytes).
 */
export async function benchLogParse(): Promise<BenchResult> {
  const one = readFileSync(join(__dirname, '../../shared/ptp/log/fixtures/linuxptp-3.1.1-lab-slave-stdout.txt'), 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'syncscope-bench-log-'));
  const file = join(dir, 'ptp4l.log');
  writeFileSync(file, one.repeat(Math.ceil(400_000 / one.split('\n').length)));
  /** CPU ms of the pass (this process, user + system: the cost, even while other work shares the cores) and wall ms. */
  const pass = async (splitter: ByteLineSplitter, afterChunk: () => void = () => undefined): Promise<Pass> => {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    for await (const chunk of createReadStream(file)) {
      splitter.push(chunk as Buffer);
      afterChunk();
    }
    splitter.end();
    afterChunk();
    const cpu = process.cpuUsage(cpu0);
    return { cpuMs: (cpu.user + cpu.system) / 1000, wallMs: performance.now() - t0 };
  };
  let lines = 0;
  let parsed = 0;
  let unparsed = 0;
  let queue: ParsedLine[] = [];
  const take = () => {
    for (const p of queue) if (p.record.kind === 'unparsed') unparsed++;
    parsed += queue.length;
    queue = [];
  };
  const kinds = {
    read: () => pass(new LineSplitter(16 * 1024, () => lines++)),
    parse: () => pass(new ByteLineSplitter(16 * 1024, (bytes, start, end) => queue.push(parseLogLineBytes(bytes, start, end, utf8))), take),
    parseText: () => pass(new LineSplitter(16 * 1024, (line) => queue.push(parseLogLine(line))), take),
    lineEnds: () => pass(new ByteLineSplitter(16 * 1024, () => lines++)),
  };
  try {
    const runs: Record<keyof typeof kinds, Pass[]> = { read: [], parse: [], parseText: [], lineEnds: [] };
    for (const run of Object.values(kinds)) await run();
    lines = 0;
    parsed = 0;
    unparsed = 0;
    for (let i = 0; i < PASSES; i++) for (const [kind, run] of Object.entries(kinds)) runs[kind as keyof typeof kinds].push(await run());
    const perPass = lines / PASSES / 2;
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
    const cpu = (k: keyof typeof kinds) => median(runs[k].map((x) => x.cpuMs));
    const wall = (k: keyof typeof kinds) => median(runs[k].map((x) => x.wallMs));
    const r = cpu('read');
    const rate = (ms: number) => `${((perPass / ms) * 1000 / 1e6).toFixed(2)} M lines/s`;
    const row = (k: keyof typeof kinds) => `${cpu(k).toFixed(0)} ms CPU (${rate(cpu(k))}, ${(cpu(k) / r).toFixed(2)}x baseline; wall ${(wall(k) / wall('read')).toFixed(2)}x)`;
    return {
      name: `linuxptp log parse (${perPass} real ptp4l lines from a file, ${parsed / PASSES / 2 - unparsed / PASSES / 2} parsed, ${unparsed / PASSES / 2} unparsed; CPU time, median of ${PASSES} alternating passes)`,
      lines: [
        `baseline  read + split into line strings (LineSplitter)              : ${r.toFixed(0)} ms CPU (${rate(r)}; wall ${wall('read').toFixed(0)} ms)`,
        `read + split + parse every line, as the follower (bytes, queued)     : ${row('parse')}, aim ≤ 2x`,
        `  parsing's share                                                    : ${(((cpu('parse') - cpu('lineEnds')) / perPass) * 1e6).toFixed(0)} ns CPU a line over finding the line ends alone`,
        `read + split into strings + parseLogLine (the follower before)       : ${row('parseText')}`,
        `read + find line ends only, no string made (ByteLineSplitter)        : ${row('lineEnds')}; the follower's parse is ${(cpu('parse') / cpu('lineEnds')).toFixed(2)}x this`,
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

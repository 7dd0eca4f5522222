import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LineSplitter } from '../../electron/core/transport/line-stream';
import { parseLogLine } from '../../shared/ptp/log/parse-log-line';
import type { BenchResult } from './poll-transport.bench';

/** Passes of each kind; read and parse passes alternate so a busy machine slows both alike. */
const PASSES = 9;

/**
 * linuxptp log parsing against merely reading the same file line by line (issue 7 aims at ≤ 2× the
 * read cost). The file is the lab's real ptp4l output (the slave's start-up and steady state, so
 * ~18 % event lines) repeated to ~400k lines (~25 MB). The baseline gets its lines the way the log
 * follower does: chunks split by the transports' LineSplitter into strings; the parse pass does the
 * same and hands every line to parseLogLine.
 */
export async function benchLogParse(): Promise<BenchResult> {
  const one = readFileSync(join(__dirname, '../../shared/ptp/log/fixtures/linuxptp-3.1.1-lab-slave-stdout.txt'), 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'syncscope-bench-log-'));
  const file = join(dir, 'ptp4l.log');
  writeFileSync(file, one.repeat(Math.ceil(400_000 / one.split('\n').length)));
  /** CPU ms of the pass (this process, user + system: the cost, even while other work shares the cores) and wall ms. */
  const pass = async (onLine: (line: string) => void, afterChunk: () => void = () => undefined) => {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const splitter = new LineSplitter(16 * 1024, onLine);
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
  const read = () => pass(() => lines++);
  const parse = () =>
    pass((l) => {
      if (parseLogLine(l).record.kind !== 'unparsed') parsed++;
    });
  // The same parsing with the lines of each chunk queued first and parsed together after it.
  let queued: string[] = [];
  const parseQueued = () => {
    for (const l of queued) if (parseLogLine(l).record.kind !== 'unparsed') parsed++;
    queued = [];
  };
  const batched = () => pass((l) => queued.push(l), parseQueued);
  try {
    await read();
    await parse();
    await batched();
    lines = 0;
    parsed = 0;
    const readRuns: { cpuMs: number; wallMs: number }[] = [];
    const parseRuns: { cpuMs: number; wallMs: number }[] = [];
    const batchedRuns: { cpuMs: number; wallMs: number }[] = [];
    for (let i = 0; i < PASSES; i++) {
      readRuns.push(await read());
      parseRuns.push(await parse());
      batchedRuns.push(await batched());
    }
    const perPass = lines / PASSES;
    // The same lines already in memory, parsed in a tight loop: what the parser costs without the reading around it.
    const inMemory: string[] = [];
    await pass((l) => inMemory.push(l));
    const memoryNs: number[] = [];
    let unparsed = 0;
    for (let i = 0; i < PASSES; i++) {
      const cpu0 = process.cpuUsage();
      for (const l of inMemory) if (parseLogLine(l).record.kind === 'unparsed') unparsed++;
      const cpu = process.cpuUsage(cpu0);
      memoryNs.push(((cpu.user + cpu.system) * 1000) / inMemory.length);
    }
    const median = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)] ?? NaN;
    const r = median(readRuns.map((x) => x.cpuMs));
    const p = median(parseRuns.map((x) => x.cpuMs));
    const rw = median(readRuns.map((x) => x.wallMs));
    const pw = median(parseRuns.map((x) => x.wallMs));
    const b = median(batchedRuns.map((x) => x.cpuMs));
    const rate = (ms: number) => `${((perPass / ms) * 1000 / 1e6).toFixed(2)} M lines/s`;
    return {
      name: `linuxptp log parse (${perPass} real ptp4l lines from a file, ${Math.round(parsed / PASSES / 2)} parsed, ${unparsed / PASSES} unparsed; CPU time, median of ${PASSES} alternating passes)`,
      lines: [
        `baseline  read + split lines (LineSplitter, as the follower) : ${r.toFixed(0)} ms CPU (${rate(r)}; wall ${rw.toFixed(0)} ms)`,
        `read + split + parseLogLine                                 : ${p.toFixed(0)} ms CPU (${rate(p)}, ${(p / r).toFixed(2)}x baseline, aim ≤ 2x; wall ${pw.toFixed(0)} ms, ${(pw / rw).toFixed(2)}x)`,
        `parsing alone                                               : ${(((p - r) / perPass) * 1e6).toFixed(0)} ns CPU per line (${median(memoryNs).toFixed(0)} ns on lines already in memory)`,
        `read + split, each chunk's lines queued, then parsed        : ${b.toFixed(0)} ms CPU (${(b / r).toFixed(2)}x baseline): parsing between splits costs more than after them`,
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

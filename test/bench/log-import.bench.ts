import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import type { BenchResult } from './poll-transport.bench';

/**
 * Importing a big ptp4l log into a session (issue 8: a 1 GB log, lines/s against `wc -l` on the same
 * file, peak RSS < 150 MB). The file is real lab output (the slave's capture in the fixtures, and the
 * lab's live ptp4l logs when the lab is up) repeated, each repetition's `[seconds]` moved on past the
 * last so time only grows, written to a temp folder and deleted after. The import runs in a child
 * process of its own (bundled as the engine is) so its peak RSS (VmHWM) is the import's alone. SYNCSCOPE_BENCH_IMPORT_MB sets
 * the size (default 1024).
 */

const FIXTURE = join(__dirname, '../../shared/ptp/log/fixtures/linuxptp-3.1.1-lab-slave-stdout.txt');
const LAB_LOGS = ['/run/syncscope-lab/ss-s1/ptp4l.log', '/run/syncscope-lab/ss-fs1/ptp4l.log', '/run/syncscope-lab/ss-fs2/ptp4l.log'];

/** Writes `mb` MiB of real lines whose monotonic stamps keep increasing; returns the line count. */
function writeLog(file: string, mb: number): number {
  const sources = [FIXTURE, ...LAB_LOGS.filter((f) => existsSync(f))].map((f) => readFileSync(f, 'utf8').split('\n').filter((l) => /^ptp4l\[\d+\.\d{3}\]: /.test(l)));
  const lines = sources.flat();
  const stamps = lines.map((l) => Number(/^ptp4l\[(\d+\.\d{3})\]/.exec(l)![1]));
  const rests = lines.map((l) => l.slice(l.indexOf(']: ')));
  const fd = openSync(file, 'w');
  let bytes = 0;
  let count = 0;
  let base = 0;
  try {
    while (bytes < mb * 1048576) {
      const parts: string[] = [];
      let last = base;
      for (let i = 0; i < lines.length; i++) {
        // Within a repetition the sources' stamps are kept as they were, lifted above everything before.
        const t = base + (stamps[i] as number);
        if (t > last) last = t;
        parts.push(`ptp4l[${t.toFixed(3)}${rests[i]}\n`);
      }
      const text = parts.join('');
      writeSync(fd, text);
      bytes += Buffer.byteLength(text);
      count += lines.length;
      base = Math.ceil(last) + 1;
    }
  } finally {
    closeSync(fd);
  }
  return count;
}

export interface ChildResult {
  lines: number;
  parsed: number;
  unparsed: number;
  wallMs: number;
  cpuMs: number;
  peakRssKiB: number;
  /** Peak RSS before the import started (node, the bundle, SQLite opened). */
  startRssKiB: number;
  /** Peak RSS when the last line was read, before the file was finished (WAL folded in, VACUUM). */
  readRssKiB: number;
  sessionBytes: number;
}

/** The child bundled like the shipped engine (esbuild, better-sqlite3 external), so its RSS is the import's and not a TypeScript loader's. */
function bundleChild(dir: string): string {
  const out = join(dir, 'log-import-child.cjs');
  buildSync({ entryPoints: [join(__dirname, 'log-import-child.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['better-sqlite3'], outfile: out, logLevel: 'error' });
  return out;
}

export async function benchLogImport(mb = Number(process.env.SYNCSCOPE_BENCH_IMPORT_MB ?? 1024)): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'syncscope-bench-import-'));
  const file = join(dir, 'ptp4l.log');
  try {
    const written = writeLog(file, mb);
    const size = statSync(file).size;
    // wc is cheap: its best of three, so one unlucky moment on a shared machine does not set the baseline.
    let wcMs = Infinity;
    let wcLines = 0;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const wc = spawnSync('wc', ['-l', file], { encoding: 'utf8' });
      wcMs = Math.min(wcMs, performance.now() - t0);
      wcLines = Number(wc.stdout.trim().split(/\s+/)[0]);
    }
    const child = spawnSync(process.execPath, [bundleChild(dir), file, join(dir, 'data')], { encoding: 'utf8', maxBuffer: 1 << 20, env: { ...process.env, SYNCSCOPE_LOG_LEVEL: 'warn', NODE_PATH: join(__dirname, '../../node_modules') } });
    if (child.status !== 0) throw new Error(`import child failed: ${child.stderr.slice(-2000)}`);
    const r = JSON.parse(child.stdout.trim().split('\n').at(-1) as string) as ChildResult;
    const perS = (n: number, ms: number) => Math.round(n / (ms / 1000));
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    return {
      name: `log import into a session (${(size / 1048576).toFixed(0)} MiB real ptp4l lines, ${wcLines.toLocaleString('en')} lines; load ${load})`,
      lines: [
        `wc -l (baseline): ${wcMs.toFixed(0)} ms, ${perS(wcLines, wcMs).toLocaleString('en')} lines/s`,
        `import: ${(r.wallMs / 1000).toFixed(1)} s wall, ${(r.cpuMs / 1000).toFixed(1)} s CPU, ${perS(r.lines, r.wallMs).toLocaleString('en')} lines/s (${perS(r.lines, r.cpuMs).toLocaleString('en')} per CPU-second): ${(r.wallMs / wcMs).toFixed(0)}x wc -l's time`,
        `lines ${r.lines.toLocaleString('en')} (written ${written.toLocaleString('en')}), parsed ${r.parsed.toLocaleString('en')}, unparsed ${r.unparsed}`,
        `peak RSS of the importing process: ${(r.peakRssKiB / 1024).toFixed(0)} MiB (aim < 150 MiB), ${(r.startRssKiB / 1024).toFixed(0)} MiB of it before the import began, ${(r.readRssKiB / 1024).toFixed(0)} MiB when the last line was read`,
        `session file: ${(r.sessionBytes / 1048576).toFixed(1)} MiB (${((r.sessionBytes / size) * 100).toFixed(1)} % of the log)`,
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchLogImport().then(
    (r) => console.log(`${r.name}\n${r.lines.map((l) => `  ${l}`).join('\n')}`),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}

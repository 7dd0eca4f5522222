import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BitWriter } from '../../shared/history/codec/bit-stream';
import { decodeChunk, encodeChunk } from '../../shared/history/codec/chunk';
import { writeIntColumn } from '../../shared/history/codec/int-column';
import { parseLogLine } from '../../shared/ptp/log/parse-log-line';
import type { BenchResult } from './poll-transport.bench';
import { prometheusBlockBytes, promtoolVersion, type PromBlockBytes, type PromSeries } from './prometheus-block-bytes';

/**
 * Bytes on disk per stored point (issue 8 aims at ≤ 2.0 B for 8 Hz offsets with σ ≈ 3 µs, against
 * Prometheus's ~3.6 B and an entropy of ~1.7 B): our chunk codec over 1-minute and 1024-point
 * chunks (values and times apart, and as a VACUUMed SQLite file with one row per chunk), Prometheus's
 * TSDB built by promtool from the same series (ns as numbers, and seconds as our /metrics exports
 * them), and the entropy floor (the values' histogram, and the times' jitter). Every chunk is decoded
 * back and compared, and promtool's blocks must hold every sample, so no size is that of a lossy
 * encoding. A second, real series comes from the lab's ptp4l logs when the lab is up (its offsets
 * are free-running, software-timestamped, one line per 2 s, stamped in ms by ptp4l).
 */

const POINTS = 57_600; // 2 h at 8 Hz
const PERIOD_US = 125_000;
const SIGMA_NS = 3000;
/** A 2 h boundary (Prometheus cuts blocks there), so the synthetic series fills one block. */
const T0_US = 1_700_006_400_000_000;
/** Issue 8's aim for the synthetic series, bytes per stored point. */
const AIM_B_PER_POINT = 2.0;
const LAB_LOGS = ['ss-s1', 'ss-s2', 'ss-x1', 'ss-fs1'].map((d) => `/run/syncscope-lab/${d}/ptp4l.log`);

interface Series {
  name: string;
  tUs: number[];
  value: number[];
  /** The time each point was due (synthetic series know it): the times' floor is the lateness behind it. */
  slotUs?: number[];
}

/** A seeded xorshift32 uniform in (0, 1), so every run measures the same points. */
function uniform(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) + 0.5) / 2 ** 32;
  };
}

/**
 * Offsets: white Gaussian noise, σ = 3 µs, in whole ns (a locked servo seen at 8 Hz). Times: the
 * collector polls on a fixed 125 ms grid and stamps the reply with Date.now(), so a point lands
 * 1 ms (timer lateness) + an exponential of mean 0.5 ms (the kept-open pmc's round trip) after its
 * slot, floored to the millisecond (`msStamps`), or kept to the µs (the same jitter, stamped finer).
 */
function syntheticSeries(msStamps: boolean): Series {
  const u = uniform(0x5eed);
  const tUs: number[] = [];
  const value: number[] = [];
  const slotUs: number[] = [];
  for (let i = 0; i < POINTS; i++) {
    const lateUs = 1000 - 500 * Math.log(u());
    slotUs.push(T0_US + i * PERIOD_US);
    const t = T0_US + i * PERIOD_US + lateUs;
    tUs.push(msStamps ? Math.floor(t / 1000) * 1000 : Math.floor(t));
    value.push(Math.round(SIGMA_NS * Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u())));
  }
  return { name: `synthetic 8 Hz, σ ${SIGMA_NS / 1000} µs, ${POINTS} points (2 h), times ${msStamps ? 'in ms (Date.now(), as the collector stamps today)' : 'in µs'}`, tUs, value, slotUs };
}

/** The offsets of one lab ptp4l log at the device's own cadence (ptp4l's `[monotonic s.ms]` stamps). */
function labSeries(file: string): Series | null {
  if (!existsSync(file)) return null;
  const tUs: number[] = [];
  const value: number[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const { prefix, record } = parseLogLine(line);
    if (record.kind !== 'ptp4l-sample' || !record.exact || prefix.monotonicS === null) continue;
    tUs.push(T0_US + Math.round(prefix.monotonicS * 1e6));
    value.push(record.offsetNs);
  }
  return tUs.length > 1 ? { name: file, tUs, value } : null;
}

type Chunking = { label: string; points: number } | { label: string; windowUs: number };

/** [start, end) index ranges of each chunk: N points, or the points of each aligned time window. */
function chunkRanges(s: Series, c: Chunking): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  for (let i = 1; i <= s.tUs.length; i++) {
    const cut = 'points' in c ? i - start === c.points : i === s.tUs.length || Math.floor((s.tUs[i] as number) / c.windowUs) !== Math.floor((s.tUs[start] as number) / c.windowUs);
    if (cut || i === s.tUs.length) {
      ranges.push([start, i]);
      start = i;
    }
  }
  return ranges;
}

/** A column's bits as chunks code it now (range-coded residuals, chunk format 2). */
function columnBits(values: readonly number[]): number {
  const w = new BitWriter(values.length * 2 + 16);
  writeIntColumn(w, values, 'range');
  return w.bitLength;
}

interface OurBytes {
  chunks: number;
  chunkBytes: number;
  valueBits: number;
  timeBits: number;
  /** The time column's bits if its times were coded in ms (only when every time is a whole ms). */
  msTimeBits: number | null;
  /** The VACUUMed SQLite file (default 4 KB pages). */
  sqliteBytes: number;
}

interface ChunkRow {
  seriesId: number;
  bytes: Uint8Array;
  stats: ReturnType<typeof encodeChunk>['stats'];
}

/** One row per chunk (integer series id, start, end, count/min/max/sum, the blob), VACUUMed: the file's bytes. */
function sqliteFileBytes(file: string, rows: readonly ChunkRow[]): number {
  const db = new Database(file);
  db.exec(`CREATE TABLE chunk (series_id INTEGER NOT NULL, start_us INTEGER NOT NULL, end_us INTEGER NOT NULL, count INTEGER NOT NULL,
    min INTEGER, max INTEGER, sum INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (series_id, start_us))`);
  const insert = db.prepare('INSERT INTO chunk VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const { seriesId, bytes, stats } of rows) insert.run(seriesId, stats.firstTUs, stats.lastTUs, stats.count, stats.min, stats.max, stats.sum, bytes);
  })();
  db.exec('VACUUM');
  db.close();
  return statSync(file).size;
}

/** Encodes every chunk, checks it decodes to the same points, and measures its columns apart and its SQLite file. */
function ourBytes(dir: string, all: readonly Series[], c: Chunking): OurBytes {
  const rows: ChunkRow[] = [];
  const out: OurBytes = { chunks: 0, chunkBytes: 0, valueBits: 0, timeBits: 0, msTimeBits: 0, sqliteBytes: 0 };
  all.forEach((s, seriesIndex) => {
    for (const [a, b] of chunkRanges(s, c)) {
      const tUs = s.tUs.slice(a, b);
      const value = s.value.slice(a, b);
      const { bytes, stats } = encodeChunk({ tUs, value, flags: new Array<number>(b - a).fill(0) });
      const back = decodeChunk(bytes);
      if (!back.ok || back.chunk.value.some((v, i) => v !== value[i]) || back.chunk.tUs.some((t, i) => t !== tUs[i])) throw new Error(`chunk [${a}, ${b}) of ${s.name} does not decode to its points`);
      rows.push({ seriesId: seriesIndex + 1, bytes, stats });
      out.chunks++;
      out.chunkBytes += bytes.length;
      out.valueBits += columnBits(value);
      out.timeBits += columnBits(tUs);
      if (out.msTimeBits !== null) out.msTimeBits = tUs.every((t) => t % 1000 === 0) ? out.msTimeBits + columnBits(tUs.map((t) => t / 1000)) : null;
    }
  });
  out.sqliteBytes = sqliteFileBytes(join(dir, `chunks-${'points' in c ? c.points : c.windowUs}.db`), rows);
  return out;
}

/** Empirical entropy (bits per symbol) of a histogram of integers: the plug-in estimate and Miller–Madow's bias correction. */
function entropyBits(symbols: Iterable<number>): { plugIn: number; millerMadow: number } {
  const counts = new Map<number, number>();
  let n = 0;
  for (const x of symbols) {
    counts.set(x, (counts.get(x) ?? 0) + 1);
    n++;
  }
  let h = 0;
  for (const k of counts.values()) h -= (k / n) * Math.log2(k / n);
  return { plugIn: h, millerMadow: h + (counts.size - 1) / (2 * n * Math.LN2) };
}

/**
 * Entropy (bits per point) of what the time column has to carry: the lateness behind the due time
 * when the series knows it; otherwise the smaller of two models' residuals: the distance from each
 * chunk's cadence line, or each step's distance from the median step.
 */
function timeJitterBits(all: readonly Series[], c: Chunking): number {
  if (all.every((s) => s.slotUs)) return entropyBits(all.flatMap((s) => s.tUs.map((t, i) => t - (s.slotUs?.[i] ?? 0)))).millerMadow;
  const line: number[] = [];
  const steps: number[] = [];
  for (const s of all) {
    for (const [a, b] of chunkRanges(s, c)) {
      const first = s.tUs[a] as number;
      const step = b - a > 1 ? ((s.tUs[b - 1] as number) - first) / (b - a - 1) : 0;
      for (let i = a; i < b; i++) line.push((s.tUs[i] as number) - Math.round(first + (i - a) * step));
    }
    const deltas = s.tUs.slice(1).map((t, i) => t - (s.tUs[i] as number));
    const median = [...deltas].sort((x, y) => x - y)[deltas.length >> 1] ?? 0;
    steps.push(0, ...deltas.map((d) => d - median));
  }
  return Math.min(entropyBits(line).millerMadow, entropyBits(steps).millerMadow);
}

function standardDeviation(values: readonly number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
}

const bpp = (bytes: number, points: number): string => (bytes / points).toFixed(3);
const pad = (text: string, width: number): string => text.padEnd(width);
/** Width of the table's first column. */
const W = 40;

/** The table of one set of series; `aim` adds issue 8's verdict (its aim is for the 8 Hz σ 3 µs series). */
function compare(dir: string, all: Series[], prom: { ns: PromBlockBytes | null; seconds: PromBlockBytes | null }, chunkings: Chunking[], aim: boolean): string[] {
  const points = all.reduce((a, s) => a + s.tUs.length, 0);
  const values = all.flatMap((s) => s.value);
  const h = entropyBits(values);
  const sigma = standardDeviation(values);
  const analytic = Math.log2(sigma * Math.sqrt(2 * Math.PI * Math.E));
  const jitterBits = timeJitterBits(all, chunkings[0] as Chunking);
  const floor = (h.millerMadow + jitterBits) / 8;
  const lines = [
    `entropy: values ${(h.plugIn / 8).toFixed(3)} B/pt (histogram; Miller–Madow ${(h.millerMadow / 8).toFixed(3)}), Gaussian of σ ${sigma.toFixed(0)} ns log2(σ√(2πe)) ${(analytic / 8).toFixed(3)} B/pt;` +
      ` times' jitter ${(jitterBits / 8).toFixed(3)} B/pt; floor ${floor.toFixed(3)} B/pt`,
    `${pad('', W)}${pad('B/pt', 8)}${pad('values', 8)}${pad('times', 8)}${pad('header', 8)}${pad('SQLite', 8)}${pad('B/chunk row', 13)}${pad('vs floor', 10)}values vs their entropy`,
  ];
  let first: number | null = null;
  const msNotes: string[] = [];
  for (const c of chunkings) {
    const o = ourBytes(dir, all, c);
    first ??= o.chunkBytes / points;
    const header = o.chunkBytes - (o.valueBits + o.timeBits) / 8;
    lines.push(
      `${pad(`ours, ${c.label} (${o.chunks} chunks)`, W)}${pad(bpp(o.chunkBytes, points), 8)}${pad(bpp(o.valueBits / 8, points), 8)}${pad(bpp(o.timeBits / 8, points), 8)}${pad(bpp(header, points), 8)}` +
        `${pad(bpp(o.sqliteBytes, points), 8)}${pad(((o.sqliteBytes - o.chunkBytes) / o.chunks).toFixed(0), 13)}${pad(`${(o.chunkBytes / points / floor).toFixed(2)}x`, 10)}${(o.valueBits / points / h.millerMadow).toFixed(2)}x`,
    );
    if (aim && first === o.chunkBytes / points) {
      const verdict = first <= AIM_B_PER_POINT ? 'met' : 'missed';
      lines.push(`  aim ≤ ${AIM_B_PER_POINT.toFixed(1)} B/pt ${verdict}: ${bpp(o.chunkBytes, points)} B/pt, of which times ${bpp(o.timeBits / 8, points)} and values ${bpp(o.valueBits / 8, points)}`);
    }
    if (o.msTimeBits !== null) msNotes.push(`${c.label} ${bpp(o.msTimeBits / 8, points)} (total ${bpp(o.chunkBytes - (o.timeBits - o.msTimeBits) / 8, points)})`);
  }
  if (msNotes.length > 0) lines.push(`  every time is a whole ms: the same times coded in ms units would cost, in B/pt, ${msNotes.join('; ')}`);
  for (const [label, p] of [['ns as numbers', prom.ns], ['seconds (our /metrics)', prom.seconds]] as const) {
    if (!p) continue;
    lines.push(
      `${pad(`Prometheus TSDB, ${label}`, W)}${pad(bpp(p.chunkBytes, points), 8)}(chunks/ files, ${p.chunks} chunks; whole block ${bpp(p.blockBytes, points)} B/pt, ${(p.chunkBytes / points / floor).toFixed(2)}x the floor)` +
        (first === null ? '' : `: ours (${chunkings[0]?.label}) is ${(first / (p.chunkBytes / points)).toFixed(2)}x its chunks`),
    );
  }
  return lines;
}

function promBytes(dir: string, all: Series[], scale: number): PromBlockBytes {
  const series: PromSeries[] = all.map((s, i) => ({ device: `d${i}`, tUs: s.tUs, value: scale === 1 ? s.value : s.value.map((v) => v / scale) }));
  return prometheusBlockBytes(dir, 'syncscope_ptp_offset_from_master', series);
}

export function benchHistoryBytes(): BenchResult {
  const dir = mkdtempSync(join(tmpdir(), 'syncscope-bench-bytes-'));
  const promtool = promtoolVersion();
  const lines: string[] = [promtool ? `Prometheus: promtool ${promtool} tsdb create-blocks-from openmetrics (its times are ms; ours are µs)` : 'Prometheus: skipped, promtool is not installed (Debian: apt-get install prometheus)'];
  let runs = 0;
  const measure = (title: string, all: Series[], chunkings: Chunking[], aim = false) => {
    const sub = join(dir, String(runs++));
    const prom = promtool ? { ns: promBytes(join(sub, 'ns'), all, 1), seconds: promBytes(join(sub, 's'), all, 1e9) } : { ns: null, seconds: null };
    lines.push('', title, ...compare(sub, all, prom, chunkings, aim).map((l) => `  ${l}`));
  };
  try {
    const eightHz: Chunking[] = [
      { label: '1-minute chunks', windowUs: 60_000_000 },
      { label: '1024-point chunks', points: 1024 },
    ];
    for (const ms of [true, false]) {
      const s = syntheticSeries(ms);
      measure(s.name, [s], eightHz, true);
    }
    const lab = LAB_LOGS.map(labSeries).filter((s): s is Series => s !== null);
    if (lab.length === 0) lines.push('', 'lab ptp4l logs: skipped, the lab is not up (bash test/lab/lab.sh up)');
    else {
      const n = lab.reduce((a, s) => a + s.tUs.length, 0);
      measure(`lab ptp4l offsets, real (software timestamps, free-running, one line per 2 s): ${lab.length} logs, ${n} points, ms stamps`, lab, [
        { label: '1-minute chunks', windowUs: 60_000_000 },
        { label: '1024-point chunks', points: 1024 },
      ]);
    }
    return { name: 'history bytes per stored point (our chunks vs Prometheus TSDB vs entropy)', lines };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

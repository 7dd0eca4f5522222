import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarizeDevices } from '../../electron/core/history/device-summaries';
import { exportPage } from '../../electron/core/history/export-pages';
import { liveHistoryReader } from '../../electron/core/history/history-reader';
import { openStore } from '../../electron/core/store/open-store';
import { fillHistory } from '../support/history-data';
import type { BenchResult } from './poll-transport.bench';

/**
 * Reading history back out: six hours of one 8 Hz device (172,800 readings: offset and path delay,
 * 345,600 points) in the real store. Baseline in the same run: one raw queryRange of each series over
 * the whole window (the store's own decoding; no paging, no formatting). Against it: the summary
 * (both series streamed through percentiles, gaps and port-state time), and the CSV and JSON exports
 * paged as `history.export` serves them (20,000 rows a page), with the heap kept between pages
 * (constant: one page at a time). Run alone: NODE_OPTIONS=--expose-gc npx tsx test/bench/history-export.bench.ts
 */
export async function benchHistoryExport(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'syncscope-bench-export-'));
  const store = openStore(dir, { seriesWrites: { flushEveryMs: 60_000 } });
  try {
    const startMs = Date.now() - 7 * 3_600_000;
    const seconds = 6 * 3600;
    const dev = fillHistory(store, { name: 'bench-1', startMs, seconds, hz: 8, offsetAt: (i) => Math.round(30 * Math.sin(i / 400)) + (i % 5) });
    const reader = liveHistoryReader(store.devices, store.series, dir);
    const fromMs = startMs;
    const toMs = startMs + seconds * 1000;
    const series = reader.listSeries(dev.id);

    // Read twice, timing the second: the page cache and the statements are warm for everything that follows too.
    let points = 0;
    let rawMs = 0;
    for (let pass = 0; pass < 2; pass++) {
      const t0 = performance.now();
      points = 0;
      for (const s of series) points += reader.queryRange({ seriesIds: [s.id], fromUs: fromMs * 1000, toUs: toMs * 1000, latest: 10_000_000 })[0]!.tUs.length;
      rawMs = performance.now() - t0;
    }

    const t1 = performance.now();
    const [summary] = await summarizeDevices(reader, [dev.id], fromMs, toMs);
    const summaryMs = performance.now() - t1;

    const paged = (format: 'csv' | 'json', heap: boolean) => {
      global.gc?.();
      const heap0 = process.memoryUsage().heapUsed;
      let peak = 0;
      let bytes = 0;
      let rows = 0;
      let pages = 0;
      let cursor: string | undefined;
      const t = performance.now();
      do {
        const p = exportPage(reader, { deviceIds: [dev.id], fromMs, toMs, format, table: 'points', maxRows: 20_000, ...(cursor ? { cursor } : {}) });
        bytes += Buffer.byteLength(p.text);
        rows += p.rows;
        pages++;
        cursor = p.cursor ?? undefined;
        if (heap) {
          // With --expose-gc: what a page leaves behind (the export holds one page at a time); without it, garbage counts too.
          global.gc?.();
          peak = Math.max(peak, process.memoryUsage().heapUsed - heap0);
        }
      } while (cursor);
      return { ms: performance.now() - t, bytes, rows, pages, peakMb: peak / 1e6 };
    };
    // Timed passes first; then the same exports again, collecting garbage after each page to see what is kept.
    const csv = { ...paged('csv', false), peakMb: paged('csv', true).peakMb };
    const json = { ...paged('json', false), peakMb: paged('json', true).peakMb };
    const rate = (n: number, ms: number) => `${Math.round(n / (ms / 1000)).toLocaleString('en')}/s`;
    return {
      name: `history out: 6 h of one 8 Hz device (${points.toLocaleString('en')} points in 2 series)`,
      lines: [
        `raw read (baseline), one queryRange per series: ${rawMs.toFixed(0)} ms, ${rate(points, rawMs)} points`,
        `summary (percentiles, gaps, port states): ${summaryMs.toFixed(0)} ms (${(summaryMs / rawMs).toFixed(2)}x the raw read); offset p99 ${summary!.instances[0]!.offset[0]!.abs!.p99} ns`,
        `CSV export, ${csv.pages} pages: ${csv.ms.toFixed(0)} ms (${(csv.ms / rawMs).toFixed(2)}x the raw read), ${rate(csv.rows, csv.ms)} rows, ${(csv.bytes / 1e6).toFixed(1)} MB, ${(csv.bytes / csv.rows).toFixed(0)} B/row, heap kept between pages ≤ ${csv.peakMb.toFixed(1)} MB${global.gc ? '' : ' (run with --expose-gc to leave garbage out)'}`,
        `JSON export, ${json.pages} pages: ${json.ms.toFixed(0)} ms (${(json.ms / rawMs).toFixed(2)}x the raw read), ${rate(json.rows, json.ms)} rows, ${(json.bytes / 1e6).toFixed(1)} MB, heap kept between pages ≤ ${json.peakMb.toFixed(1)} MB`,
      ],
    };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void benchHistoryExport().then((r) => {
    console.log(r.name);
    for (const l of r.lines) console.log(`  ${l}`);
  });
}

import type { Statement } from 'better-sqlite3';
import { chunkRanges, type ChunkWindow } from '../../../shared/history/chunk-window';
import type { ChunkReader } from './chunk-reader';
import { ChunkSink } from './chunk-sink';
import type { Db } from './db';
import { DEVICE_TIME_METRIC } from './series-ids';

type LegacyRow = [t: number, value: number | null, flags: number, deviceTimeNs: string | null];

/**
 * Converts the row-per-point history of schema 3 (`legacy_points` since migration 4) into chunks and
 * rollups, a slice at a time in the background: the oldest rows of one series, cut on whole times,
 * sealed as chunks and deleted in one transaction, so an interrupted conversion resumes where it
 * stopped and no point is in both places. Device times come from the lowest-id series of each
 * (device, instance), whose rows stand for the whole reading. The table goes once empty.
 */
export class LegacyConversion {
  private readonly sink: ChunkSink;
  private stmt: Record<'next' | 'rows' | 'deleteBefore' | 'deleteAll' | 'series' | 'insertStream' | 'stream', Statement> | null = null;
  private readonly step: () => boolean;

  constructor(
    private readonly db: Db,
    private readonly reader: ChunkReader,
    private readonly window: ChunkWindow,
    private readonly sliceRows = 20_000,
  ) {
    this.sink = new ChunkSink(db);
    this.step = db.transaction(() => this.convertSlice());
  }

  /** Converts one slice; false when nothing is left to convert. */
  slice(): boolean {
    if (!this.reader.hasLegacy) return false;
    return this.step();
  }

  private statements() {
    this.stmt ??= {
      next: this.db.prepare('SELECT series_id FROM legacy_points ORDER BY series_id LIMIT 1').pluck(),
      rows: this.db.prepare('SELECT t_us, value, flags, device_time_ns FROM legacy_points WHERE series_id = ? ORDER BY t_us LIMIT ?').raw(),
      deleteBefore: this.db.prepare('DELETE FROM legacy_points WHERE series_id = ? AND t_us < ?'),
      deleteAll: this.db.prepare('DELETE FROM legacy_points WHERE series_id = ?'),
      // The series that speaks for its reading's device time: the lowest id of its (device, instance).
      series: this.db.prepare(
        `SELECT s.device_key, s.instance, s.id = (SELECT MIN(o.id) FROM series o WHERE o.device_key = s.device_key AND o.instance = s.instance AND o.metric <> '${DEVICE_TIME_METRIC}') AS speaks
         FROM series s WHERE s.id = ?`,
      ),
      insertStream: this.db.prepare(`INSERT OR IGNORE INTO series (device_key, instance, metric, labels) VALUES (?, ?, '${DEVICE_TIME_METRIC}', '{}')`),
      stream: this.db.prepare(`SELECT id FROM series WHERE device_key = ? AND instance = ? AND metric = '${DEVICE_TIME_METRIC}' AND labels = '{}'`).pluck(),
    };
    return this.stmt;
  }

  private convertSlice(): boolean {
    const stmt = this.statements();
    const seriesId = stmt.next.get() as number | undefined;
    if (seriesId === undefined) {
      this.db.exec('DROP TABLE legacy_points');
      this.reader.refreshLegacy();
      return false;
    }
    let rows = stmt.rows.all(seriesId, this.sliceRows) as LegacyRow[];
    const whole = rows.length < this.sliceRows;
    // Cut before the last time seen, so every point of a time is converted in the same slice.
    const cutUs = whole ? null : (rows[rows.length - 1] as LegacyRow)[0];
    if (cutUs !== null) {
      const before = rows.filter((r) => r[0] < cutUs);
      rows = before.length > 0 ? before : rows;
    }
    const tUs = rows.map((r) => r[0]);
    const points = { tUs, value: rows.map((r) => r[1]), flags: rows.map((r) => r[2]) };
    for (const [a, b] of chunkRanges(this.window, tUs)) {
      this.sink.write(seriesId, { tUs: tUs.slice(a, b), value: points.value.slice(a, b), flags: points.flags.slice(a, b), length: b - a }, null);
    }
    this.convertDeviceTimes(seriesId, rows);
    if (whole) stmt.deleteAll.run(seriesId);
    else if (rows.length === this.sliceRows) stmt.deleteBefore.run(seriesId, (cutUs as number) + 1);
    else stmt.deleteBefore.run(seriesId, cutUs);
    return true;
  }

  private convertDeviceTimes(seriesId: number, rows: LegacyRow[]): void {
    const stmt = this.statements();
    const s = stmt.series.get(seriesId) as { device_key: number; instance: string; speaks: number } | undefined;
    if (!s || s.speaks !== 1 || !rows.some((r) => r[3] !== null)) return;
    stmt.insertStream.run(s.device_key, s.instance);
    const streamId = stmt.stream.get(s.device_key, s.instance) as number;
    const tUs = rows.map((r) => r[0]);
    for (const [a, b] of chunkRanges(this.window, tUs)) {
      let chunk = { tUs: [] as number[], value: [] as (number | null)[], flags: [] as number[], length: 0 };
      let base: bigint | null = null;
      const seal = () => {
        this.sink.write(streamId, chunk, base, false);
        chunk = { tUs: [], value: [], flags: [], length: 0 };
        base = null;
      };
      for (let i = a; i < b; i++) {
        const [t, , , ns] = rows[i] as LegacyRow;
        let residual: number | null = null;
        if (ns !== null) {
          const diff = BigInt(ns);
          if (base !== null && BigInt(Number(diff - base)) !== diff - base) seal();
          base ??= diff;
          residual = Number(diff - base);
        }
        chunk.tUs.push(t);
        chunk.value.push(residual);
        chunk.flags.push(0);
        chunk.length++;
      }
      seal();
    }
  }
}

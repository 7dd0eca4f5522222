import type { Statement } from 'better-sqlite3';
import { DEFAULT_CHUNK_WINDOW, startsNewChunk, type ChunkWindow } from '../../../shared/history/chunk-window';
import type { SeriesRollups } from '../../../shared/history/rollup/rollup-rows';
import { DEFAULT_RETENTION, type Retention } from '../../../shared/history/tiers';
import type { DeviceEvent } from '../../../shared/series/device-event';
import { isMetricKey } from '../../../shared/series/metric-catalog';
import { canonicalLabels, type Reading } from '../../../shared/series/series';
import type { EventQuery, SeriesColumns, SeriesInfo } from '../../../shared/series/series-query';
import { ChunkReader } from './chunk-reader';
import { ChunkSink } from './chunk-sink';
import { HistoryMaintenance, type HistoryMaintenanceOptions } from './history-maintenance';
import type { Db } from './db';
import { OpenChunk, readSegment } from './open-chunk';
import { DEVICE_TIME_METRIC, SeriesIds } from './series-ids';
import type { RangeQuery, SeriesStore } from './series-store';
import { RollupRows } from './rollup-rows';
import { TieredQuery } from './tiered-query';
import { WriteQueue, type WriteQueueOptions } from './write-queue';

/** A series with no point for this long (15 minutes) has its open chunk sealed. */
const QUIET_DATA_US = 15 * 60_000_000;

/** Readings are queued as they come (no wrapper object per reading); events in a wrapper. */
type Item = Reading | { event: DeviceEvent };

export interface ChunkStoreOptions {
  writes?: WriteQueueOptions;
  /** A chunk holds the points of one aligned window, or at most so many points. */
  chunkWindow?: ChunkWindow;
  /** Open segments of one series before they are rewritten as one. */
  maxSegments?: number;
  retention?: Retention;
  /** Run sealing, hour rollups, conversion and retention on a background timer (only in the process that writes). */
  background?: boolean;
  maintenance?: HistoryMaintenanceOptions;
  /** Wall clock, µs (retention and the query's tier horizon); injectable for tests. */
  nowUs?: () => number;
}

interface SeriesRow {
  id: number;
  device_id: string;
  instance: string;
  metric: string;
  labels: string;
}

interface EventRow {
  id: number;
  device_id: string;
  instance: string | null;
  kind: DeviceEvent['kind'];
  from_value: string | null;
  to_value: string | null;
  detail: string;
  t_ms: number;
}

/**
 * Compressed history behind SeriesStore. Each series' points go into an open chunk (one aligned
 * window, at most chunkMaxPoints), kept on disk as raw segments written with each batch; when the
 * window closes (a later point, or the series going quiet) the chunk is encoded into `chunks` with
 * its minute/day rollups in the same transaction. Device times are a hidden series per (device,
 * instance): exact ns as offsets from a per-chunk decimal base (the chunk's first device time). A reading or
 * event whose device was removed while it waited is dropped, so nothing outlives the purge.
 */
export class ChunkSeriesStore implements SeriesStore {
  readonly retention: Retention;
  readonly nowUs: () => number;
  private readonly queue: WriteQueue<Item>;
  private readonly ids: SeriesIds;
  private readonly sink: ChunkSink;
  readonly reader: ChunkReader;
  private readonly tiered: TieredQuery;
  private readonly rollups: RollupRows;
  private readonly maintenance: HistoryMaintenance;
  private failure: unknown = null;
  private readonly opens = new Map<number, OpenChunk>();
  readonly window: ChunkWindow;
  private readonly maxSegments: number;
  private readonly stmt: Record<'deviceExists' | 'insertEvent' | 'insertSegment' | 'deleteSegments' | 'loadSegments' | 'seriesAlive' | 'openSeries', Statement>;
  private readonly writeBatch: (items: Item[]) => void;
  private readonly sealTx: (seriesId: number, open: OpenChunk) => void;

  constructor(
    private readonly db: Db,
    opts: ChunkStoreOptions = {},
  ) {
    this.window = opts.chunkWindow ?? DEFAULT_CHUNK_WINDOW;
    this.maxSegments = opts.maxSegments ?? 32;
    this.retention = opts.retention ?? DEFAULT_RETENTION;
    this.nowUs = opts.nowUs ?? (() => Date.now() * 1000);
    this.ids = new SeriesIds(db);
    this.sink = new ChunkSink(db);
    this.reader = new ChunkReader(db);
    this.tiered = new TieredQuery(db, this.reader, this.retention, this.nowUs);
    this.rollups = new RollupRows(db, this.reader);
    this.stmt = {
      deviceExists: db.prepare('SELECT 1 FROM devices WHERE id = ?').pluck(),
      insertEvent: db.prepare('INSERT INTO events (device_key, instance, kind, from_value, to_value, detail, t_ms) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      insertSegment: db.prepare('INSERT INTO open_segments (series_id, base_ns, data) VALUES (?, ?, ?)'),
      deleteSegments: db.prepare('DELETE FROM open_segments WHERE series_id = ?'),
      loadSegments: db.prepare('SELECT base_ns, data FROM open_segments WHERE series_id = ? ORDER BY id'),
      seriesAlive: db.prepare('SELECT s.device_key, s.metric FROM series s JOIN device_keys k ON k.key = s.device_key JOIN devices d ON d.id = k.device_id WHERE s.id = ?'),
      openSeries: db.prepare('SELECT DISTINCT series_id FROM open_segments').pluck(),
    };
    const transaction = db.transaction((items: Item[]) => this.write(items));
    this.writeBatch = (items) => {
      try {
        transaction(items);
      } catch (err) {
        this.forgetAll();
        throw err;
      }
    };
    const sealTx = db.transaction((seriesId: number, open: OpenChunk) => this.seal(seriesId, open));
    this.sealTx = (seriesId, open) => {
      try {
        sealTx(seriesId, open);
      } catch (err) {
        this.forgetAll();
        throw err;
      }
    };
    this.queue = new WriteQueue(
      (items) => this.writeBatch(items),
      {
        ...opts.writes,
        onFlushError: (err, queuedRows) => {
          this.failure = err;
          opts.writes?.onFlushError?.(err, queuedRows);
        },
        onRecovered: () => {
          this.failure = null;
          opts.writes?.onRecovered?.();
        },
      },
    );
    this.maintenance = new HistoryMaintenance(db, this, opts.maintenance);
    if (opts.background) this.maintenance.start();
  }

  /** Why the last write failed (disk full, a lock held elsewhere), until a write succeeds again; null when writing. */
  get writeFailure(): unknown {
    return this.failure;
  }

  /** Does the background work (sealing quiet series, hour rollups, conversion, retention) until none is due. */
  settle(): void {
    this.flush();
    this.maintenance.settle();
  }

  appendReadings(readings: readonly Reading[]): void {
    this.queue.push(readings);
  }

  appendEvents(events: readonly DeviceEvent[]): void {
    this.queue.push(events.map((event) => ({ event })));
  }

  flush(): number {
    return this.queue.flush();
  }

  get queued(): number {
    return this.queue.queued;
  }

  close(): void {
    this.maintenance.stop();
    this.queue.close();
  }

  listSeries(deviceId: string): SeriesInfo[] {
    this.flush();
    const rows = this.db
      .prepare('SELECT s.id, k.device_id, s.instance, s.metric, s.labels FROM series s JOIN device_keys k ON k.key = s.device_key WHERE k.device_id = ? ORDER BY s.instance, s.metric, s.labels')
      .all(deviceId) as SeriesRow[];
    return rows
      .filter((r) => isMetricKey(r.metric))
      .map((r) => ({ id: r.id, deviceId: r.device_id, instance: r.instance, metric: r.metric as SeriesInfo['metric'], labels: JSON.parse(r.labels) as SeriesInfo['labels'], lastTUs: this.reader.latestUs(r.id) }));
  }

  queryRange(q: RangeQuery): SeriesColumns[] {
    this.flush();
    const ids = [...(q.seriesIds ?? [])];
    for (const key of q.keys ?? []) {
      const id = this.ids.find(key.deviceId, key.instance, key.metric, canonicalLabels(key.labels));
      if (id !== undefined) ids.push(id);
    }
    return [...new Set(ids)].map((id) => this.tiered.query(id, q));
  }

  queryRollups(seriesId: number, fromUs: number, toUs: number): SeriesRollups {
    this.flush();
    return this.rollups.query(seriesId, fromUs, toUs);
  }

  /** The device's own times of a (device, instance)'s readings in a range: exact ns decimals, null where the reading had none. */
  queryDeviceTimes(deviceId: string, instance: string, fromUs: number, toUs: number): { tUs: number[]; deviceTimeNs: (string | null)[] } {
    this.flush();
    const id = this.ids.find(deviceId, instance, DEVICE_TIME_METRIC, '{}');
    if (id === undefined) return { tUs: [], deviceTimeNs: [] };
    const raw = this.reader.range(id, fromUs, toUs);
    return {
      tUs: raw.tUs,
      deviceTimeNs: raw.value.map((v, i) => {
        const base = raw.baseNs[i];
        return v === null || base === null || base === undefined ? null : (base + BigInt(v)).toString();
      }),
    };
  }

  queryEvents(q: EventQuery): (DeviceEvent & { id: number })[] {
    this.flush();
    const kinds = q.kinds && q.kinds.length > 0 ? q.kinds : null;
    const rows = this.db
      .prepare(
        `SELECT e.id, k.device_id, e.instance, e.kind, e.from_value, e.to_value, e.detail, e.t_ms
         FROM events e JOIN device_keys k ON k.key = e.device_key
         WHERE k.device_id = ? AND e.t_ms >= ? AND e.t_ms <= ? ${kinds ? `AND e.kind IN (${kinds.map(() => '?').join(', ')})` : ''}
         ORDER BY e.t_ms DESC, e.id DESC LIMIT ?`,
      )
      .all(q.deviceId, q.sinceMs ?? 0, q.untilMs ?? Number.MAX_SAFE_INTEGER, ...(kinds ?? []), q.limit) as EventRow[];
    return rows.reverse().map((r) => ({
      id: r.id,
      deviceId: r.device_id,
      instance: r.instance,
      kind: r.kind,
      from: r.from_value,
      to: r.to_value,
      detail: JSON.parse(r.detail) as DeviceEvent['detail'],
      tMs: r.t_ms,
    }));
  }

  /** Points stored for a device (every series, device times not counted), for tests and the purge's progress. */
  pointCount(deviceId: string): number {
    this.flush();
    const legacy = this.reader.hasLegacy ? ' + (SELECT COUNT(*) FROM legacy_points WHERE series_id IN (SELECT id FROM s))' : '';
    return this.db
      .prepare(
        `WITH s AS (SELECT s.id FROM series s JOIN device_keys k ON k.key = s.device_key WHERE k.device_id = ? AND s.metric <> ?)
         SELECT (SELECT COALESCE(SUM(count), 0) FROM chunks WHERE series_id IN (SELECT id FROM s))
              + (SELECT COALESCE(SUM(length(data)), 0) / 24 FROM open_segments WHERE series_id IN (SELECT id FROM s))${legacy}`,
      )
      .pluck()
      .get(deviceId, DEVICE_TIME_METRIC) as number;
  }

  /**
   * Seals open chunks of series that went quiet: no point for QUIET_DATA_US of data time and no
   * append for `quietMs` (so an import of old data is not cut while it runs). A removed device's
   * open chunks are dropped instead. Returns how many it sealed; at most `limit`.
   */
  sealQuiet(quietMs = 10_000, limit = 8): number {
    this.flush();
    const nowUs = this.nowUs();
    let sealed = 0;
    for (const id of this.stmt.openSeries.all() as number[]) {
      if (sealed >= limit) break;
      const alive = this.stmt.seriesAlive.get(id) as { device_key: number; metric: string } | undefined;
      if (!alive) {
        this.opens.delete(id);
        continue;
      }
      const open = this.openOf(id, alive.device_key, alive.metric === DEVICE_TIME_METRIC);
      if (open.length === 0 || nowUs - (open.tUs[open.length - 1] as number) < QUIET_DATA_US || performance.now() - open.touchedMs < quietMs) continue;
      this.sealTx(id, open);
      sealed++;
    }
    return sealed;
  }

  /** Where the series' open chunk starts (µs), null when it has none: hours before it are over. */
  openStartUs(seriesId: number): number | null {
    const open = this.opens.get(seriesId);
    if (open) return open.length > 0 ? (open.tUs[0] as number) : null;
    return this.reader.open(seriesId, -Infinity, Infinity).tUs[0] ?? null;
  }

  private forgetAll(): void {
    // Rolled back: cached ids may not exist and open chunks may hold points that were not saved.
    this.ids.clear();
    this.opens.clear();
  }

  private openOf(seriesId: number, deviceKey: number, deviceTime: boolean): OpenChunk {
    let open = this.opens.get(seriesId);
    if (open) return open;
    open = new OpenChunk(deviceKey, deviceTime);
    for (const row of this.stmt.loadSegments.all(seriesId) as { base_ns: string | null; data: Uint8Array }[]) {
      const seg = readSegment(row.data);
      if (!seg) continue;
      open.pushSegment(seg);
      if (row.base_ns !== null) open.baseNs = BigInt(row.base_ns);
      open.segments++;
    }
    open.saved = open.length;
    this.opens.set(seriesId, open);
    return open;
  }

  /** Room for a point at `tUs` in the series' open chunk, sealing it first when its window is over. */
  private openFor(seriesId: number, deviceKey: number, deviceTime: boolean, tUs: number): OpenChunk {
    const open = this.openOf(seriesId, deviceKey, deviceTime);
    if (startsNewChunk(this.window, open.length, open.tUs[0] as number, open.tUs[open.length - 1] as number, tUs)) this.seal(seriesId, open);
    return open;
  }

  private seal(seriesId: number, open: OpenChunk): void {
    this.sink.write(seriesId, open, open.baseNs, !open.deviceTime);
    this.stmt.deleteSegments.run(seriesId);
    open.clear();
  }

  private write(items: Item[]): void {
    const live = new Map<string, number | null>();
    const touched = new Set<number>();
    const keyOf = (deviceId: string): number | null => {
      let key = live.get(deviceId);
      if (key !== undefined) return key;
      key = this.stmt.deviceExists.get(deviceId) === undefined ? null : this.ids.deviceKey(deviceId);
      if (key === null) this.forgetDevice(deviceId);
      live.set(deviceId, key);
      return key;
    };
    for (const item of items) {
      if (!('event' in item)) {
        const r = item;
        const key = keyOf(r.deviceId);
        if (key === null) continue;
        const tUs = Math.round(r.tUs);
        const seriesOf = this.ids.valueSeries(key, r.instance);
        for (const v of r.values) {
          const id = seriesOf(v.metric, v.labels) as number;
          this.openFor(id, key, false, tUs).push(tUs, v.value, v.flags ?? 0);
          touched.add(id);
        }
        this.appendDeviceTime(r, tUs, touched, seriesOf, key);
      } else {
        const e = item.event;
        const key = keyOf(e.deviceId);
        if (key === null) continue;
        this.stmt.insertEvent.run(key, e.instance, e.kind, e.from, e.to, JSON.stringify(e.detail), Math.round(e.tMs));
      }
    }
    for (const id of touched) this.saveSegment(id);
  }

  /**
   * The reading's device time, exact (BigInt), as ns after the chunk's base (its first device time):
   * a device's measurement times follow its own cadence (a Sync every 125 ms), which the codec's
   * step predictors take out, leaving the jitter; relative to arrival they would carry the host's
   * ms stamps and scheduling noise as well.
   */
  private appendDeviceTime(r: Reading, tUs: number, touched: Set<number>, seriesOf: (metric: string, labels: undefined, create: boolean) => number | undefined, key: number): void {
    // A reading without device time starts no stream (but goes on one that exists, as a gap).
    const id = seriesOf(DEVICE_TIME_METRIC, undefined, r.deviceTimeNs !== null);
    if (id === undefined) return;
    const open = this.openFor(id, key, true, tUs);
    touched.add(id);
    if (r.deviceTimeNs === null) {
      open.push(tUs, null, 0);
      return;
    }
    const ns = BigInt(r.deviceTimeNs);
    // Points so far were all gaps (no base needed for them): this one sets the base.
    if (open.baseNs === null) open.baseNs = ns;
    // A BigInt within ±(2^53 − 1) converts exactly, and one beyond it converts to a number that is not a safe integer.
    let offset = Number(ns - open.baseNs);
    if (!Number.isSafeInteger(offset)) {
      // Beyond what a double carries exactly (104 days away, a clock stepped far): a new chunk, a new base.
      this.seal(id, open);
      open.baseNs = ns;
      offset = 0;
    }
    open.push(tUs, offset, 0);
  }

  private saveSegment(seriesId: number): void {
    const open = this.opens.get(seriesId);
    if (!open || open.length === open.saved) return;
    const base = open.baseNs === null ? null : open.baseNs.toString();
    if (open.segments >= this.maxSegments) {
      this.stmt.deleteSegments.run(seriesId);
      this.stmt.insertSegment.run(seriesId, base, open.segment(0, open.length));
      open.segments = 1;
    } else {
      this.stmt.insertSegment.run(seriesId, base, open.segment());
      open.segments++;
    }
    open.saved = open.length;
    open.touchedMs = performance.now();
  }

  private forgetDevice(deviceId: string): void {
    const key = this.ids.forget(deviceId);
    if (key === undefined) return;
    for (const [id, open] of this.opens) if (open.deviceKey === key) this.opens.delete(id);
  }
}

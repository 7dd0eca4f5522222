import type { Statement } from 'better-sqlite3';
import type { DeviceEvent } from '../../../shared/series/device-event';
import { downsampleMinMax, type PointColumns } from '../../../shared/series/downsample';
import { isMetricKey } from '../../../shared/series/metric-catalog';
import { canonicalLabels, type Reading } from '../../../shared/series/series';
import type { EventQuery, SeriesColumns, SeriesInfo } from '../../../shared/series/series-query';
import type { Db } from './db';
import type { RangeQuery, SeriesStore } from './series-store';
import { WriteQueue, type WriteQueueOptions } from './write-queue';

type Item = { reading: Reading; event?: undefined } | { event: DeviceEvent; reading?: undefined };

interface SeriesRow {
  id: number;
  device_id: string;
  instance: string;
  metric: string;
  labels: string;
  last_t_us: number | null;
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
 * Row-per-point storage behind SeriesStore: `series` (small integer ids), `points` (series id, µs,
 * value or NULL for a gap, flags, the device's ns time) and `events`, keyed by a small integer per
 * device (`device_keys`) instead of its 36-byte id. Writes are queued and written one transaction per
 * flush. A reading or event whose device was removed while it waited is dropped: removed devices'
 * rows are deleted by the background purge, and a late row would never be.
 */
export class RowSeriesStore implements SeriesStore {
  private readonly queue: WriteQueue<Item>;
  private readonly keys = new Map<string, number>();
  private readonly seriesIds = new Map<string, number>();
  private readonly stmt: Record<'deviceExists' | 'insertKey' | 'selectKey' | 'insertSeries' | 'selectSeries' | 'insertPoint' | 'insertEvent' | 'range' | 'latest', Statement>;
  private readonly writeBatch: (items: Item[]) => void;

  constructor(
    private readonly db: Db,
    opts: WriteQueueOptions = {},
  ) {
    this.stmt = {
      deviceExists: db.prepare('SELECT 1 FROM devices WHERE id = ?').pluck(),
      insertKey: db.prepare('INSERT OR IGNORE INTO device_keys (device_id) VALUES (?)'),
      selectKey: db.prepare('SELECT key FROM device_keys WHERE device_id = ?').pluck(),
      insertSeries: db.prepare('INSERT OR IGNORE INTO series (device_key, instance, metric, labels) VALUES (?, ?, ?, ?)'),
      selectSeries: db.prepare('SELECT id FROM series WHERE device_key = ? AND instance = ? AND metric = ? AND labels = ?').pluck(),
      insertPoint: db.prepare('INSERT INTO points (series_id, t_us, value, flags, device_time_ns) VALUES (?, ?, ?, ?, ?)'),
      insertEvent: db.prepare('INSERT INTO events (device_key, instance, kind, from_value, to_value, detail, t_ms) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      range: db.prepare('SELECT t_us, value, flags FROM points WHERE series_id = ? AND t_us >= ? AND t_us <= ? ORDER BY t_us').raw(),
      latest: db.prepare('SELECT t_us, value, flags FROM points WHERE series_id = ? AND t_us >= ? AND t_us <= ? ORDER BY t_us DESC LIMIT ?').raw(),
    };
    const transaction = db.transaction((items: Item[]) => this.write(items));
    this.writeBatch = (items) => {
      try {
        transaction(items);
      } catch (err) {
        // Rolled back: ids cached during this batch may not exist; look them up again next time.
        this.keys.clear();
        this.seriesIds.clear();
        throw err;
      }
    };
    this.queue = new WriteQueue(this.writeBatch, opts);
  }

  appendReadings(readings: readonly Reading[]): void {
    this.queue.push(readings.map((reading) => ({ reading })));
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
    this.queue.close();
  }

  listSeries(deviceId: string): SeriesInfo[] {
    this.flush();
    const rows = this.db
      .prepare(
        `SELECT s.id, k.device_id, s.instance, s.metric, s.labels, (SELECT MAX(t_us) FROM points p WHERE p.series_id = s.id) AS last_t_us
         FROM series s JOIN device_keys k ON k.key = s.device_key WHERE k.device_id = ? ORDER BY s.instance, s.metric, s.labels`,
      )
      .all(deviceId) as SeriesRow[];
    return rows.filter((r) => isMetricKey(r.metric)).map((r) => this.info(r));
  }

  queryRange(q: RangeQuery): SeriesColumns[] {
    this.flush();
    const ids = [...(q.seriesIds ?? [])];
    for (const key of q.keys ?? []) {
      const deviceKey = this.stmt.selectKey.get(key.deviceId) as number | undefined;
      const id = deviceKey === undefined ? undefined : (this.stmt.selectSeries.get(deviceKey, key.instance, key.metric, canonicalLabels(key.labels)) as number | undefined);
      if (id !== undefined) ids.push(id);
    }
    const fromUs = Math.floor(q.fromUs);
    const toUs = Math.ceil(q.toUs);
    return [...new Set(ids)].map((id) => {
      const rows = (q.latest !== undefined ? (this.stmt.latest.all(id, fromUs, toUs, q.latest) as [number, number | null, number][]).reverse() : (this.stmt.range.all(id, fromUs, toUs) as [number, number | null, number][]));
      const cols: PointColumns = { tUs: new Array<number>(rows.length), value: new Array<number | null>(rows.length), flags: new Array<number>(rows.length) };
      rows.forEach(([t, v, f], i) => {
        cols.tUs[i] = t;
        cols.value[i] = v;
        cols.flags[i] = f;
      });
      const out = q.maxPoints !== undefined && q.latest === undefined ? downsampleMinMax(cols, fromUs, toUs, q.maxPoints) : cols;
      return { id, ...out, downsampled: out !== cols };
    });
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

  /** Points stored for a device (every series), for tests and the purge's progress. */
  pointCount(deviceId: string): number {
    this.flush();
    return this.db
      .prepare('SELECT COUNT(*) FROM points WHERE series_id IN (SELECT s.id FROM series s JOIN device_keys k ON k.key = s.device_key WHERE k.device_id = ?)')
      .pluck()
      .get(deviceId) as number;
  }

  private info(r: SeriesRow): SeriesInfo {
    return { id: r.id, deviceId: r.device_id, instance: r.instance, metric: r.metric as SeriesInfo['metric'], labels: JSON.parse(r.labels) as SeriesInfo['labels'], lastTUs: r.last_t_us };
  }

  private write(items: Item[]): void {
    const live = new Map<string, number | null>();
    const keyOf = (deviceId: string): number | null => {
      let key = live.get(deviceId);
      if (key !== undefined) return key;
      key = this.stmt.deviceExists.get(deviceId) === undefined ? null : this.deviceKey(deviceId);
      if (key === null) this.forgetDevice(deviceId);
      live.set(deviceId, key);
      return key;
    };
    for (const item of items) {
      if (item.reading) {
        const r = item.reading;
        const key = keyOf(r.deviceId);
        if (key === null) continue;
        const tUs = Math.round(r.tUs);
        for (const v of r.values) {
          this.stmt.insertPoint.run(this.seriesId(key, r.instance, v.metric, canonicalLabels(v.labels)), tUs, v.value, v.flags ?? 0, r.deviceTimeNs);
        }
      } else {
        const e = item.event;
        const key = keyOf(e.deviceId);
        if (key === null) continue;
        this.stmt.insertEvent.run(key, e.instance, e.kind, e.from, e.to, JSON.stringify(e.detail), Math.round(e.tMs));
      }
    }
  }

  private deviceKey(deviceId: string): number {
    let key = this.keys.get(deviceId);
    if (key === undefined) {
      this.stmt.insertKey.run(deviceId);
      key = this.stmt.selectKey.get(deviceId) as number;
      this.keys.set(deviceId, key);
    }
    return key;
  }

  private seriesId(deviceKey: number, instance: string, metric: string, labels: string): number {
    const cacheKey = `${deviceKey}\u0000${instance}\u0000${metric}\u0000${labels}`;
    let id = this.seriesIds.get(cacheKey);
    if (id === undefined) {
      this.stmt.insertSeries.run(deviceKey, instance, metric, labels);
      id = this.stmt.selectSeries.get(deviceKey, instance, metric, labels) as number;
      this.seriesIds.set(cacheKey, id);
    }
    return id;
  }

  /** A removed device: its cached ids go (the purge deletes their rows). */
  private forgetDevice(deviceId: string): void {
    const key = this.keys.get(deviceId);
    if (key === undefined) return;
    this.keys.delete(deviceId);
    const prefix = `${key}\u0000`;
    for (const k of this.seriesIds.keys()) if (k.startsWith(prefix)) this.seriesIds.delete(k);
  }
}

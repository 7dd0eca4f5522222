import type { Statement } from 'better-sqlite3';
import { canonicalLabels, type Labels } from '../../../shared/series/series';
import type { Db } from './db';

/** The hidden series that keeps a (device, instance)'s own measurement times: not a metric, so never listed. */
export const DEVICE_TIME_METRIC = '~device-time-ns';

const NONE = -1;

/** A value's series id by metric and labels (created unless `create` is false). */
export type ValueSeries = (metric: string, labels: Labels | undefined, create?: boolean) => number | undefined;

/**
 * Small integer ids for devices (`device_keys`, which outlive their device until the purge) and for
 * series (device key, instance, metric, canonical labels), cached. Ids cached during a transaction
 * that rolls back may not exist: `clear()` after a failed write.
 */
export class SeriesIds {
  private readonly keys = new Map<string, number>();
  private readonly ids = new Map<string, number>();
  /** Per (device key, instance): the value-series lookup valueSeries hands out, made once. */
  private readonly streams = new Map<string, ValueSeries>();
  private readonly stmt: Record<'insertKey' | 'selectKey' | 'insertSeries' | 'selectSeries', Statement>;

  constructor(db: Db) {
    this.stmt = {
      insertKey: db.prepare('INSERT OR IGNORE INTO device_keys (device_id) VALUES (?)'),
      selectKey: db.prepare('SELECT key FROM device_keys WHERE device_id = ?').pluck(),
      insertSeries: db.prepare('INSERT OR IGNORE INTO series (device_key, instance, metric, labels) VALUES (?, ?, ?, ?)'),
      selectSeries: db.prepare('SELECT id FROM series WHERE device_key = ? AND instance = ? AND metric = ? AND labels = ?').pluck(),
    };
  }

  deviceKey(deviceId: string): number {
    let key = this.keys.get(deviceId);
    if (key === undefined) {
      this.stmt.insertKey.run(deviceId);
      key = this.stmt.selectKey.get(deviceId) as number;
      this.keys.set(deviceId, key);
    }
    return key;
  }

  /** The series' id, creating the series unless `create` is false (then undefined when there is none). */
  seriesId(deviceKey: number, instance: string, metric: string, labels: string, create = true): number | undefined {
    const cacheKey = `${deviceKey}\u0000${instance}\u0000${metric}\u0000${labels}`;
    let id = this.ids.get(cacheKey);
    // NONE caches "no such series" (a device without device times is asked once per reading).
    if (id === undefined || (id === NONE && create)) {
      if (create) this.stmt.insertSeries.run(deviceKey, instance, metric, labels);
      id = (this.stmt.selectSeries.get(deviceKey, instance, metric, labels) as number | undefined) ?? NONE;
      this.ids.set(cacheKey, id);
    }
    return id === NONE ? undefined : id;
  }

  /**
   * The series of one value of a reading, for the write path: cached per (device, instance) and then
   * by metric and labels without building the canonical labels string on a hit.
   */
  valueSeries(deviceKey: number, instance: string): ValueSeries {
    const streamKey = `${deviceKey}\u0000${instance}`;
    let lookup = this.streams.get(streamKey);
    if (lookup) return lookup;
    const known = new Map<string, number>();
    lookup = (metric, labels, create = true) => {
      const k = labels ? metric + labelsKey(labels) : metric;
      let id = known.get(k);
      if (id === undefined || (id === NONE && create)) {
        id = this.seriesId(deviceKey, instance, metric, canonicalLabels(labels), create) ?? NONE;
        known.set(k, id);
      }
      return id === NONE ? undefined : id;
    };
    this.streams.set(streamKey, lookup);
    return lookup;
  }

  /** Looks a series up by its device id without creating anything. */
  find(deviceId: string, instance: string, metric: string, labels: string): number | undefined {
    const key = this.keys.get(deviceId) ?? (this.stmt.selectKey.get(deviceId) as number | undefined);
    return key === undefined ? undefined : this.seriesId(key, instance, metric, labels, false);
  }

  /** A removed device: its cached ids go (the purge deletes their rows). Returns its key, if cached. */
  forget(deviceId: string): number | undefined {
    const key = this.keys.get(deviceId);
    if (key === undefined) return undefined;
    this.keys.delete(deviceId);
    const prefix = `${key}\u0000`;
    for (const k of this.ids.keys()) if (k.startsWith(prefix)) this.ids.delete(k);
    for (const k of this.streams.keys()) if (k.startsWith(prefix)) this.streams.delete(k);
    return key;
  }

  clear(): void {
    this.keys.clear();
    this.ids.clear();
    this.streams.clear();
  }
}

/** Labels as a cache key (sorted keys and values; not the stored form, which is canonicalLabels). */
function labelsKey(labels: Labels): string {
  const keys = Object.keys(labels);
  if (keys.length > 1) keys.sort();
  let out = '';
  for (const k of keys) out += `\u0000${k}\u0001${labels[k]}`;
  return out;
}

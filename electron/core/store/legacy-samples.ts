import type { DeviceView } from '../../../shared/domain/device';
import type { SampleColumns } from '../../../shared/domain/ptp';
import { NOT_A_MEASUREMENT } from '../../../shared/series/series';
import type { SeriesStore } from './series-store';

const COLUMNS = [
  ['offsetFromMasterNs', 'ptp.offset_from_master'],
  ['meanPathDelayNs', 'ptp.mean_path_delay'],
  ['masterOffsetNs', 'ptp.master_offset'],
] as const;


/**
 * `samples.query` answered from series: the newest `limit` times of the device's first instance's
 * offset, delay and master offset, joined on time. Kept while the chart still reads the legacy shape.
 */
export function sampleColumnsFromSeries(store: SeriesStore, device: Pick<DeviceView, 'id' | 'instances'>, sinceMs: number, untilMs: number, limit: number): SampleColumns {
  const instance = device.instances[0]?.name ?? 'ptp4l';
  const byTime = new Map<number, Partial<Record<(typeof COLUMNS)[number][0], number | null>>>();
  for (const [column, metric] of COLUMNS) {
    const [cols] = store.queryRange({ keys: [{ deviceId: device.id, instance, metric, labels: {} }], fromUs: sinceMs * 1000, toUs: Math.min(untilMs, Number.MAX_SAFE_INTEGER / 1000) * 1000, latest: limit });
    if (!cols) continue;
    cols.tUs.forEach((t, i) => {
      let row = byTime.get(t);
      if (!row) byTime.set(t, (row = {}));
      // A stale or sentinel value is no measurement: the chart gets a gap.
      row[column] = (cols.flags[i] ?? 0) & NOT_A_MEASUREMENT ? null : (cols.value[i] ?? null);
    });
  }
  const times = [...byTime.keys()].sort((a, b) => a - b).slice(-limit);
  const out: SampleColumns = { deviceId: device.id, tMs: [], offsetFromMasterNs: [], meanPathDelayNs: [], masterOffsetNs: [] };
  for (const t of times) {
    const row = byTime.get(t) ?? {};
    out.tMs.push(t / 1000);
    for (const [column] of COLUMNS) out[column].push(row[column] ?? null);
  }
  return out;
}

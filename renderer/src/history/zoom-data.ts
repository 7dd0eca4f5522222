import type { SeriesColumns } from '../../../shared/series/series-query';
import { AlignedColumns, type AlignedData, type Cell } from '../device/aligned-columns';
import type { XRange } from '../device/device-chart-options';

/** What a zoomed chart draws inside its range: stored points queried for it, and the tier that answered. */
export interface ZoomedHistory {
  range: XRange;
  data: AlignedData;
  /** The coarsest tier among the chart's series (raw, minute, hour, day); null when nothing was stored there. */
  tier: SeriesColumns['tier'] | null;
}

const UNBOUNDED = { maxPoints: Number.POSITIVE_INFINITY, spanMs: Number.POSITIVE_INFINITY };
const TIER_ORDER = ['raw', 'minute', 'hour', 'day'] as const;

/** The answer of one range query as a chart's aligned columns, in the chart's series order. */
export function zoomedHistory(range: XRange, seriesIds: readonly (number | null)[], answer: readonly SeriesColumns[]): ZoomedHistory {
  const byId = new Map(answer.map((c) => [c.id, c]));
  const columns = seriesIds.map((id) => (id === null ? null : (byId.get(id) ?? null)));
  const aligned = new AlignedColumns(seriesIds.length, UNBOUNDED);
  aligned.loadHistory(columns);
  aligned.flush();
  let tier: ZoomedHistory['tier'] = null;
  for (const c of columns) {
    if (!c || c.tUs.length === 0) continue;
    const t = c.tier ?? 'raw';
    if (tier === null || TIER_ORDER.indexOf(t) > TIER_ORDER.indexOf(tier)) tier = t;
  }
  return { range, data: aligned.data, tier };
}

/**
 * The zoomed range drawn from the stored answer, the live columns kept outside it: a chart zoomed into
 * the past shows history at the resolution of its width while live samples still arrive beyond it.
 */
export function mergeOutside(live: AlignedData, zoom: ZoomedHistory): AlignedData {
  const [t, ...values] = live;
  const [zt, ...zValues] = zoom.data;
  const { min, max } = zoom.range;
  const out: AlignedData = [[], ...values.map(() => [])];
  const copyLive = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      out[0].push(t[i]!);
      for (let s = 0; s < values.length; s++) (out[s + 1] as Cell[]).push(values[s]![i]);
    }
  };
  let before = 0;
  while (before < t.length && t[before]! < min) before++;
  copyLive(0, before);
  for (let i = 0; i < zt.length; i++) {
    out[0].push(zt[i]!);
    for (let s = 0; s < values.length; s++) (out[s + 1] as Cell[]).push(zValues[s]?.[i]);
  }
  let after = before;
  while (after < t.length && t[after]! <= max) after++;
  copyLive(after, t.length);
  return out;
}

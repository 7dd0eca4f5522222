/**
 * The tiers history is kept in, finest first: raw points (compressed chunks), then per-minute,
 * per-hour and per-day rollups. A chart query names a range and a pixel budget; the answer comes
 * from the finest tier that both fills the budget's buckets and is still kept for the whole range.
 */
export type Tier = 'raw' | 'minute' | 'hour' | 'day';

export const TIERS: readonly Tier[] = ['raw', 'minute', 'hour', 'day'];

export const MINUTE_US = 60_000_000;
export const HOUR_US = 60 * MINUTE_US;
export const DAY_US = 24 * HOUR_US;

/** Width of one bucket of each tier, µs (raw has none). */
export const TIER_RESOLUTION_US: Record<Tier, number> = { raw: 0, minute: MINUTE_US, hour: HOUR_US, day: DAY_US };

/** How long each tier is kept, ms; null keeps it for ever. */
export type Retention = Record<Tier, number | null>;

export const DEFAULT_RETENTION: Retention = {
  raw: 14 * 24 * 3600_000,
  minute: 180 * 24 * 3600_000,
  hour: null,
  day: null,
};

/** Keeps everything: a session file or an import is history someone chose to keep whole. */
export const KEEP_ALL: Retention = { raw: null, minute: null, hour: null, day: null };

/** The oldest time (µs) a tier still holds at `nowUs`, or -Infinity when it is kept for ever. */
export function tierHorizonUs(tier: Tier, retention: Retention, nowUs: number): number {
  const keepMs = retention[tier];
  return keepMs === null ? -Infinity : nowUs - keepMs * 1000;
}

/**
 * The tier that answers a chart of [fromUs, toUs] in `buckets` buckets: the coarsest whose bucket is
 * no wider than the chart's (so every pixel column still has its own min and max), moved to a coarser
 * tier while retention has already thinned that one out at `fromUs`.
 */
export function chooseTier(fromUs: number, toUs: number, buckets: number, thinned: (tier: Tier) => boolean): Tier {
  const bucketUs = (toUs - fromUs) / Math.max(1, buckets);
  let at = 0;
  for (let i = TIERS.length - 1; i > 0; i--) {
    if (TIER_RESOLUTION_US[TIERS[i] as Tier] <= bucketUs) {
      at = i;
      break;
    }
  }
  while (at < TIERS.length - 1 && thinned(TIERS[at] as Tier)) at++;
  return TIERS[at] as Tier;
}

/**
 * Whether retention has thinned a tier out at `fromUs`: its horizon is past `fromUs` and the tier
 * holds nothing that old (a session file or a store that does not apply retention keeps older data,
 * which then still answers).
 */
export function isThinned(tier: Tier, fromUs: number, retention: Retention, nowUs: number, earliestUs: number | null): boolean {
  return tierHorizonUs(tier, retention, nowUs) > fromUs && (earliestUs === null || earliestUs > fromUs + TIER_RESOLUTION_US[tier]);
}

/** Start of the bucket of `tier` that holds `tUs` (UTC-aligned). */
export function bucketStartUs(tUs: number, resolutionUs: number): number {
  return Math.floor(tUs / resolutionUs) * resolutionUs;
}

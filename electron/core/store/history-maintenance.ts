import type { ChunkSeriesStore } from './chunk-series-store';
import type { Db } from './db';
import { HourRollups } from './hour-rollups';
import { LegacyConversion } from './legacy-conversion';
import { RetentionSlices } from './retention';

const RETRY_MS = 1000;
/** Free pages handed back to the file system per slice (4 KB pages: 1 MB). */
const VACUUM_PAGES = 256;

export interface HistoryMaintenanceOptions {
  /** Pause between slices while work remains, so polls and requests run in between. */
  pauseMs?: number;
  /** How often to look for new work once there was none. */
  idleCheckMs?: number;
  /** An open chunk whose window is over is sealed after this long without a point. */
  quietMs?: number;
  /** A slice failed (SQLITE_BUSY, disk full); it is tried again a second later. */
  onError?(err: unknown): void;
}

/**
 * The store's background work, one small slice at a time on a timer that never holds the event loop
 * for long: seal quiet series' open chunks, compute finished hours' percentiles, convert the
 * pre-chunk `points` rows, apply retention per tier, and give freed pages back (incremental vacuum
 * on files created with it; older files reuse their free pages, so they stop growing either way).
 */
export class HistoryMaintenance {
  private readonly hours: HourRollups;
  private readonly legacy: LegacyConversion;
  private readonly retention: RetentionSlices;
  private readonly incremental: boolean;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly store: ChunkSeriesStore,
    private readonly opts: HistoryMaintenanceOptions = {},
  ) {
    this.hours = new HourRollups(db, store.reader);
    this.legacy = new LegacyConversion(db, store.reader, store.window);
    this.retention = new RetentionSlices(db, store.retention);
    this.incremental = db.pragma('auto_vacuum', { simple: true }) === 2;
  }

  /** Does one slice of whatever is due; true while work remains. */
  slice(): boolean {
    const nowUs = this.store.nowUs();
    if (this.store.sealQuiet(this.opts.quietMs ?? 10_000) > 0) return true;
    if (this.hours.step(nowUs, (id) => this.store.openStartUs(id))) return true;
    if (this.legacy.slice()) return true;
    if (this.retention.slice(nowUs)) return true;
    if (this.incremental && (this.db.pragma('freelist_count', { simple: true }) as number) > VACUUM_PAGES) {
      this.db.pragma(`incremental_vacuum(${VACUUM_PAGES})`);
      return true;
    }
    return false;
  }

  /** Runs slices until nothing is due (tests, benchmarks, the end of an import). */
  settle(): void {
    while (this.slice());
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.tick(), ms);
    this.timer.unref();
  }

  private tick(): void {
    this.timer = null;
    let more: boolean;
    try {
      more = this.slice();
    } catch (err) {
      this.opts.onError?.(err);
      this.schedule(RETRY_MS);
      return;
    }
    this.schedule(more ? (this.opts.pauseMs ?? 10) : (this.opts.idleCheckMs ?? 5000));
  }
}

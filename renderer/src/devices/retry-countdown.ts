import type { Connection, DeviceStatus } from '../../../shared/domain/status';

/** States in which the engine waits before it tries again (and says when, in `nextRetryAtMs`). */
const WAITING: ReadonlySet<Connection> = new Set(['offline', 'no-data', 'awaiting-host-key']);

/** When the next attempt starts, if the device waits for one; else null. */
export function retryAtOf(status: Pick<DeviceStatus, 'connection' | 'nextRetryAtMs'> | undefined): number | null {
  return status && WAITING.has(status.connection) ? status.nextRetryAtMs : null;
}

/** Whole seconds left until `atMs` (rounded up, so "1 s" shows until the attempt starts; 0 once it is due). */
export function secondsUntil(atMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil((atMs - nowMs) / 1000));
}

/** How long until the shown number changes: to the next whole second before `atMs` (at least 1 ms). */
export function msToNextTick(atMs: number, nowMs: number): number {
  const left = atMs - nowMs;
  if (left <= 0) return Number.POSITIVE_INFINITY;
  return left % 1000 || 1000;
}

/**
 * How far the engine's clock is ahead of this one (ms), from one request: sent at `sentMs`, answered
 * with the engine's `engineMs`, received at `receivedMs` (both local), as NTP takes it (half the
 * round trip each way). A console on another machine, or a lab host whose clock a test steers, may
 * be seconds off: engine times are shown against the engine's clock.
 */
export function clockOffsetMs(sentMs: number, engineMs: number, receivedMs: number): number {
  return Math.round(engineMs - (sentMs + receivedMs) / 2);
}

/** The countdown's text, joined into the i18n resources as `retry`. */
export const retryEn = {
  in: 'retry in {{seconds}} s',
  now: 'retrying…',
  help: 'The engine tries again by itself, waiting longer after each failure (1 s doubling up to 30 s, ±20 % jitter).',
};

export const retryZhCN: typeof retryEn = {
  in: '{{seconds}} 秒后重试',
  now: '正在重试…',
  help: '引擎会自动重试，每次失败后等待更久（从 1 秒起倍增，最多 30 秒，随机浮动 ±20%）。',
};

import type { DeviceEvent } from '../../series/device-event';

/** A stretch of time, ms. */
export interface Span {
  fromMs: number;
  toMs: number;
}

/**
 * When the operator had the device disconnected within [fromMs, toMs]: from each `connection` event
 * to `disconnected` to the next connection event (or the window's end). Events in time order, the
 * newest connection event before the window included (it says whether the window starts disconnected).
 * A deliberate disconnect is no outage: summaries report this time apart from offline time and gaps.
 */
export function disconnectedSpans(events: readonly DeviceEvent[], fromMs: number, toMs: number): Span[] {
  const out: Span[] = [];
  let since: number | null = null;
  const close = (atMs: number) => {
    if (since === null) return;
    const a = Math.max(since, fromMs);
    const b = Math.min(atMs, toMs);
    if (b > a) out.push({ fromMs: a, toMs: b });
    since = null;
  };
  for (const e of events) {
    if (e.kind !== 'connection') continue;
    if (e.tMs > toMs) break;
    if (e.to === 'disconnected') since ??= e.tMs;
    else close(e.tMs);
  }
  close(toMs);
  return out;
}

/** How much of [fromMs, toMs] the spans (in order, not overlapping) cover. */
export function overlapMs(spans: readonly Span[], fromMs: number, toMs: number): number {
  let ms = 0;
  for (const s of spans) {
    if (s.fromMs >= toMs) break;
    ms += Math.max(0, Math.min(s.toMs, toMs) - Math.max(s.fromMs, fromMs));
  }
  return ms;
}

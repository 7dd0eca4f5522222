import type { XRange } from '../device/device-chart-options';

/** Moves a range by a fraction of its span (negative: earlier), its span kept. */
export function panRange(r: XRange, fraction: number): XRange {
  const shift = (r.max - r.min) * fraction;
  return { min: r.min + shift, max: r.max + shift };
}

/** Scales a range around its centre (factor > 1 zooms out), never narrower than `minSpanSec`. */
export function scaleRange(r: XRange, factor: number, minSpanSec = 1): XRange {
  const centre = (r.min + r.max) / 2;
  const half = Math.max(((r.max - r.min) * factor) / 2, minSpanSec / 2);
  return { min: centre - half, max: centre + half };
}

/** The last `spanSec` up to `nowSec`. */
export function lastSpan(nowSec: number, spanSec: number): XRange {
  return { min: nowSec - spanSec, max: nowSec };
}

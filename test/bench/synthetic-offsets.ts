/**
 * The 8 Hz offset series issue 8's aims are stated for (the same model as history-bytes.bench.ts):
 * white Gaussian offsets, σ = 3 µs in whole ns, polled on a 125 ms grid and stamped with Date.now()
 * (1 ms timer lateness plus an exponential round trip of mean 0.5 ms, floored to the ms). Seeded,
 * so every run measures the same points.
 */
export const PERIOD_US = 125_000;
export const SIGMA_NS = 3000;
/** A 2 h boundary, as in history-bytes.bench.ts. */
export const T0_US = 1_700_006_400_000_000;

export class SyntheticOffsets {
  private s: number;

  constructor(seed = 0x5eed) {
    this.s = seed >>> 0 || 1;
  }

  /** Arrival time (µs, whole ms) of the i-th poll. */
  timeUs(i: number): number {
    const lateUs = 1000 - 500 * Math.log(this.uniform());
    return Math.floor((T0_US + i * PERIOD_US + lateUs) / 1000) * 1000;
  }

  /** One offset, ns. */
  offsetNs(): number {
    return Math.round(SIGMA_NS * Math.sqrt(-2 * Math.log(this.uniform())) * Math.cos(2 * Math.PI * this.uniform()));
  }

  /** A seeded xorshift32 uniform in (0, 1). */
  uniform(): number {
    let s = this.s;
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    this.s = s >>> 0;
    return (this.s + 0.5) / 2 ** 32;
  }
}

/**
 * TE_L: time error through the 0.1 Hz low-pass filter of ITU-T G.8273.2, clause 7.2 ("measured
 * through a first-order low-pass filter with bandwidth of 0.1 Hz"); dTE_H is what that filter
 * removes, TE − TE_L (clause 7.3, the 0.1 Hz high-pass).
 *
 * The filter is the first-order Butterworth made by the bilinear transform with the corner
 * pre-warped: exactly 3 dB down at 0.1 Hz, unity gain at DC, a zero at Nyquist. These are the
 * coefficients Red Hat's vse-sync-pp gets from scipy `butter(1, 0.1 / (fs / 2))`
 * (src/vse_sync_pp/analyzers/analyzer.py, `calculate_filter`); vse-sync-pp then runs it forwards
 * and backwards (`filtfilt`, zero phase, twice the attenuation). We run it once, forwards: the
 * standard's first-order response, and causal, so the same filter works live on arriving samples.
 * The state starts at the first sample (no start-up step from zero).
 */
export const TE_L_CORNER_HZ = 0.1;

/** The filter exists only below Nyquist: samples 5 s or more apart (at 0.1 Hz) cannot be low-passed. */
export function canLowPass(intervalS: number, cornerHz = TE_L_CORNER_HZ): boolean {
  return intervalS > 0 && cornerHz * intervalS < 0.5;
}

/** TE through the low-pass; where `canLowPass` is false, TE unchanged (the caller says so). */
export function lowPassFirstOrder(xNs: Float64Array, intervalS: number, cornerHz = TE_L_CORNER_HZ): Float64Array {
  const out = new Float64Array(xNs.length);
  if (xNs.length === 0) return out;
  if (!canLowPass(intervalS, cornerHz)) {
    out.set(xNs);
    return out;
  }
  const k = Math.tan(Math.PI * cornerHz * intervalS);
  const b = k / (1 + k);
  const a = (k - 1) / (k + 1);
  let xPrev = xNs[0]!;
  let yPrev = xNs[0]!;
  for (let i = 0; i < xNs.length; i++) {
    const x = xNs[i]!;
    const y = b * (x + xPrev) - a * yPrev;
    out[i] = y;
    xPrev = x;
    yPrev = y;
  }
  return out;
}

/** dTE_H = TE − TE_L, sample by sample. */
export function highPassResidual(xNs: Float64Array, lowNs: Float64Array): Float64Array {
  const out = new Float64Array(xNs.length);
  for (let i = 0; i < xNs.length; i++) out[i] = xNs[i]! - lowNs[i]!;
  return out;
}

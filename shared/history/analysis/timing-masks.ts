/**
 * Timing-quality limits as data: the ITU-T G.8273.2 T-BC/T-TSC classes A, B and C, the G.8271.1
 * network limit, and masks a user defines. A curve limit is a list of pieces, each a straight line
 * on log-log axes between (fromTauS, limitNs[0]) and (toTauS, limitNs[1]); constants have equal ends.
 * τ outside every piece is not judged by that mask.
 *
 * Sources (values cross-checked where an open implementation carries them):
 * - G.8273.2 clause 7.1 (noise generation, constant temperature): max|TE| A 100 ns, B 70 ns, C 30 ns;
 *   cTE A ±50 ns, B ±20 ns, C ±10 ns; dTE_L through the 0.1 Hz first-order low-pass, MTIE
 *   (Table 7-4 in the 06/2023 edition) A and B 40 ns, C 10 ns, TDEV (Table 7-5) A and B 4 ns,
 *   C 2 ns, up to τ = 1000 s; dTE_H (0.1 Hz high-pass) peak-to-peak A and B 70 ns (class C: none given,
 *   so not judged). vse-sync-pp's `G.8273.2/Class-C` requirement carries the same class C numbers
 *   (max|TE| 30 ns, MTIE 10 ns and TDEV 2 ns up to 1000 s). No open implementation found here carries
 *   the class A/B numbers or the dTE_H limit consistently (vse-sync-pp's own class A/B entries
 *   disagree between its versions); ours are the Recommendation's as we read it: check them against
 *   a copy of G.8273.2 before certifying a report on classes A and B.
 *   The standard's MTIE/TDEV masks start at the measurement's own sampling interval (its "m"); we
 *   judge from τ = 1 s, where vse-sync-pp's observation intervals start too: below that the 0.1 Hz
 *   filtered dTE_L holds nothing the 1 s point does not.
 * - G.8271.1 clause 7.3 (network limit at reference point C, the T-TSC/end application input):
 *   max|TE| 1100 ns. Its dTE MTIE/TDEV network masks are not carried here yet.
 */
import { z } from 'zod';

const curvePiece = z
  .object({
    fromTauS: z.number().positive().finite(),
    toTauS: z.number().positive().finite(),
    limitNs: z.tuple([z.number().positive().finite(), z.number().positive().finite()]),
  })
  .refine((p) => p.toTauS >= p.fromTauS, { message: 'toTauS must not be below fromTauS' });

export const timingMaskSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(120),
  /** Where the numbers come from (clause, table), or "user". */
  source: z.string().max(400),
  maxAbsTeNs: z.number().positive().finite().optional(),
  cteNs: z.number().positive().finite().optional(),
  dteHPeakToPeakNs: z.number().positive().finite().optional(),
  dteLMtieNs: z.array(curvePiece).max(32).optional(),
  dteLTdevNs: z.array(curvePiece).max(32).optional(),
});

export type TimingMask = z.infer<typeof timingMaskSchema>;
export type CurvePiece = z.infer<typeof curvePiece>;

const flat = (fromTauS: number, toTauS: number, ns: number): CurvePiece => ({ fromTauS, toTauS, limitNs: [ns, ns] });

const G8273_2 = 'ITU-T G.8273.2 clause 7.1 (T-BC/T-TSC noise generation, constant temperature)';

export const G8273_2_CLASS_A: TimingMask = {
  id: 'g8273.2-class-a',
  name: 'G.8273.2 class A',
  source: G8273_2,
  maxAbsTeNs: 100,
  cteNs: 50,
  dteHPeakToPeakNs: 70,
  dteLMtieNs: [flat(1, 1000, 40)],
  dteLTdevNs: [flat(1, 1000, 4)],
};

export const G8273_2_CLASS_B: TimingMask = {
  id: 'g8273.2-class-b',
  name: 'G.8273.2 class B',
  source: G8273_2,
  maxAbsTeNs: 70,
  cteNs: 20,
  dteHPeakToPeakNs: 70,
  dteLMtieNs: [flat(1, 1000, 40)],
  dteLTdevNs: [flat(1, 1000, 4)],
};

export const G8273_2_CLASS_C: TimingMask = {
  id: 'g8273.2-class-c',
  name: 'G.8273.2 class C',
  source: G8273_2,
  maxAbsTeNs: 30,
  cteNs: 10,
  dteLMtieNs: [flat(1, 1000, 10)],
  dteLTdevNs: [flat(1, 1000, 2)],
};

export const G8271_1_NETWORK_LIMIT: TimingMask = {
  id: 'g8271.1-network-c',
  name: 'G.8271.1 network limit (reference point C)',
  source: 'ITU-T G.8271.1 clause 7.3 (network limit at reference point C)',
  maxAbsTeNs: 1100,
};

export const STANDARD_TIMING_MASKS: readonly TimingMask[] = [G8273_2_CLASS_A, G8273_2_CLASS_B, G8273_2_CLASS_C, G8271_1_NETWORK_LIMIT];

/** The limit at τ, or undefined where no piece covers τ (log-log interpolation inside a piece). */
export function curveLimitAt(pieces: readonly CurvePiece[], tauS: number): number | undefined {
  for (const p of pieces) {
    if (tauS < p.fromTauS * (1 - 1e-9) || tauS > p.toTauS * (1 + 1e-9)) continue;
    const [lo, hi] = p.limitNs;
    if (p.toTauS === p.fromTauS || lo === hi) return lo;
    const f = Math.log(tauS / p.fromTauS) / Math.log(p.toTauS / p.fromTauS);
    return Math.exp(Math.log(lo) + f * Math.log(hi / lo));
  }
  return undefined;
}

import type { TimingMask } from '../../../shared/history/analysis/timing-masks';

/** The standard masks' τ range: a user mask's flat limits cover the same. */
const TAU_FROM_S = 1;
const TAU_TO_S = 1000;

/** A user mask from a name and flat limits (0: none); null without a name or without any limit. */
export function userMask(name: string, mtieNs: number, tdevNs: number): TimingMask | null {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 120 || (!(mtieNs > 0) && !(tdevNs > 0))) return null;
  const flat = (ns: number) => [{ fromTauS: TAU_FROM_S, toTauS: TAU_TO_S, limitNs: [ns, ns] as [number, number] }];
  const slug = trimmed.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50) || 'mask';
  return {
    id: `user-${slug}`,
    name: trimmed,
    source: 'user',
    ...(mtieNs > 0 ? { dteLMtieNs: flat(mtieNs) } : {}),
    ...(tdevNs > 0 ? { dteLTdevNs: flat(tdevNs) } : {}),
  };
}

import { z } from 'zod';
import { SyncscopeError } from '../../domain/errors';
import { catalogError } from '../../errors/catalog';
import { STANDARD_TIMING_MASKS, timingMaskSchema, type TimingMask } from '../analysis/timing-masks';

/** A mask as a request names it: a standard mask's id or name (any case), or a user mask in full. */
export const MaskSpec = z.union([z.string().min(1).max(120), timingMaskSchema]);
export type MaskSpec = z.infer<typeof MaskSpec>;

/** Short names people type: `class-c`, `c`, `g8271.1`. */
const ALIASES: Record<string, string> = {
  'class-a': 'g8273.2-class-a',
  'class-b': 'g8273.2-class-b',
  'class-c': 'g8273.2-class-c',
  a: 'g8273.2-class-a',
  b: 'g8273.2-class-b',
  c: 'g8273.2-class-c',
  'g8271.1': 'g8271.1-network-c',
  'g.8271.1': 'g8271.1-network-c',
};

/** The masks a request names, standard ones looked up; an unknown name is an invalid-input error listing the known ids. */
export function resolveMasks(specs: readonly MaskSpec[]): TimingMask[] {
  return specs.map((spec) => {
    if (typeof spec !== 'string') return spec;
    const wanted = spec.trim().toLowerCase();
    const id = ALIASES[wanted] ?? wanted;
    const found = STANDARD_TIMING_MASKS.find((m) => m.id === id || m.name.toLowerCase() === wanted);
    if (!found) throw new SyncscopeError(catalogError('history.unknown-mask', { mask: spec, known: STANDARD_TIMING_MASKS.map((m) => m.id).join(', ') }, { field: 'masks' }));
    return found;
  });
}

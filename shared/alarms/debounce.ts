/**
 * The pending → firing → cleared machine every duration-bearing condition shares (threshold, rate,
 * state, absence, topology). One step per observation, and at most one transition per step: a
 * sample can never fire and clear at once. `breach` and `clear` are separate predicates so that a
 * value between them (the hysteresis band) holds whatever state the alarm is in.
 */
export const Phase = { Inactive: 0, Pending: 1, Firing: 2 } as const;
export type Phase = (typeof Phase)[keyof typeof Phase];

export interface DebounceState {
  phase: Phase;
  /** When the breach began (pending) or the alarm fired. */
  sinceMs: number;
  /** When the clear side was first seen while firing; NaN when not on it. */
  clearSinceMs: number;
}

export function newDebounce(): DebounceState {
  return { phase: Phase.Inactive, sinceMs: 0, clearSinceMs: Number.NaN };
}

/** What changed in this step: the phase it moved to, or null when it stayed. */
export function stepDebounce(s: DebounceState, breach: boolean, clear: boolean, tMs: number, forMs: number, clearForMs: number): Phase | null {
  switch (s.phase) {
    case Phase.Inactive:
      if (!breach) return null;
      s.sinceMs = tMs;
      s.clearSinceMs = Number.NaN;
      s.phase = forMs <= 0 ? Phase.Firing : Phase.Pending;
      return s.phase;
    case Phase.Pending:
      if (!breach) {
        s.phase = Phase.Inactive;
        return Phase.Inactive;
      }
      if (tMs - s.sinceMs < forMs) return null;
      s.phase = Phase.Firing;
      s.sinceMs = tMs;
      return Phase.Firing;
    case Phase.Firing:
      if (!clear || breach) {
        s.clearSinceMs = Number.NaN;
        return null;
      }
      if (Number.isNaN(s.clearSinceMs)) s.clearSinceMs = tMs;
      if (tMs - s.clearSinceMs < clearForMs) return null;
      s.phase = Phase.Inactive;
      return Phase.Inactive;
  }
}

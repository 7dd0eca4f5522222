import type { Connection } from '../domain/status';
import type { DeviceEvent } from '../series/device-event';
import type { Reading } from '../series/series';
import type { Phase } from './debounce';

/**
 * What the evaluator is fed, as the engine's stream carries it: readings, device events, connection
 * states and the grandmaster each device follows (one per poll). `tick` moves time on for what is
 * judged by time passing (absence, settling, flapping).
 */
export type AlarmInput =
  | { type: 'readings'; readings: readonly Reading[] }
  | { type: 'events'; events: readonly DeviceEvent[] }
  | { type: 'status'; deviceId: string; connection: Connection; tMs: number }
  | { type: 'grandmaster'; deviceId: string; gmIdentity: string | null; tMs: number };

export interface DeviceRef {
  id: string;
  name: string;
}

/** The evaluator's verdict on one (rule, device, labels): it went pending, firing, or back to inactive. */
export interface AlarmSignal {
  ruleId: string;
  key: string;
  deviceId: string | null;
  labels: Record<string, string>;
  phase: Phase;
  tMs: number;
  value: number | null;
  summary: string;
}

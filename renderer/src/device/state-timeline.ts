import type { DeviceEvent } from '../../../shared/series/device-event';

/**
 * The port/servo state timeline of one instance: one track per port (from `port-state` events and
 * the port's current state), one for the servo (from `servo-state` events or the logged servo state
 * series) and one for the device's connection, each a row of bands "this state from … to …". While
 * the device is not online nobody knows the port or servo state: their bands end there, and start
 * again with the first state read after it. Pure: the component only draws.
 */
export interface TimelineBand {
  state: string;
  fromMs: number;
  toMs: number;
}

export interface TimelineTrack {
  /** `port:1`, `servo`, `connection`. */
  id: string;
  kind: 'port' | 'servo' | 'connection';
  /** Port number (as text) or null for the servo. */
  port: string | null;
  iface: string | null;
  bands: TimelineBand[];
}

export interface CurrentPort {
  portNumber: number | null;
  portState: string | null;
  interface: string | null;
}

/** A servo state as the log writes it (s0 … s3), from the `ptp.servo_state` code. */
export const SERVO_STATE_NAMES: Readonly<Record<number, string>> = { 0: 's0', 1: 's1', 2: 's2', 3: 's3' };

export interface StateChange {
  tMs: number;
  state: string;
}

/**
 * A servo state read after this long a silence is noted again: it may follow a connection gap, which
 * ends the band. ptp4l logs a servo line per sync (at least once a second in practice), so a
 * shorter silence is jitter, not a gap.
 */
export const SERVO_RESUME_AFTER_MS = 2500;

/** The servo state a logged code names ('' for a gap). */
export function servoStateName(code: number | null | undefined): string {
  return code === null || code === undefined ? '' : (SERVO_STATE_NAMES[code] ?? `s${code}`);
}

/**
 * Appends a servo reading to `changes` when it says something new: another state, or the same
 * state after a silence. Returns `changes` itself when nothing was added.
 */
export function withServoReading(changes: readonly StateChange[], tMs: number, state: string, lastSeenMs: number | null): readonly StateChange[] {
  const last = changes[changes.length - 1];
  if (last && last.state === state && lastSeenMs !== null && tMs - lastSeenMs < SERVO_RESUME_AFTER_MS) return changes;
  return [...changes, { tMs, state }];
}

/** Servo state changes from the logged servo state series (codes), ascending; a gap ends a band. */
export function servoChanges(tUs: readonly number[], value: readonly (number | null)[]): StateChange[] {
  let out: readonly StateChange[] = [];
  let seen: number | null = null;
  for (let i = 0; i < tUs.length; i++) {
    const tMs = tUs[i]! / 1000;
    out = withServoReading(out, tMs, servoStateName(value[i]), seen);
    seen = tMs;
  }
  return [...out];
}

export interface TimelineInput {
  /** This instance's events and the device's connection events (any order; other kinds are ignored). */
  events: readonly Pick<DeviceEvent, 'kind' | 'from' | 'to' | 'detail' | 'tMs'>[];
  /** Servo changes from the servo state series, ascending ('' = unknown from there on). */
  servo: readonly StateChange[];
  /** The ports as the latest data sets say (ptp.state). */
  currentPorts: readonly CurrentPort[];
  fromMs: number;
  nowMs: number;
}

export function buildTimeline(input: TimelineInput): TimelineTrack[] {
  const sorted = [...input.events].sort((a, b) => a.tMs - b.tMs);
  const connection = sorted.filter((e) => e.kind === 'connection' && e.to !== null).map((e) => ({ tMs: e.tMs, state: e.to! }));
  // The moments the device stopped being online: what its ports and servo do from there is unknown.
  const lost = connection.filter((c, i) => c.state !== 'online' && (i === 0 || connection[i - 1]!.state === 'online')).map((c) => ({ tMs: c.tMs, state: '' }));
  const withLosses = (changes: readonly StateChange[]) => (lost.length === 0 ? changes : [...changes, ...lost].sort((a, b) => a.tMs - b.tMs));
  const ports = new Map<string, { iface: string | null; changes: StateChange[]; first: string | null }>();
  const portOf = (port: string) => {
    let p = ports.get(port);
    if (!p) ports.set(port, (p = { iface: null, changes: [], first: null }));
    return p;
  };
  for (const e of sorted) {
    if (e.kind !== 'port-state' || e.to === null) continue;
    const port = textOf(e.detail.port) ?? '1';
    const p = portOf(port);
    p.iface = textOf(e.detail.interface) ?? textOf(e.detail.iface) ?? p.iface;
    if (p.changes.length === 0) p.first = e.from;
    p.changes.push({ tMs: e.tMs, state: e.to });
  }
  for (const c of input.currentPorts) {
    if (c.portNumber === null || c.portNumber === 0 || c.portState === null) continue;
    const p = portOf(String(c.portNumber));
    p.iface = c.interface ?? p.iface;
    // No event yet (the page opened on a steady port): the current state holds over the whole range.
    if (p.changes.length === 0) p.first = c.portState;
  }
  const tracks: TimelineTrack[] = [...ports.entries()]
    .sort(([a], [b]) => Number(a) - Number(b) || a.localeCompare(b))
    .map(([port, p]) => ({ id: `port:${port}`, kind: 'port', port, iface: p.iface, bands: bandsOf(p.first, withLosses(p.changes), input.fromMs, input.nowMs) }));

  // ptp4l's own servo: phc2sys/ts2phc clocks' servo events name their clock and have charts of their own.
  const servoEvents = sorted.filter((e) => e.kind === 'servo-state' && e.to !== null && e.detail.clock == null).map((e) => ({ tMs: e.tMs, state: e.to! }));
  const servo = servoEvents.length > 0 ? servoEvents : input.servo;
  if (servo.length > 0) tracks.push({ id: 'servo', kind: 'servo', port: null, iface: null, bands: bandsOf(null, withLosses(servo), input.fromMs, input.nowMs) });
  if (connection.length > 0) {
    const first = sorted.find((e) => e.kind === 'connection')?.from ?? null;
    tracks.push({ id: 'connection', kind: 'connection', port: null, iface: null, bands: bandsOf(first, connection, input.fromMs, input.nowMs) });
  }
  return tracks;
}

/** Bands from a state before the first change and the changes; a change to '' (unknown) ends a band without starting one. */
function bandsOf(first: string | null, changes: readonly StateChange[], fromMs: number, nowMs: number): TimelineBand[] {
  const bands: TimelineBand[] = [];
  let state = first;
  let since = fromMs;
  for (const c of changes) {
    if (state && c.tMs > since) push(bands, { state, fromMs: since, toMs: c.tMs });
    state = c.state || null;
    since = Math.max(c.tMs, fromMs);
  }
  if (state && nowMs > since) push(bands, { state, fromMs: since, toMs: nowMs });
  return bands.filter((b) => b.toMs > fromMs);
}

/** Adjacent bands of one state are one band (the log and pmc may both report the same change). */
function push(bands: TimelineBand[], band: TimelineBand): void {
  const last = bands[bands.length - 1];
  if (last && last.state === band.state && last.toMs >= band.fromMs) last.toMs = Math.max(last.toMs, band.toMs);
  else bands.push(band);
}

function textOf(v: string | number | boolean | null | undefined): string | null {
  return v === null || v === undefined || v === '' ? null : String(v);
}

/** Where a band sits in a plot `widthPx` wide showing [minSec, maxSec]; null when it is outside. */
export function bandBox(band: TimelineBand, minSec: number, maxSec: number, widthPx: number): { leftPx: number; widthPx: number } | null {
  const span = maxSec - minSec;
  if (span <= 0) return null;
  const from = Math.max(band.fromMs / 1000, minSec);
  const to = Math.min(band.toMs / 1000, maxSec);
  if (to <= from) return null;
  const left = ((from - minSec) / span) * widthPx;
  return { leftPx: left, widthPx: Math.max(1, ((to - minSec) / span) * widthPx - left) };
}

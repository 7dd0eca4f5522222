import type { DeviceEvent } from '../../../shared/series/device-event';

/**
 * The port/servo state timeline of one instance: one track per port (from `port-state` events and
 * the port's current state) and one for the servo (from `servo-state` events or the logged servo
 * state series), each a row of bands "this state from … to …". Pure: the component only draws.
 */
export interface TimelineBand {
  state: string;
  fromMs: number;
  toMs: number;
}

export interface TimelineTrack {
  /** `port:1`, `servo`. */
  id: string;
  kind: 'port' | 'servo';
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

/** Servo state changes from the logged servo state series (codes), ascending: only the points where it changes; a gap ends a band. */
export function servoChanges(tUs: readonly number[], value: readonly (number | null)[]): StateChange[] {
  const out: StateChange[] = [];
  let last: string | null | undefined;
  for (let i = 0; i < tUs.length; i++) {
    const v = value[i];
    const state = v === null || v === undefined ? null : (SERVO_STATE_NAMES[v] ?? `s${v}`);
    if (state === last) continue;
    last = state;
    out.push({ tMs: tUs[i]! / 1000, state: state ?? '' });
  }
  return out;
}

export interface TimelineInput {
  /** This instance's events (any order; other kinds are ignored). */
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
    .map(([port, p]) => ({ id: `port:${port}`, kind: 'port', port, iface: p.iface, bands: bandsOf(p.first, p.changes, input.fromMs, input.nowMs) }));

  const servoEvents = sorted.filter((e) => e.kind === 'servo-state' && e.to !== null).map((e) => ({ tMs: e.tMs, state: e.to! }));
  const servo = servoEvents.length > 0 ? servoEvents : input.servo;
  if (servo.length > 0) tracks.push({ id: 'servo', kind: 'servo', port: null, iface: null, bands: bandsOf(null, servo, input.fromMs, input.nowMs) });
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

import { Connection } from '../../../shared/domain/status';
import type { DeviceEvent, DeviceEventKind } from '../../../shared/series/device-event';

/**
 * The Events tab's rows: stored events (events.query) and pushed ones (device.events) as one list,
 * newest first, without repeats, cut to a limit; and how a row's from/to and detail read.
 */
export interface EventRow extends DeviceEvent {
  /** Stable per event whether it came stored or pushed (a pushed event has no row id). */
  key: string;
}

export function eventKey(e: DeviceEvent): string {
  return `${e.tMs}|${e.kind}|${e.instance ?? ''}|${e.from ?? ''}|${e.to ?? ''}|${JSON.stringify(e.detail)}`;
}

/** `incoming` joined into `rows` (newest first), only the kinds asked for (all when `kinds` is empty), at most `limit`. */
export function mergeEvents(rows: readonly EventRow[], incoming: readonly DeviceEvent[], kinds: ReadonlySet<DeviceEventKind>, limit: number): EventRow[] {
  const seen = new Set(rows.map((r) => r.key));
  const added: EventRow[] = [];
  for (const e of incoming) {
    if (kinds.size > 0 && !kinds.has(e.kind)) continue;
    const key = eventKey(e);
    if (seen.has(key)) continue;
    seen.add(key);
    added.push({ ...e, key });
  }
  if (added.length === 0) return rows as EventRow[];
  return [...added, ...rows].sort((a, b) => b.tMs - a.tMs).slice(0, limit);
}

/** Stored events (oldest first, as events.query answers) as rows, newest first. */
export function rowsOf(events: readonly DeviceEvent[], limit: number): EventRow[] {
  return mergeEvents([], events, new Set(), limit);
}

const HIDDEN_WHEN_FALSE = new Set(['localClock', 'fault']);

/** Detail keys the UI names in its language (the rest show as the engine wrote them), in the order people read them; the rest follow alphabetically. */
export const DETAIL_KEYS = ['port', 'interface', 'iface', 'code', 'message', 'severity', 'subject', 'value', 'event', 'fault', 'localClock', 'gmClockClass', 'gmPriority1', 'grandmaster', 'clock', 'source', 'starts', 'line'] as const;
export type DetailKey = (typeof DETAIL_KEYS)[number];

export function isDetailKey(key: string): key is DetailKey {
  return rank(key) < DETAIL_KEYS.length;
}

/** An event's detail as one line: `port 1 · interface eth0 · …` (nulls and false flags left out), keys named by `label`. */
export function detailText(detail: DeviceEvent['detail'], label: (key: string) => string = (k) => k): string {
  const keys = Object.keys(detail).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const parts: string[] = [];
  for (const k of keys) {
    const v = detail[k];
    if (v === null || v === undefined || v === '') continue;
    if (v === false && HIDDEN_WHEN_FALSE.has(k)) continue;
    parts.push(`${label(k)} ${String(v)}`);
  }
  return parts.join(' · ');
}

function rank(key: string): number {
  const i = (DETAIL_KEYS as readonly string[]).indexOf(key);
  return i === -1 ? DETAIL_KEYS.length : i;
}

/** The i18n key that names a from/to value, when the UI translates it (connection states); null to show it as the device wrote it. */
export function stateTextKey(kind: DeviceEventKind, value: string | null): `connection.${Connection}` | null {
  if (kind !== 'connection' || value === null) return null;
  const parsed = Connection.safeParse(value);
  return parsed.success ? `connection.${parsed.data}` : null;
}

import { PORT_STATES } from '../../domain/ptp';
import { asciiText } from './byte-scan';
import type { PortStateChange } from './log-records';

/**
 * ptp4l's port state change read from the bytes of its message (what parseLogMessage's
 * PORT_TRANSITION pattern reads, both states known):
 *   port 1: LISTENING to UNCALIBRATED on RS_SLAVE                      3.x
 *   port 1 (eth0): MASTER to FAULTY on FAULT_DETECTED (FT_UNSPECIFIED)  4.x
 * The states and events are linuxptp's own words, so they come from tables, not new strings. Only
 * printable ASCII is read here (an interface name beyond it is left to the string path); null
 * whenever the pattern or the state check would fail, and the caller runs the string path.
 */

/** linuxptp's ev_str (port.c), the events a transition names. */
const EVENTS = [
  'NONE',
  'POWERUP',
  'INITIALIZE',
  'DESIGNATED_ENABLED',
  'DESIGNATED_DISABLED',
  'FAULT_CLEARED',
  'FAULT_DETECTED',
  'STATE_DECISION_EVENT',
  'QUALIFICATION_TIMEOUT_EXPIRES',
  'ANNOUNCE_RECEIPT_TIMEOUT_EXPIRES',
  'SYNCHRONIZATION_FAULT',
  'MASTER_CLOCK_SELECTED',
  'INIT_COMPLETE',
  'RS_MASTER',
  'RS_GRAND_MASTER',
  'RS_SLAVE',
  'RS_PASSIVE',
];

/** `port (\d{1,5})(?: \(([^()]{0,128})\))?: ([A-Z_]{2,16}) to ([A-Z_]{2,16}) on ([A-Z_]{2,40})(?: \(([A-Z_0-9]{1,40})\))?$` */
export function portStateBytes(bytes: Uint8Array, at: number, end: number): PortStateChange | null {
  if (at + 5 > end || bytes[at] !== 112 || bytes[at + 1] !== 111 || bytes[at + 2] !== 114 || bytes[at + 3] !== 116 || bytes[at + 4] !== 32) return null;
  at += 5;
  const digits = at;
  let port = 0;
  while (at < end && isDigit(bytes[at] ?? 0)) port = port * 10 + (bytes[at++] ?? 0) - 48;
  if (at === digits || at - digits > 5) return null;
  let iface: string | null = null;
  if (at + 1 < end && bytes[at] === 32 && bytes[at + 1] === 40) {
    const open = at + 2;
    at = open;
    // [^()]{0,128}, printable ASCII only here
    while (at < end && (bytes[at] ?? 0) >= 32 && (bytes[at] ?? 0) <= 126 && bytes[at] !== 40 && bytes[at] !== 41) at++;
    if (at - open > 128 || at >= end || bytes[at] !== 41) return null;
    iface = asciiText(bytes, open, at);
    at++;
  }
  if (at + 2 > end || bytes[at] !== 58 || bytes[at + 1] !== 32) return null;
  at += 2;
  const fromEnd = upperWord(bytes, at, end, 2, 16, false);
  const from = known(bytes, at, fromEnd, PORT_STATES);
  if (from === null || !word(bytes, fromEnd, end, ' to ')) return null;
  at = fromEnd + 4;
  const toEnd = upperWord(bytes, at, end, 2, 16, false);
  const to = known(bytes, at, toEnd, PORT_STATES);
  if (to === null || !word(bytes, toEnd, end, ' on ')) return null;
  at = toEnd + 4;
  const eventEnd = upperWord(bytes, at, end, 2, 40, false);
  if (eventEnd < 0) return null;
  const event = known(bytes, at, eventEnd, EVENTS) ?? asciiText(bytes, at, eventEnd);
  let fault: string | null = null;
  if (eventEnd !== end) {
    if (eventEnd + 2 > end || bytes[eventEnd] !== 32 || bytes[eventEnd + 1] !== 40) return null;
    const faultEnd = upperWord(bytes, eventEnd + 2, end, 1, 40, true);
    if (faultEnd < 0 || faultEnd + 1 !== end || bytes[faultEnd] !== 41) return null;
    fault = asciiText(bytes, eventEnd + 2, faultEnd);
  }
  return { kind: 'port-state', port, iface, from, to, event, fault };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The end of `[A-Z_]{min,max}` (with `digits`, `[A-Z_0-9]`) at `at`, or -1. */
function upperWord(bytes: Uint8Array, at: number, end: number, min: number, max: number, digits: boolean): number {
  const start = at;
  for (; at < end; at++) {
    const c = bytes[at] ?? 0;
    if (!((c >= 65 && c <= 90) || c === 95 || (digits && isDigit(c)))) break;
  }
  return at - start < min || at - start > max ? -1 : at;
}

/** The word of `words` that bytes[start, end) spell, or null. */
function known<T extends string>(bytes: Uint8Array, start: number, end: number, words: readonly T[]): T | null {
  if (end < 0) return null;
  for (const w of words) if (w.length === end - start && word(bytes, start, end, w)) return w;
  return null;
}

/** bytes at `at` spell `text` (ASCII). */
function word(bytes: Uint8Array, at: number, end: number, text: string): boolean {
  if (at < 0 || at + text.length > end) return false;
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

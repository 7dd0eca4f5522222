import { parseJournalJsonLine } from '../ptp/log/journal-json';
import { wallTimeMs } from '../ptp/log/log-prefix';
import { LogToSeries, type LogLineIn } from '../ptp/log/log-to-series';
import { parseLogLine, type ParsedLine } from '../ptp/log/parse-log-line';
import type { DeviceEvent } from '../series/device-event';
import type { Reading } from '../series/series';
import type { TimeBase } from './session-meta';
import { MonotonicAnchor } from './monotonic-anchor';
import { flagPlaceholders } from './placeholder-values';

/**
 * Turns the lines of one raw log (any form: `ptp4l -m` stdout, syslog, journalctl short, short-iso,
 * short-precise or JSON; ptp4l, phc2sys, ts2phc) into readings and events, one line at a time, with
 * no memory of the file beyond the current batch. Lines are kept apart by host (syslog and journal
 * name it; plain stdout belongs to `defaultDevice`) and by instance (linuxptp's message_tag, else the
 * program). Times: the journal's own, a syslog stamp (refined by `[seconds]` through MonotonicAnchor),
 * or, when the log gives no wall time at all, `[seconds]` itself (relative: time since the device booted).
 */

/** Unparsed lines whose text is kept in the session: enough to see what the parsers miss, bounded so a file of garbage cannot bloat it. */
export const KEPT_UNPARSED_LINES = 1000;
export const KEPT_UNPARSED_CHARS = 512;

export interface ConverterOptions {
  /** Device name for lines that name no host. */
  defaultDevice: string;
  /** Year of BSD syslog stamps (they have none). */
  year: number;
  /** Zone of BSD syslog stamps, minutes east of UTC. */
  utcOffsetMinutes: number;
}

export interface UnparsedLine {
  lineNo: number;
  text: string;
}

export interface ImportCounts {
  lines: number;
  parsed: number;
  unparsed: number;
  placeholders: number;
  /** Lines stamped from a wall time (journal, syslog) and from `[seconds]` alone. */
  wallLines: number;
  relativeLines: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A device id for a log's host name: `log-` and the name's letters and digits. */
export function importedDeviceId(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 56);
  return `log-${slug || 'device'}`;
}

/** The instance a line belongs to: linuxptp's message_tag (without 4.2's `:level`), else the program. */
function instanceOf(parsed: ParsedLine): string {
  const tag = parsed.prefix.tag?.replace(/:\d$/, '');
  return (tag || parsed.prefix.program || 'ptp4l').slice(0, 128);
}

export class LogImportConverter {
  readonly counts: ImportCounts = { lines: 0, parsed: 0, unparsed: 0, placeholders: 0, wallLines: 0, relativeLines: 0 };
  /** Device name → id, in the order first seen. */
  readonly devices = new Map<string, string>();
  /** Unparsed lines to keep (drained by the caller with the batch). */
  unparsedKept: UnparsedLine[] = [];
  private keptTotal = 0;
  private readonly toSeries = new Map<string, LogToSeries>();
  private readonly anchors = new Map<string, MonotonicAnchor>();
  private pending = new Map<string, LogLineIn[]>();
  private year: number;
  private lastMonth = -1;
  /** Time of the last stamped line, for a line that carries none (it belongs just after its neighbour). */
  private lastMs = 0;
  private minMs = Infinity;
  private maxMs = -Infinity;

  constructor(private readonly opts: ConverterOptions) {
    this.year = opts.year;
  }

  /** How this log's times were read so far: wall when any line had a wall time. */
  get timeBase(): TimeBase {
    return this.counts.wallLines > 0 ? 'wall' : 'relative';
  }

  /** The time window of every stamped line so far, ms; null before the first. */
  get window(): { fromMs: number; toMs: number } | null {
    return this.minMs <= this.maxMs ? { fromMs: this.minMs, toMs: this.maxMs } : null;
  }

  line(text: string, lineNo: number): void {
    if (text.trim() === '') return;
    this.counts.lines++;
    let parsed: ParsedLine;
    let wallMs: number | null = null;
    let wholeSeconds = false;
    if (text.charCodeAt(0) === 123 /* { */) {
      const entry = parseJournalJsonLine(text);
      if (!entry) return this.unreadable(text, lineNo);
      parsed = entry;
      wallMs = entry.wallTimeMs;
    } else {
      parsed = parseLogLine(text);
      const stamp = parsed.prefix.wallTimeText;
      if (stamp !== null) {
        wallMs = this.syslogMs(stamp);
        wholeSeconds = !stamp.includes('.');
      }
    }
    if (parsed.record.kind === 'unparsed') return this.unreadable(text, lineNo);
    this.counts.parsed++;
    const device = parsed.prefix.host ?? this.opts.defaultDevice;
    const deviceId = this.deviceId(device);
    const mono = parsed.prefix.monotonicS;
    let tMs: number;
    if (mono !== null && wallMs !== null) {
      const anchor = this.anchorOf(deviceId);
      anchor.observe(mono, wallMs, wholeSeconds);
      tMs = anchor.wallMs(mono) ?? wallMs;
      this.counts.wallLines++;
    } else if (wallMs !== null) {
      tMs = wallMs;
      this.counts.wallLines++;
    } else if (mono !== null) {
      tMs = this.anchors.get(deviceId)?.wallMs(mono) ?? mono * 1000;
      this.counts.relativeLines++;
    } else {
      tMs = this.lastMs;
    }
    this.lastMs = tMs;
    if (tMs < this.minMs) this.minMs = tMs;
    if (tMs > this.maxMs) this.maxMs = tMs;
    const key = `${deviceId}\u0000${instanceOf(parsed)}`;
    let queue = this.pending.get(key);
    if (!queue) this.pending.set(key, (queue = []));
    queue.push({ parsed, wallTimeMs: tMs });
  }

  /** Readings and events of the lines since the last take, placeholders flagged. */
  take(): { readings: Reading[]; events: DeviceEvent[] } {
    const readings: Reading[] = [];
    const events: DeviceEvent[] = [];
    for (const [key, lines] of this.pending) {
      let conv = this.toSeries.get(key);
      if (!conv) {
        const [deviceId = '', instance = ''] = key.split('\u0000');
        this.toSeries.set(key, (conv = new LogToSeries(deviceId, instance)));
      }
      const batch = conv.convert(lines);
      for (const r of batch.readings) readings.push(r);
      for (const e of batch.events) events.push(e);
    }
    this.pending = new Map();
    this.counts.placeholders += flagPlaceholders(readings);
    return { readings, events };
  }

  private unreadable(text: string, lineNo: number): void {
    this.counts.unparsed++;
    if (this.keptTotal < KEPT_UNPARSED_LINES) {
      this.keptTotal++;
      this.unparsedKept.push({ lineNo, text: text.slice(0, KEPT_UNPARSED_CHARS) });
    }
  }

  private deviceId(name: string): string {
    let id = this.devices.get(name);
    if (id === undefined) {
      const base = importedDeviceId(name);
      const taken = new Set(this.devices.values());
      id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
      this.devices.set(name, id);
    }
    return id;
  }

  private anchorOf(deviceId: string): MonotonicAnchor {
    let a = this.anchors.get(deviceId);
    if (!a) this.anchors.set(deviceId, (a = new MonotonicAnchor()));
    return a;
  }

  /** A syslog stamp; BSD stamps get the year, which advances when the log passes from December to January. */
  private syslogMs(stamp: string): number | null {
    const month = MONTHS.indexOf(stamp.slice(0, 3));
    if (month >= 0) {
      if (this.lastMonth === 11 && month === 0) this.year++;
      this.lastMonth = month;
    }
    return wallTimeMs(stamp, { year: this.year, utcOffsetMinutes: this.opts.utcOffsetMinutes });
  }
}

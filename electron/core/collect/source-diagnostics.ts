import type { SourceDiagnostics } from '../../../shared/contract/methods-diagnostics';
import type { ErrorValue } from '../../../shared/domain/errors';

/** The raw answer kept per source (the contract's bound). */
export const RAW_OUTPUT_MAX_CHARS = 8192;
/** The newest unreadable lines kept per source, each cut to LINE_MAX_CHARS. */
export const UNPARSED_KEEP = 20;
export const LINE_MAX_CHARS = 1024;

export type SourceKind = 'pmc-stream' | 'pmc-oneshot' | 'log-follow' | 'tsn-stats';

/**
 * What one source of one instance last did and what went wrong, for the Diagnostics panel (so "no
 * data" always comes with its reason). Memory is bounded whatever the device prints: the raw
 * answer is cut to 8 KiB, the unreadable lines are the newest 20, each cut to 1 KiB.
 */
export class DiagnosticsRecorder {
  lastCommand: string | null = null;
  lastLatencyMs: number | null = null;
  lastPollAtMs: number | null = null;
  lastError: ErrorValue | null = null;
  parseErrors = 0;
  restarts = 0;
  /** Free-form facts worth showing beside the numbers (socket used, version, poll-only mode). */
  notes: string[] = [];
  private raw: string | null = null;
  private building: string[] = [];
  private buildingChars = 0;
  private readonly unparsed: string[] = [];

  constructor(
    readonly source: SourceKind,
    readonly instance: string,
  ) {}

  /** The command as it runs on the device, argv joined with spaces (for people, never re-run). */
  command(argv: readonly string[]): void {
    this.lastCommand = argv.map((a) => (a.includes('\n') ? `'${a.split('\n')[0]}…'` : a)).join(' ');
  }

  /** A line of the device's answer to the exchange in progress. */
  rawLine(line: string): void {
    if (this.buildingChars >= RAW_OUTPUT_MAX_CHARS) return;
    const part = line.slice(0, RAW_OUTPUT_MAX_CHARS - this.buildingChars);
    this.building.push(part);
    this.buildingChars += part.length + 1;
  }

  /** A whole answer at once (a one-shot command's output). */
  rawText(text: string): void {
    this.raw = text.slice(0, RAW_OUTPUT_MAX_CHARS);
    this.building = [];
    this.buildingChars = 0;
  }

  /**
   * The exchange in progress ended: what arrived since the last call becomes the last raw answer
   * (kept as it was when nothing arrived, so a silent poll still shows the last words heard).
   */
  endExchange(latencyMs: number | null, error: ErrorValue | null): void {
    if (this.building.length > 0) this.raw = this.building.join('\n').slice(0, RAW_OUTPUT_MAX_CHARS);
    this.building = [];
    this.buildingChars = 0;
    this.lastLatencyMs = latencyMs;
    this.lastPollAtMs = Date.now();
    this.lastError = error;
  }

  unreadable(line: string): void {
    this.parseErrors++;
    this.unparsed.push(line.slice(0, LINE_MAX_CHARS));
    if (this.unparsed.length > UNPARSED_KEEP) this.unparsed.splice(0, this.unparsed.length - UNPARSED_KEEP);
  }

  /** What probing found, replacing what it found before (at most 8 notes of 200 characters). */
  setNotes(notes: readonly string[]): void {
    this.notes = notes.slice(0, 8).map((n) => n.slice(0, 200));
  }

  view(): SourceDiagnostics {
    return {
      source: this.source,
      instance: this.instance,
      lastCommand: this.lastCommand,
      lastLatencyMs: this.lastLatencyMs,
      lastPollAtMs: this.lastPollAtMs,
      lastRawOutput: this.raw,
      parseErrors: this.parseErrors,
      unparsedLines: [...this.unparsed],
      restarts: this.restarts,
      lastError: this.lastError,
      notes: [...this.notes],
    };
  }
}

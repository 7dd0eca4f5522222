import type { ConsoleLine } from './console-text';

/**
 * Commands framed by markers on a serial console's one shell, and their results read back.
 *
 * A console has no channels: the command's output shares the wire with the echo of what we typed,
 * prompts, and kernel messages. So each command prints its own markers, unique per command (a
 * random id), before and after what it runs:
 *
 *   printf '<<SYNCSCOPE-%s:%s>>\n' B <id>; <command> </dev/null 2>/tmp/.syncscope-<id>;
 *   printf '<<SYNCSCOPE-%s:%s:%s>>\n' M <id> $?; cat …; rm -f …; printf '<<SYNCSCOPE-%s:%s>>\n' E <id>
 *
 * The markers are written by printf from pieces, so the echoed command line never contains one
 * literally. Between B and M is the command's stdout, then its exit status, then its stderr (kept in a
 * file meanwhile, since the console has one output), up to E. A marker is found anywhere in a line:
 * what precedes it on that line is output that did not end with a newline, so "abc" and "abc\n" are
 * told apart exactly. Lines are the splitter's (console-text.ts): escapes, CRs and kernel messages
 * are already out.
 */

export const MARKER_PREFIX = '<<SYNCSCOPE-';
const MARKER = /<<SYNCSCOPE-([BMERS]):([0-9a-f]{8,32})(?::(-?\d{1,3}))?>>/;
const ID = /^[0-9a-f]{8,32}$/;
/** Where a framed command keeps its stderr meanwhile; only files of exactly this form are removed. */
export const STDERR_FILE_PREFIX = '/tmp/.syncscope-';

function checkId(id: string): string {
  if (!ID.test(id)) throw new RangeError(`console marker id must be 8-32 lowercase hex digits (got ${JSON.stringify(id.slice(0, 40))})`);
  return id;
}

/** printf's format and arguments for a marker: never the marker's own text. */
function printMarker(kind: 'B' | 'M' | 'E' | 'R' | 'S', id: string, status?: string): string {
  return status === undefined ? `printf '${MARKER_PREFIX}%s:%s>>\\n' ${kind} ${id}` : `printf '${MARKER_PREFIX}%s:%s:%s>>\\n' ${kind} ${id} ${status}`;
}

/**
 * One line of shell for a command run to completion. `command` is already quoted (shellCommand):
 * it runs with stdin from /dev/null, so it cannot eat what is typed next.
 */
export function framedExec(id: string, command: string): string {
  const err = `${STDERR_FILE_PREFIX}${checkId(id)}`;
  return `${printMarker('B', id)}; ${command} </dev/null 2>${err}; ${printMarker('M', id, '$?')}; cat ${err} 2>/dev/null; rm -f ${err}; ${printMarker('E', id)}`;
}

/**
 * One line of shell for a long-running command in the foreground: its stdin is the console (what
 * the stream writes), stdout and stderr both come back as its lines, up to S with its exit status.
 */
export function framedStream(id: string, command: string): string {
  return `${printMarker('B', checkId(id))}; ${command}; ${printMarker('S', id, '$?')}`;
}

/**
 * The line that makes a console a known shell: no echo, no line editing (bash's readline echoes by
 * itself, whatever stty says), plain prompts, linuxptp's sbin directories on PATH; then a marker
 * that proves a shell ran it. Each part may fail on a small shell: none is relied upon.
 */
export function shellSetup(id: string, sbinDirs: readonly string[]): string {
  const path = sbinDirs.filter((d) => /^\/[A-Za-z0-9._/-]*$/.test(d)).join(':');
  return `stty -echo 2>/dev/null; set +o emacs +o vi 2>/dev/null; PS1='$ '; PS2=''; PATH="$PATH:${path}"; export PATH; ${printMarker('R', checkId(id))}`;
}

export interface Marker {
  kind: 'B' | 'M' | 'E' | 'R' | 'S';
  id: string;
  status: number | null;
  /** Text on the marker's line before it. */
  before: string;
}

/** The marker in a line, if any. Never throws. */
export function findMarker(line: string): Marker | null {
  if (!line.includes(MARKER_PREFIX)) return null;
  const m = MARKER.exec(line);
  if (!m) return null;
  return { kind: m[1] as Marker['kind'], id: m[2]!, status: m[3] === undefined ? null : Number(m[3]), before: line.slice(0, m.index) };
}

export interface FramedResult {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  truncated: boolean;
}

/** Text gathered line by line up to a byte cap (UTF-16 units, close enough for a cap). */
class Gather {
  private lines: string[] = [];
  private size = 0;
  truncated = false;
  constructor(private readonly cap: number) {}
  add(line: string): void {
    if (this.size >= this.cap) {
      this.truncated = true;
      return;
    }
    const room = this.cap - this.size;
    const kept = line.length > room ? line.slice(0, room) : line;
    if (kept.length < line.length) this.truncated = true;
    this.lines.push(kept);
    this.size += kept.length + 1;
  }
  /** The gathered lines, each ended by a newline, then the last partial line. */
  text(partial: string): string {
    return this.lines.map((l) => `${l}\n`).join('') + partial;
  }
}

/**
 * Reads one framed command's result from console lines. Lines before its B marker (echo, prompts,
 * an earlier command's leftovers) and kernel lines are ignored. feed() returns the result once E
 * has arrived, else null. Never throws.
 */
export class FramedReader {
  private phase: 'before' | 'stdout' | 'stderr' | 'done' = 'before';
  private readonly out: Gather;
  private readonly err: Gather;
  private exitCode: number | null = null;
  private stdoutText = '';

  constructor(
    private readonly id: string,
    maxOutput: number,
  ) {
    this.out = new Gather(maxOutput);
    this.err = new Gather(maxOutput);
  }

  get started(): boolean {
    return this.phase !== 'before';
  }

  feed(line: ConsoleLine): FramedResult | null {
    if (line.kernel || this.phase === 'done') return null;
    const m = findMarker(line.text);
    const mine = m && m.id === this.id ? m : null;
    switch (this.phase) {
      case 'before':
        if (mine?.kind === 'B') this.phase = 'stdout';
        return null;
      case 'stdout':
        if (mine?.kind === 'M') {
          this.stdoutText = this.out.text(mine.before);
          this.exitCode = mine.status;
          this.phase = 'stderr';
        } else this.out.add(line.text);
        return null;
      case 'stderr':
        if (mine?.kind !== 'E') {
          this.err.add(line.text);
          return null;
        }
        this.phase = 'done';
        return { stdout: this.stdoutText, stderr: this.err.text(mine.before), exitCode: this.exitCode, truncated: this.out.truncated || this.err.truncated };
    }
    return null;
  }
}

/**
 * Reads a framed stream: after its B marker each line is the command's, until S (with the exit
 * status). Returns what the line is to the stream. Never throws.
 */
export class StreamReader {
  private phase: 'before' | 'running' | 'ended' = 'before';
  constructor(private readonly id: string) {}

  get running(): boolean {
    return this.phase === 'running';
  }

  feed(line: ConsoleLine): { kind: 'none' } | { kind: 'started' } | { kind: 'line'; text: string } | { kind: 'ended'; lastLine: string | null; exitCode: number | null } {
    if (line.kernel || this.phase === 'ended') return { kind: 'none' };
    const m = findMarker(line.text);
    const mine = m && m.id === this.id ? m : null;
    if (this.phase === 'before') {
      if (mine?.kind !== 'B') return { kind: 'none' };
      this.phase = 'running';
      return { kind: 'started' };
    }
    if (mine?.kind === 'S') {
      this.phase = 'ended';
      return { kind: 'ended', lastLine: mine.before === '' ? null : mine.before, exitCode: mine.status };
    }
    return { kind: 'line', text: line.text };
  }
}

/** True when the line carries the R marker of this id (the shell ran the setup line). */
export function isReadyMarker(line: ConsoleLine, id: string): boolean {
  if (line.kernel) return false;
  const m = findMarker(line.text);
  return m !== null && m.kind === 'R' && m.id === id;
}

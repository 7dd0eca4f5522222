/**
 * Text as it comes off a serial console, made into lines a program can trust.
 *
 * A console is a terminal: the line discipline turns `\n` into `\r\n`, shells and login programs
 * draw with ANSI escapes (colours, bracketed paste, cursor moves), and the kernel prints its messages
 * (`[ 1234.567890] eth0: link up`) on the same wire at any byte, also in the middle of a line a
 * command is printing. This file strips escapes, carriage returns and other control characters, and
 * cuts kernel messages out: a message that arrived mid-line is removed and the two halves of the
 * interrupted line are joined again. Kernel lines are still reported (the console log keeps them).
 *
 * Limits, said plainly: text of the exact printk shape (`[` seconds `.` six digits `] `) in a
 * command's own output is taken for a kernel message; control characters and invalid UTF-8 in a
 * command's output are dropped; printable garbage inside a command's output cannot be told from it. Never throws.
 */

/** printk's prefix as the console prints it: `[%5lu.%06lu] `. */
export const KERNEL_PREFIX = /\[ *\d{1,10}\.\d{6}\] /;

// CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), two-byte escapes (ESC and one of @-Z \ ] ^ _ and
// charset selections ESC ( B), and a lone ESC at the very end (its sequence may still be coming).
// eslint-disable-next-line no-control-regex -- escapes are what this file removes
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()#][0-9A-Za-z]|\x1b[@-Z\\^_=>78]/g;
// eslint-disable-next-line no-control-regex -- control characters are what this file removes
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f]/g;

/** Escapes, control characters and undecodable bytes (U+FFFD: line noise, a wrong baud rate) out; tab and newline stay. */
export function cleanConsoleText(text: string): string {
  return text.replace(ANSI, '').replace(CONTROL, '').replaceAll('\ufffd', '');
}

export interface ConsoleLine {
  text: string;
  /** A kernel message (cut out of the command output it interrupted). */
  kernel: boolean;
}

export const DEFAULT_MAX_CONSOLE_LINE = 64 * 1024;

/**
 * Incremental: push() console text as it arrives (any chunking), get complete lines out. An escape
 * sequence split across chunks is held until it is complete. `partial` is the line still open (a
 * prompt such as `login: ` never ends with a newline).
 */
export class ConsoleLineSplitter {
  private open = '';
  /** The first half of a line a kernel message interrupted: it continues on the next line. */
  private carried = '';

  constructor(
    private readonly emit: (line: ConsoleLine) => void,
    private readonly maxLine = DEFAULT_MAX_CONSOLE_LINE,
  ) {}

  /** The open line, cleaned (with the carried half of an interrupted line). */
  get partial(): string {
    return this.carried + cleanConsoleText(stripIncompleteEscape(this.open));
  }

  push(text: string): void {
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) {
        this.keep(text.slice(start));
        return;
      }
      this.keep(text.slice(start, nl));
      this.flushLine();
      start = nl + 1;
    }
  }

  private keep(part: string): void {
    if (this.open.length >= this.maxLine) return;
    this.open += part.length + this.open.length > this.maxLine ? part.slice(0, this.maxLine - this.open.length) : part;
  }

  private flushLine(): void {
    const line = cleanConsoleText(this.open);
    this.open = '';
    const m = KERNEL_PREFIX.exec(line);
    if (!m) {
      const whole = this.carried + line;
      this.carried = '';
      this.emit({ text: whole, kernel: false });
      return;
    }
    // The kernel's line runs from its prefix to this newline; what came before it belongs to the
    // line it interrupted, which goes on after it.
    this.carried += line.slice(0, m.index);
    if (this.carried.length > this.maxLine) this.carried = this.carried.slice(0, this.maxLine);
    this.emit({ text: line.slice(m.index), kernel: true });
  }
}

/** An escape sequence cut off at the end of what arrived so far is not text. */
function stripIncompleteEscape(s: string): string {
  const esc = s.lastIndexOf('\x1b');
  if (esc < 0) return s;
  const tail = s.slice(esc);
  ANSI.lastIndex = 0;
  const m = ANSI.exec(tail);
  ANSI.lastIndex = 0;
  return m && m.index === 0 ? s : s.slice(0, esc);
}

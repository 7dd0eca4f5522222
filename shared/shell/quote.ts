/**
 * POSIX shell quoting for commands run on a device's shell (the SSH transport sends one string).
 * Every argument is single-quoted, so nothing in it is special: `$()`, backticks, `;`, `*`,
 * newlines and spaces all reach the program as bytes. A single quote becomes `'\''`.
 * A NUL cannot be passed in an argv at all; finding one is a bug in the caller, so it throws.
 */

export function shellQuote(arg: string): string {
  if (typeof arg !== 'string') throw new TypeError(`shell argument must be a string, got ${typeof arg}`);
  if (arg.includes('\0')) throw new RangeError('shell argument contains a NUL byte, which no command line can carry');
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

export function shellCommand(argv: readonly string[]): string {
  if (argv.length === 0) throw new RangeError('shell command needs at least the program name');
  return argv.map(shellQuote).join(' ');
}

/** Prints a message as `PREFIX: MESSAGE` on stderr, and its hint, when it has one, indented below it. */
export function printMessageLines(prefix: string, text: { message: string; hint?: string | null }): void {
  console.error(`${prefix}: ${text.message}`);
  if (text.hint) console.error(`    ${text.hint}`);
}

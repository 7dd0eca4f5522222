import type { ServoState } from './log-records';
import { decimalText, integerText } from './number-text';
import type { ParsedLine } from './parse-log-line';

/**
 * ptp4l's per-sample line in its stdout form, `ptp4l[575.349]: [tag] master offset N sX freq F path
 * delay D`, read in one anchored match. It is nearly every line of a ptp4l log, so its cost is the
 * parser's cost: one native match over the whole line (~170 ns here) beats splitting off the prefix
 * and then matching the message (~300 ns: two matches, more substrings, more objects), and beats
 * scanning it by hand (charCodeAt loops cost more per character than the compiled pattern).
 *
 * It accepts only lines the general path (splitLogLine, then parseLogMessage) reads as this same
 * sample, and gives the same ParsedLine; anything else is null and the general path runs.
 * parse-log-line.differential.test.ts holds the whole parser to the reference in testing/.
 */
const STDOUT_SAMPLE =
  /^([A-Za-z0-9_.-]{1,64})\[(\d{1,12}\.\d{1,9})\]: (?:\[([^\]\s]{1,128})\] )?(master offset +(-?\d{1,20}) s([0-3]) freq +([+-]?\d{1,12}) path delay +(-?\d{1,20}))$/;

export function stdoutSampleLine(line: string): ParsedLine | null {
  const m = STDOUT_SAMPLE.exec(line);
  if (!m) return null;
  const offsetNs = integerText(m[5] ?? '');
  const pathDelayNs = integerText(m[8] ?? '');
  return {
    prefix: { program: m[1] ?? null, pid: null, host: null, monotonicS: decimalText(m[2] ?? ''), wallTimeText: null, tag: m[3] ?? null },
    message: m[4] ?? '',
    record: {
      kind: 'ptp4l-sample',
      offsetNs,
      servo: ((m[6] ?? '0').charCodeAt(0) - 48) as ServoState,
      freqPpb: integerText(m[7] ?? ''),
      pathDelayNs,
      exact: Number.isSafeInteger(offsetNs) && Number.isSafeInteger(pathDelayNs),
    },
  };
}

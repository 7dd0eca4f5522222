import { describe, expect, it } from 'vitest';
import { exampleTaprio, intervalSum } from '../../../shared/tsn/config/taprio-model';
import { validateQdisc } from '../../../shared/tsn/config/tc-qdisc';
import { errorsOf } from '../../../shared/tsn/config/tc-problem';
import { addEntry, moveBoundary, numbersOfText, queuesOfText, removeEntry, setEntry, setNumTc, toggleGate } from './gcl-edit';

describe('gate-control list edits', () => {
  const m = exampleTaprio();

  it('keep the cycle met when a boundary moves, an entry is added or removed', () => {
    const sum = intervalSum(m.schedule.entries);
    for (const edited of [moveBoundary(m, 0, 50000), moveBoundary(m, 1, -10_000_000), addEntry(m), removeEntry(m, 0), removeEntry(m, 2)]) {
      expect(intervalSum(edited.schedule.entries)).toBe(sum);
      expect(errorsOf(validateQdisc(edited))).toEqual([]);
    }
    // Removing the only entry that opens class 2 is allowed, and warned about.
    expect(validateQdisc(removeEntry(m, 2)).map((p) => p.id)).toEqual(['tsn-config.taprio.gate-never-opens']);
    expect(moveBoundary(m, 1, -10_000_000).schedule.entries.map((e) => e.intervalNs)).toEqual([300000, 1, 699999]);
    expect(addEntry(m).schedule.entries.slice(-2)).toEqual([{ command: 'S', gateMask: 5, intervalNs: 200000 }, { command: 'S', gateMask: 5, intervalNs: 200000 }]);
  });

  it('toggle one gate bit, and a typed interval breaks the cycle until it is fixed', () => {
    expect(toggleGate(m, 0, 2).schedule.entries[0]?.gateMask).toBe(0x5);
    const typed = setEntry(m, 1, { intervalNs: 350000 });
    expect(validateQdisc(typed).map((p) => p.id)).toEqual(['tsn-config.taprio.cycle-shorter']);
    expect(validateQdisc(setEntry(typed, 2, { intervalNs: 350000 }))).toEqual([]);
  });

  it('cut priorities, queues and gates to a smaller class count', () => {
    const two = setNumTc(m, 2);
    expect(two.priorityMap.slice(0, 3)).toEqual([0, 1, 1]);
    expect(two.queues).toEqual([{ count: 1, offset: 0 }, { count: 1, offset: 1 }]);
    expect(two.schedule.entries.map((e) => e.gateMask)).toEqual([1, 2, 1]);
    expect(validateQdisc(two)).toEqual([]);
  });

  it('read typed lists, leaving bad words for the validator to name', () => {
    expect(numbersOfText(' 2 2 x 0 ')).toEqual([2, 2, NaN, 0]);
    expect(queuesOfText('1@0 2@1 3')).toEqual([{ count: 1, offset: 0 }, { count: 2, offset: 1 }, { count: NaN, offset: NaN }]);
  });
});

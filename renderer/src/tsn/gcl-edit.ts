import type { TaprioModel } from '../../../shared/tsn/config/taprio-model';
import { maskOfTcs } from '../../../shared/tsn/config/tc-values';

/**
 * Edits the gate-control list editor makes, as pure functions on a taprio model. Moving a boundary,
 * adding and removing an entry keep the sum of the intervals (so a set cycle-time stays met);
 * typing an interval does not, and the validator says so.
 */
const entriesOf = (m: TaprioModel) => m.schedule.entries.map((e) => ({ ...e }));
const withEntries = (m: TaprioModel, entries: TaprioModel['schedule']['entries']): TaprioModel => ({ ...m, schedule: { ...m.schedule, entries } });

export function toggleGate(m: TaprioModel, index: number, tc: number): TaprioModel {
  const entries = entriesOf(m);
  const e = entries[index];
  if (!e) return m;
  e.gateMask = (e.gateMask ^ (1 << tc)) >>> 0;
  return withEntries(m, entries);
}

/** Moves the boundary after entry `index` by `deltaNs` (positive: entry `index` grows), keeping both ≥ 1 ns. */
export function moveBoundary(m: TaprioModel, index: number, deltaNs: number): TaprioModel {
  const entries = entriesOf(m);
  const a = entries[index];
  const b = entries[index + 1];
  if (!a || !b || !Number.isFinite(deltaNs)) return m;
  const d = Math.round(Math.max(1 - a.intervalNs, Math.min(b.intervalNs - 1, deltaNs)));
  a.intervalNs += d;
  b.intervalNs -= d;
  return withEntries(m, entries);
}

export function setEntry(m: TaprioModel, index: number, change: Partial<TaprioModel['schedule']['entries'][number]>): TaprioModel {
  const entries = entriesOf(m);
  const e = entries[index];
  if (!e) return m;
  entries[index] = { ...e, ...change };
  return withEntries(m, entries);
}

/** Splits the last entry in two halves: a new entry with the same gates, and no change to the cycle. */
export function addEntry(m: TaprioModel): TaprioModel {
  const entries = entriesOf(m);
  const last = entries[entries.length - 1];
  if (!last) return withEntries(m, [{ command: 'S', gateMask: maskOfTcs(m.numTc), intervalNs: Number(m.schedule.cycleTimeNs ?? 1000000) || 1000000 }]);
  const half = Math.max(1, Math.floor(last.intervalNs / 2));
  entries.push({ ...last, intervalNs: last.intervalNs - half });
  last.intervalNs = half;
  return withEntries(m, entries);
}

/** Removes an entry and gives its time to the one before it (or after it, for the first). */
export function removeEntry(m: TaprioModel, index: number): TaprioModel {
  const entries = entriesOf(m);
  const [gone] = entries.splice(index, 1);
  if (!gone) return m;
  const neighbour = entries[Math.max(0, index - 1)];
  if (neighbour) neighbour.intervalNs += gone.intervalNs;
  return withEntries(m, entries);
}

/** A new traffic-class count: priorities and gates beyond it are cut, one queue per class. */
export function setNumTc(m: TaprioModel, numTc: number): TaprioModel {
  if (!Number.isInteger(numTc) || numTc < 1 || numTc > 16) return { ...m, numTc };
  const mask = maskOfTcs(numTc);
  return {
    ...m,
    numTc,
    priorityMap: m.priorityMap.map((tc) => Math.min(tc, numTc - 1)),
    queues: Array.from({ length: numTc }, (_, tc) => ({ count: 1, offset: tc })),
    maxSdu: m.maxSdu?.slice(0, numTc) ?? null,
    fp: m.fp?.slice(0, numTc) ?? null,
    schedule: { ...m.schedule, entries: m.schedule.entries.map((e) => ({ ...e, gateMask: e.gateMask & mask })) },
  };
}

/** `2 2 1 0 …` as typed; words that are not whole numbers become NaN so the validator names them. */
export const numbersOfText = (text: string): number[] => text.trim().split(/\s+/).filter((w) => w !== '').map((w) => (/^\d+$/.test(w) ? Number(w) : NaN));

/** `1@0 1@1 2@2` as typed. */
export const queuesOfText = (text: string) =>
  text.trim().split(/\s+/).filter((w) => w !== '').map((w) => {
    const m = /^(\d+)@(\d+)$/.exec(w);
    return m ? { count: Number(m[1]), offset: Number(m[2]) } : { count: NaN, offset: NaN };
  });

import { cbsFromJson, cbsFromWords, cbsOptionWords, validateCbs, type CbsModel } from './cbs';
import type { TsnDeviceSettings } from './device-settings';
import { etfFromJson, etfFromWords, etfOptionWords, validateEtf, type EtfModel } from './etf';
import { mqprioFromJson, mqprioFromWords, mqprioOptionWords, validateMqprio, type MqprioModel } from './mqprio';
import { taprioFromWords, taprioOptionWords } from './taprio-command';
import { taprioFromJson, taprioModelOf, type TaprioReadBack } from './taprio-json';
import { canonicalTaprio, type TaprioModel } from './taprio-model';
import { validateTaprio } from './taprio-validate';
import { commandWords, parseQdiscFrame, placeProblems, qdiscArgv, type QdiscPlace } from './tc-command';
import { hasErrors, tcError, type TcProblem } from './tc-problem';
import { readQdiscShow, type TcQdiscJson } from './tc-qdisc-json';

/**
 * The TSN qdiscs Syncscope configures, behind one set of functions. The config push calls these:
 *  - `validateQdisc(model, device)`: every problem (errors stop a push; warnings are advice).
 *  - `tcCommandFor(model, iface, device)`: the `tc qdisc replace …` argv, or null with the errors.
 *  - `parseQdiscShow(text)`: `tc -j qdisc show dev IF` output read back into models (taprio with
 *    its oper and admin schedules), never throwing.
 *  - `qdiscDifferences(intended, readBack)`: which fields the device does not have as pushed.
 * Their signatures are kept stable.
 */
export type TcQdiscModel = TaprioModel | CbsModel | EtfModel | MqprioModel;
export type TcQdiscKind = TcQdiscModel['kind'];
export const TC_QDISC_KINDS: readonly TcQdiscKind[] = ['taprio', 'cbs', 'etf', 'mqprio'];

export function placeOf(m: TcQdiscModel): QdiscPlace {
  return m.kind === 'taprio' || m.kind === 'mqprio' ? { parent: 'root', handle: m.handle } : { parent: m.parent, handle: m.handle };
}

export function validateQdisc(m: TcQdiscModel, device: TsnDeviceSettings = {}): TcProblem[] {
  const placeProblemsOnly = placeProblems(null, placeOf(m));
  switch (m.kind) {
    case 'taprio':
      return [...placeProblemsOnly, ...validateTaprio(m, device)];
    case 'mqprio':
      return [...placeProblemsOnly, ...validateMqprio(m, device)];
    case 'cbs':
      return [...placeProblemsOnly, ...validateCbs(m, device)];
    case 'etf':
      return [...placeProblemsOnly, ...validateEtf(m)];
  }
}

function optionWords(m: TcQdiscModel): string[] {
  switch (m.kind) {
    case 'taprio':
      return taprioOptionWords(m);
    case 'mqprio':
      return mqprioOptionWords(m);
    case 'cbs':
      return cbsOptionWords(m);
    case 'etf':
      return etfOptionWords(m);
  }
}

export interface TcCommandResult {
  /** `['tc', 'qdisc', 'replace', 'dev', IF, 'parent', 'root', 'handle', '100', 'taprio', …]`; null when there are errors. */
  argv: string[] | null;
  /** Errors (why argv is null) and warnings (argv is still given). */
  problems: TcProblem[];
}

/** The command that puts `model` on `iface`. The interface name is checked, never quoted into a shell. */
export function tcCommandFor(model: TcQdiscModel, iface: string, device: TsnDeviceSettings = {}): TcCommandResult {
  const problems = [...placeProblems(iface, { parent: 'root', handle: null }), ...validateQdisc(model, device)];
  if (hasErrors(problems)) return { argv: null, problems };
  return { argv: qdiscArgv(iface, placeOf(model), model.kind, optionWords(model)), problems };
}

/** A `tc qdisc add|replace …` command (a string or argv) read back into a model. */
export function parseTcCommand(command: string | readonly string[]): { iface: string | null; model: TcQdiscModel | null; problems: TcProblem[] } {
  const words = typeof command === 'string' ? commandWords(command) : command;
  const { frame, problems } = parseQdiscFrame(words);
  if (!frame) return { iface: null, model: null, problems };
  const { iface, place, kind, options } = frame;
  const read =
    kind === 'taprio'
      ? taprioFromWords(options, place.handle)
      : kind === 'mqprio'
        ? mqprioFromWords(options, place.handle)
        : kind === 'cbs'
          ? cbsFromWords(options, place.parent, place.handle)
          : kind === 'etf'
            ? etfFromWords(options, place.parent, place.handle)
            : { model: null, problems: [tcError('tsn-config.unknown-qdisc', 'kind', { kind })] };
  return { iface, model: read.model, problems: [...problems, ...read.problems] };
}

/** One qdisc of `tc -j qdisc show`: its frame, and its model when it is a kind Syncscope configures. */
export interface QdiscReadBack {
  json: TcQdiscJson;
  model: TcQdiscModel | null;
  /** taprio only: both schedules. */
  taprio: TaprioReadBack | null;
}

export function parseQdiscShow(text: string): { qdiscs: QdiscReadBack[]; problems: TcProblem[] } {
  const show = readQdiscShow(text);
  const problems = [...show.problems];
  const qdiscs = show.qdiscs.map((json, index): QdiscReadBack => {
    const where = `json.${index}`;
    if (json.kind === 'taprio') {
      const r = taprioFromJson(json, where);
      problems.push(...r.problems);
      return { json, model: r.readBack ? taprioModelOf(r.readBack) : null, taprio: r.readBack };
    }
    const r = json.kind === 'cbs' ? cbsFromJson(json, where) : json.kind === 'etf' ? etfFromJson(json, where) : json.kind === 'mqprio' ? mqprioFromJson(json, where) : { model: null, problems: [] };
    problems.push(...r.problems);
    return { json, model: r.model, taprio: null };
  });
  return { qdiscs, problems };
}

/** The read-back qdisc that sits where `model` would go (root, or its parent class). */
export function findQdisc(qdiscs: readonly QdiscReadBack[], model: TcQdiscModel): QdiscReadBack | null {
  const place = placeOf(model);
  return qdiscs.find((q) => q.json.kind === model.kind && (place.parent === 'root' ? q.json.parent === 'root' : q.model !== null && 'parent' in q.model && q.model.parent === place.parent)) ?? null;
}

function comparable(m: TcQdiscModel): Record<string, unknown> {
  const c: Record<string, unknown> = { ...(m.kind === 'taprio' ? canonicalTaprio(m) : m) };
  if (m.kind === 'taprio' || m.kind === 'mqprio') c.handle = Number.parseInt(m.handle, 16).toString(16);
  else if (m.handle === null || c.handle === undefined) delete c.handle;
  else c.handle = Number.parseInt(m.handle, 16).toString(16);
  return c;
}

/**
 * Fields where the device differs from what was pushed (empty: it has it). A taprio push whose
 * base-time is still ahead shows up as the `admin` schedule; that counts as applied. A handle the
 * model left to the kernel is not compared.
 */
export function qdiscDifferences(intended: TcQdiscModel, observed: QdiscReadBack | null): string[] {
  if (!observed?.model) return ['kind'];
  const want = comparable(intended);
  const candidates = observed.taprio ? [taprioModelOf(observed.taprio, 'admin'), taprioModelOf(observed.taprio, 'oper')].filter((m): m is TaprioModel => m !== null) : [observed.model];
  let best: string[] | null = null;
  for (const candidate of candidates) {
    const have = comparable(candidate);
    const diff = Object.keys(want).filter((k) => !(k === 'handle' && want.handle === undefined) && JSON.stringify(want[k]) !== JSON.stringify(have[k]));
    if (best === null || diff.length < best.length) best = diff;
  }
  return best ?? ['kind'];
}

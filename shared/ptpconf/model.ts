import { optionNamed } from './options';
import { optionInRelease } from './value-check';
import type { LinuxptpRelease } from './versions';

/** One option as a file sets it, read as ptp4l reads it. */
export interface Setting {
  line: number;
  /** Canonical text (an enum in its table spelling). */
  text: string;
  number?: number;
}

/** A port section: where it starts and what it sets. */
export interface PortSection {
  line: number;
  settings: Map<string, Setting>;
}

/**
 * What a file sets, after ptp4l's rules (last value wins, deprecated names read as their new names,
 * refused lines left out): the model the cross-field rules read.
 */
export interface ConfModel {
  release: LinuxptpRelease;
  global: Map<string, Setting>;
  /** `[global]`'s first line, or null when the file has none. */
  globalLine: number | null;
  ports: Map<string, PortSection>;
  /** table_id → its line. */
  tables: Map<number, number>;
}

/** An option's value for a port (null: the [global] defaults) with where it comes from; line null = the built-in default. */
export interface Effective {
  text: string;
  number?: number;
  line: number | null;
}

export function emptyModel(release: LinuxptpRelease): ConfModel {
  return { release, global: new Map(), globalLine: null, ports: new Map(), tables: new Map() };
}

/** The value ptp4l uses for `option` on `port`: the port's own line, else [global]'s, else the default. */
export function effective(model: ConfModel, port: string | null, option: string): Effective {
  const own = port === null ? undefined : model.ports.get(port)?.settings.get(option);
  const set = own ?? model.global.get(option);
  if (set) return { text: set.text, ...(set.number !== undefined ? { number: set.number } : {}), line: set.line };
  const spec = optionNamed(option);
  const def = spec ? optionInRelease(spec, model.release).default : '';
  const n = Number(def);
  return { text: def, ...(def !== '' && Number.isFinite(n) ? { number: n } : {}), line: null };
}

/** The line to point at for a port: its section header, else [global]'s, else the first line. */
export function sectionLine(model: ConfModel, port: string | null): number {
  return (port === null ? null : model.ports.get(port)?.line) ?? model.globalLine ?? 1;
}

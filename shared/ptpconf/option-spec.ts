import type { LinuxptpRelease } from './versions';

/**
 * How ptp4l reads a value. `int`/`uint`: C `strtol`/`strtoul` with base 0 (so `0x1` and `010` are
 * numbers); `double`: `strtod`; `enum`: one of `values`, case-insensitive; `string`: anything up to
 * the end of the line. linuxptp keeps MAC and IP addresses as strings and reads them when a port
 * opens: we check their form here so the mistake shows before the push, not in ptp4l's log.
 */
export type OptionType = 'int' | 'uint' | 'double' | 'enum' | 'string' | 'mac' | 'ipv4' | 'ipv6' | 'clock-identity' | 'oui';

/**
 * `global`: only in `[global]` (linuxptp's GLOB_ITEM). `port`: in `[global]`, where it is the default
 * for every port, or in a port section such as `[eth0]` (PORT_ITEM).
 */
export type OptionScope = 'global' | 'port';

/** A range or default that differs in older releases (e.g. domainNumber was 0–127 before 4.0). */
export interface OptionEra {
  /** This era ends before this release. */
  before: LinuxptpRelease;
  min?: number;
  max?: number;
  default?: string;
}

/** One row of the ptp4l.conf option table, as linuxptp's `config_tab` holds it, with its history. */
export interface PtpOption {
  name: string;
  type: OptionType;
  scope: OptionScope;
  /** The value ptp4l uses when the file does not set it, written as a file would ('' when unset). */
  default: string;
  min?: number;
  max?: number;
  /** Valid values of an enum, default first; case-insensitive in ptp4l. */
  values?: readonly string[];
  /** Enum values added after the option itself. */
  valueSince?: Readonly<Record<string, LinuxptpRelease>>;
  /** First release with the option. */
  since: LinuxptpRelease;
  /**
   * True when `since` was inferred from linuxptp's history rather than read in that release's own
   * table (the table of 3.1.1, from its binary, and of master after 4.4 were read): a device older
   * than the inferred release gets a warning, not an error.
   */
  sinceInferred?: boolean;
  /** Older ranges and defaults. */
  eras?: readonly OptionEra[];
  /** `fault_*_interval` also take the word ASAP. */
  acceptsAsap?: boolean;
}

/** A deprecated name ptp4l still reads (with a warning) as another option, from release `since`. */
export interface OptionAlias {
  alias: string;
  option: string;
  since: LinuxptpRelease;
}

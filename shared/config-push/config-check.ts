import type { ConfigValidation, OptionChange } from '../contract/methods-config';

/**
 * What the push needs of a ptp4l.conf model: a validator (per linuxptp version) and an option-level
 * diff. The ptp4l.conf table provides both (shared/ptpconf's PTPCONF_CHECKER); the push is written
 * against this interface, so a test or another file format can bring its own.
 */
export interface ConfigChecker {
  /** `linuxptpVersion`: the device's `ptp4l -v` text, or null when unknown (the newest release is assumed). */
  validate(text: string, linuxptpVersion: string | null): ConfigValidation;
  optionChanges(oldText: string, newText: string): OptionChange[];
  /** An option's value in `[global]` (the clock-wide values verify reads back through pmc), or null. */
  globalValue(text: string, option: string): string | null;
}

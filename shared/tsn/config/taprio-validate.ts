import { byteTimeNs, type TsnDeviceSettings } from './device-settings';
import { validateMapping } from './tc-mapping';
import { tcError, tcWarning, type TcProblem } from './tc-problem';
import { GATE_COMMANDS, intervalSum, TAPRIO_FLAG_FULL_OFFLOAD, TAPRIO_FLAG_TXTIME_ASSIST, type TaprioModel } from './taprio-model';
import { taprioFieldWarnings } from './taprio-warnings';
import { isIntegerIn, isS64Decimal, maskOfTcs, U32_MAX } from './tc-values';

/**
 * taprio's scalar options as data (linuxptp's config_tab, for tc): the tc word, the model field,
 * and the range tc and the kernel accept. The validator, the editor's inputs and the CLI's
 * messages all read this table.
 */
export const TAPRIO_OPTIONS = [
  { word: 'flags', field: 'flags', kind: 'u32', min: 0, max: 2 },
  { word: 'txtime-delay', field: 'txtimeDelayNs', kind: 'u32', min: 1, max: U32_MAX, optional: true },
  { word: 'base-time', field: 'schedule.baseTimeNs', kind: 's64', min: 0n },
  { word: 'cycle-time', field: 'schedule.cycleTimeNs', kind: 's64', min: 1n, optional: true },
  { word: 'cycle-time-extension', field: 'schedule.cycleTimeExtensionNs', kind: 's64', min: 0n, optional: true },
] as const;

/** The kernel's floor for an interval and the cycle: one minimum frame (ETH_ZLEN, 60 bytes) on the wire. */
const MIN_FRAME_BYTES = 60;

function fieldValue(m: TaprioModel, field: string): unknown {
  return field.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | null)?.[key], m);
}

function optionProblems(m: TaprioModel): TcProblem[] {
  const out: TcProblem[] = [];
  for (const o of TAPRIO_OPTIONS) {
    const v = fieldValue(m, o.field);
    if ('optional' in o && o.optional && v === null) continue;
    if (o.kind === 'u32') {
      if (!isIntegerIn(v, o.min, o.max)) out.push(tcError('tsn-config.number-range', o.field, { option: o.word, value: String(v), min: o.min, max: o.max }));
    } else if (!isS64Decimal(v) || BigInt(v) < o.min) {
      out.push(tcError('tsn-config.number-range', o.field, { option: o.word, value: String(v), min: o.min.toString(), max: '9223372036854775807' }));
    }
  }
  return out;
}

type Rule = (m: TaprioModel, d: TsnDeviceSettings) => TcProblem[];

/** Cross-field rules, each one thing tc or the kernel refuses (or would silently do otherwise). */
const RULES: readonly Rule[] = [
  (m) => {
    if (m.flags === (TAPRIO_FLAG_TXTIME_ASSIST | TAPRIO_FLAG_FULL_OFFLOAD)) return [tcError('tsn-config.taprio.flags-both', 'flags')];
    return [];
  },
  (m) => {
    const full = (m.flags & TAPRIO_FLAG_FULL_OFFLOAD) !== 0;
    if (m.clockid === null) return full ? [] : [tcError('tsn-config.taprio.clockid-required', 'clockid')];
    if (full) return [tcWarning('tsn-config.taprio.clockid-ignored', 'clockid', { clockid: m.clockid })];
    // q_taprio.c knows MONOTONIC, but the kernel's taprio takes REALTIME, TAI and BOOTTIME only.
    if (m.clockid === 'MONOTONIC') return [tcError('tsn-config.taprio.clockid-kernel', 'clockid', { clockid: m.clockid })];
    if (m.clockid !== 'TAI') return [tcWarning('tsn-config.taprio.clockid-not-tai', 'clockid', { clockid: m.clockid })];
    return [];
  },
  (m) => {
    const assist = (m.flags & TAPRIO_FLAG_TXTIME_ASSIST) !== 0;
    if (m.txtimeDelayNs !== null && !assist) return [tcError('tsn-config.taprio.txtime-delay-without-assist', 'txtimeDelayNs')];
    if (assist && m.txtimeDelayNs === null) return [tcWarning('tsn-config.taprio.txtime-assist-without-delay', 'txtimeDelayNs')];
    return [];
  },
  (m, d) => validateMapping(m, { txQueues: d.txQueues, allowShared: (m.flags & TAPRIO_FLAG_TXTIME_ASSIST) !== 0 }),
  (m, d) => {
    const entries = m.schedule.entries;
    if (entries.length === 0) return [tcError('tsn-config.taprio.schedule-empty', 'schedule.entries')];
    const out: TcProblem[] = [];
    const minNs = d.linkSpeedMbps ? Math.ceil(MIN_FRAME_BYTES * byteTimeNs(d.linkSpeedMbps)) : 1;
    const allowed = maskOfTcs(m.numTc);
    entries.forEach((e, index) => {
      const at = `schedule.entries.${index}`;
      if (!(GATE_COMMANDS as readonly string[]).includes(e.command)) out.push(tcError('tsn-config.taprio.command-invalid', `${at}.command`, { index, command: String(e.command) }));
      if (!isIntegerIn(e.gateMask, 0, U32_MAX)) out.push(tcError('tsn-config.taprio.gatemask-beyond-tc', `${at}.gateMask`, { index, mask: String(e.gateMask), numTc: m.numTc }));
      else if (isIntegerIn(m.numTc, 1, 16) && (e.gateMask & ~allowed) !== 0) out.push(tcError('tsn-config.taprio.gatemask-beyond-tc', `${at}.gateMask`, { index, mask: `0x${e.gateMask.toString(16)}`, numTc: m.numTc }));
      if (!isIntegerIn(e.intervalNs, 1, U32_MAX)) out.push(tcError('tsn-config.taprio.interval-range', `${at}.intervalNs`, { index, value: String(e.intervalNs) }));
      else if (e.intervalNs < minNs) out.push(tcError('tsn-config.taprio.interval-too-short', `${at}.intervalNs`, { index, intervalNs: e.intervalNs, minNs, speed: d.linkSpeedMbps ?? 0 }));
    });
    return out;
  },
  (m) => {
    const s = m.schedule;
    if (s.cycleTimeNs === null || !isS64Decimal(s.cycleTimeNs) || s.entries.some((e) => !isIntegerIn(e.intervalNs, 1, U32_MAX))) return [];
    const sum = intervalSum(s.entries);
    const cycle = BigInt(s.cycleTimeNs);
    if (sum === cycle) return [];
    return [tcError(sum > cycle ? 'tsn-config.taprio.cycle-shorter' : 'tsn-config.taprio.cycle-longer', 'schedule.cycleTimeNs', { sumNs: sum.toString(), cycleNs: cycle.toString() })];
  },
  (m) => {
    const s = m.schedule;
    if (s.cycleTimeExtensionNs === null || !isS64Decimal(s.cycleTimeExtensionNs) || s.cycleTimeExtensionNs === '0') return [];
    const cycle = s.cycleTimeNs !== null && isS64Decimal(s.cycleTimeNs) ? BigInt(s.cycleTimeNs) : intervalSum(s.entries);
    return BigInt(s.cycleTimeExtensionNs) >= cycle ? [tcError('tsn-config.taprio.cycle-extension-range', 'schedule.cycleTimeExtensionNs', { extensionNs: s.cycleTimeExtensionNs, cycleNs: cycle.toString() })] : [];
  },
  (m, d) => {
    if (m.maxSdu === null) return [];
    if (m.maxSdu.slice(m.numTc).some((v) => v !== 0)) return [tcError('tsn-config.taprio.per-tc-length', 'maxSdu', { option: 'max-sdu', count: m.maxSdu.length, numTc: m.numTc })];
    return m.maxSdu.flatMap((sdu, tc) => {
      if (!isIntegerIn(sdu, 0, U32_MAX)) return [tcError('tsn-config.number-range', `maxSdu.${tc}`, { option: 'max-sdu', value: String(sdu), min: 0, max: U32_MAX })];
      return d.mtu !== undefined && sdu > d.mtu ? [tcError('tsn-config.taprio.max-sdu-mtu', `maxSdu.${tc}`, { tc, maxSdu: sdu, mtu: d.mtu })] : [];
    });
  },
  (m) => {
    if (m.fp === null) return [];
    if (m.fp.length > 16 || m.fp.slice(m.numTc).some((v) => v !== 'E')) return [tcError('tsn-config.taprio.per-tc-length', 'fp', { option: 'fp', count: m.fp.length, numTc: m.numTc })];
    return m.fp.flatMap((v, tc) => (v === 'E' || v === 'P' ? [] : [tcError('tsn-config.taprio.fp-value', `fp.${tc}`, { tc, value: String(v) })]));
  },
  (m) => {
    const holdRelease = m.schedule.entries.some((e) => e.command === 'H' || e.command === 'R');
    return holdRelease && !(m.fp ?? []).includes('P') ? [tcWarning('tsn-config.taprio.hold-release-without-fp', 'fp')] : [];
  },
];

/**
 * Everything wrong with a taprio model: errors (tc or the kernel would refuse it, or the schedule
 * would not be the one drawn) and field-experience warnings. Never throws.
 */
export function validateTaprio(m: TaprioModel, device: TsnDeviceSettings = {}): TcProblem[] {
  const problems = [...optionProblems(m), ...RULES.flatMap((rule) => rule(m, device))];
  return problems.some((p) => p.severity === 'error') ? problems : [...problems, ...taprioFieldWarnings(m, device)];
}

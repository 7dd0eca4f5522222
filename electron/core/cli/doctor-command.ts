import type { DoctorFindingView, DoctorReport } from '../../../shared/contract/methods-diagnostics';
import { errorValueOf, SyncscopeError, type ErrorCode } from '../../../shared/domain/errors';
import { findingText, type DoctorFinding } from '../../../shared/doctor/checks';
import { DOCTOR_TEXT } from '../../../shared/doctor/doctor-text';
import type { ErrorLanguage } from '../../../shared/errors/catalog-types';
import { catalogError } from '../../../shared/errors/catalog';
import type { Access } from './engine-access';

export interface DoctorFlags {
  device: string;
  json?: boolean;
  lang: string;
}

/** `syncscope doctor` exits with this when a check failed or the device could not be reached for them (a warning alone exits 0). */
export const DOCTOR_FAILED_EXIT = 10;

/** Errors that say something about the device or the way to it, not about this command. */
const DEVICE_CODES: ReadonlySet<ErrorCode> = new Set(['ssh-unreachable', 'ssh-refused', 'ssh-auth', 'ssh-timeout', 'ssh-not-ssh', 'ssh-host-key-changed', 'ssh-host-key-mismatch', 'ssh-disconnected', 'no-credentials', 'device-output']);

const LANGS: readonly ErrorLanguage[] = ['en', 'zh-CN'];
const MARK: Record<DoctorFindingView['status'], string> = { ok: 'ok', warn: 'WARN', fail: 'FAIL', unknown: '?' };

/** A finding's text in `lang`; a text id this CLI does not know (a newer engine) shows as its id. */
export function renderFinding(f: DoctorFindingView, lang: ErrorLanguage): { message: string; hint: string } {
  if (!Object.hasOwn(DOCTOR_TEXT, f.textId)) return { message: f.textId, hint: '' };
  const t = findingText(f as DoctorFinding, lang);
  return { message: t.message, hint: t.hint ?? '' };
}

/**
 * `syncscope doctor --device NAME|ID [--json] [--lang en|zh-CN]`: runs the device's health checks
 * (through the running engine with --server, else over a connection of its own) and prints each
 * finding with what to do. Resolves to the exit status: DOCTOR_FAILED_EXIT when any check failed.
 */
export async function runDoctorCommand(a: Access, o: DoctorFlags): Promise<number> {
  const lang = LANGS.find((l) => l.toLowerCase() === o.lang.toLowerCase());
  if (!lang) throw new SyncscopeError({ code: 'invalid-input', field: 'lang', message: `--lang: "${o.lang}" is not one of ${LANGS.join(', ')}`, hint: 'Use --lang en or --lang zh-CN.' });
  const wanted = o.device.toLowerCase();
  const device = (await a.client.call('devices.list')).find((d) => d.id === o.device || d.name.toLowerCase() === wanted);
  if (!device) throw new SyncscopeError(catalogError('cli.device-name-not-found', { name: o.device }));
  let report: DoctorReport;
  try {
    report = await a.client.call('doctor.run', { deviceId: device.id });
  } catch (err) {
    // The device could not be reached for the checks: a finding about the device, not a bug of this command.
    const v = errorValueOf(err);
    if (!DEVICE_CODES.has(v.code)) throw err;
    console.error(`syncscope: the health checks of ${device.name} could not run: ${v.message}`);
    if (v.hint) console.error(`  ${v.hint}`);
    return DOCTOR_FAILED_EXIT;
  }
  const rendered = report.findings.map((f) => ({ ...f, ...renderFinding(f, lang) }));
  if (o.json) console.log(JSON.stringify({ ...report, device: device.name, findings: rendered }, null, 2));
  else {
    console.log(`Health checks of ${device.name} (${new Date(report.ranAtMs).toISOString()}):`);
    for (const f of rendered) {
      console.log(`  ${MARK[f.status].padEnd(4)}  ${f.check.padEnd(16)}  ${f.message}`);
      if (f.status !== 'ok' && f.hint) console.log(`  ${''.padEnd(4)}  ${''.padEnd(16)}  → ${f.hint}`);
    }
  }
  return report.findings.some((f) => f.status === 'fail') ? DOCTOR_FAILED_EXIT : 0;
}

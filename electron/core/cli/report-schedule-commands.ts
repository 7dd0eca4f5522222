import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { SyncscopeError } from '../../../shared/domain/errors';
import type { TimingMask } from '../../../shared/history/analysis/timing-masks';
import { parseDurationMs } from '../../../shared/history/export/time-range';
import type { MaskSpec } from '../../../shared/history/report/mask-choice';
import type { ComplianceThresholds, ReportSchedule, ReportScheduleInput, ScheduleRun } from '../../../shared/history/report/report-schedule';
import type { Access } from './engine-access';
import { printTable } from './table';
import { readMaskFile } from './report-command';

type Where = (c: Command) => Command;
type WithAccess = <T>(o: { server?: string; data?: string }, fn: (a: Access) => Promise<T>) => Promise<T>;
type Target = { server?: string; data?: string };

const repeatable = (v: string, prev: string[] = []) => [...prev, v];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** `--warn KEY=VALUE` keys: the threshold each sets, and how its value is read. */
const THRESHOLD_KEYS: Record<string, { key: keyof ComplianceThresholds; read(raw: string): number | null; example: string }> = {
  'max-abs-offset': { key: 'maxAbsOffsetNs', read: nanoseconds, example: 'max-abs-offset=100 (ns), or 1.5us' },
  'p99-abs-offset': { key: 'p99AbsOffsetNs', read: nanoseconds, example: 'p99-abs-offset=50' },
  gaps: { key: 'gapsTotalMs', read: (raw) => parseDurationMs(raw) ?? (/^\d+$/.test(raw) ? Number(raw) : null), example: 'gaps=5m (or ms: gaps=300000)' },
  'gm-changes': { key: 'gmChanges', read: (raw) => (/^\d+$/.test(raw) ? Number(raw) : null), example: 'gm-changes=0' },
};

/** `100`, `100ns`, `1.5us`, `1.5µs`, `2ms` in ns; null otherwise. */
function nanoseconds(raw: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(ns|us|µs|ms)?$/.exec(raw.trim());
  if (!m) return null;
  const scale = m[2] === 'us' || m[2] === 'µs' ? 1e3 : m[2] === 'ms' ? 1e6 : 1;
  return Number(m[1]) * scale;
}

function usage(field: string, message: string, hint: string): SyncscopeError {
  return new SyncscopeError({ code: 'invalid-input', field, message, hint });
}

/** `--warn gaps=5m --warn gm-changes=0` as thresholds. */
export function thresholdsOf(flag: '--warn' | '--alert', pairs: readonly string[]): ComplianceThresholds {
  const out: ComplianceThresholds = {};
  for (const pair of pairs) {
    const [name = '', raw = ''] = pair.split('=', 2);
    const t = THRESHOLD_KEYS[name.trim()];
    const known = Object.values(THRESHOLD_KEYS).map((k) => k.example).join('; ');
    if (!t) throw usage(flag.slice(2), `${flag} ${pair}: no threshold "${name}"`, `Use KEY=VALUE with one of: ${known}.`);
    const value = t.read(raw.trim());
    if (value === null) throw usage(flag.slice(2), `${flag} ${pair}: "${raw}" is not a value for ${name}`, `For example ${t.example}.`);
    out[t.key] = value;
  }
  return out;
}

function weekdayOf(raw: string): number {
  const i = WEEKDAYS.indexOf(raw.trim().slice(0, 3).toLowerCase());
  if (i >= 0) return i;
  if (/^[0-6]$/.test(raw.trim())) return Number(raw);
  throw usage('weekday', `--weekday: "${raw}" is not a weekday`, 'Give mon … sun, or 0 (Sunday) … 6 (Saturday).');
}

function hourOf(raw: string): number {
  if (/^\d{1,2}$/.test(raw.trim()) && Number(raw) <= 23) return Number(raw);
  throw usage('hour', `--hour: "${raw}" is not an hour of the day`, 'Give the UTC hour the report is made, 0 … 23.');
}

/** Named masks, with those a --mask-file defines taken from it whole (the engine keeps user masks with the schedule). */
function maskSpecs(names: readonly string[] | undefined, file: string | undefined): MaskSpec[] | undefined {
  const user: TimingMask[] = file ? readMaskFile(file) : [];
  if (!names || names.length === 0) return user.length ? user : undefined;
  return names.map((n) => user.find((m) => m.id === n) ?? n);
}

const time = (ms: number) => new Date(ms).toISOString().replace(/:\d{2}\.\d{3}Z$/, 'Z');

function runText(run: ScheduleRun | null): string {
  if (!run) return 'never';
  if (run.error) return `failed ${time(run.ranAtMs)}: ${run.error.message}`;
  return `${run.level ?? '-'} ${time(run.ranAtMs)}`;
}

function thresholdText(t: ComplianceThresholds): string {
  const parts = Object.entries(THRESHOLD_KEYS).flatMap(([name, k]) => (t[k.key] === undefined ? [] : [`${name}=${t[k.key]}`]));
  return parts.join(' ') || '-';
}

function printSchedules(list: ReportSchedule[], deviceName: (id: string) => string): void {
  if (list.length === 0) {
    console.log('No report schedules. Add one with: syncscope reports schedules add --name N --device D --period daily --folder DIR');
    return;
  }
  printTable([
    ['ID', 'NAME', 'DEVICES', 'WHEN (UTC)', 'MASKS', 'WARN', 'ALERT', 'FOLDER', 'LAST RUN'],
    ...list.map((s) => [
      s.id.slice(0, 8),
      s.name + (s.enabled ? '' : ' (off)'),
      s.deviceIds.map(deviceName).join(','),
      s.period === 'daily' ? `daily ${String(s.hourUtc).padStart(2, '0')}:00` : `weekly ${WEEKDAYS[s.weekday]} ${String(s.hourUtc).padStart(2, '0')}:00`,
      s.masks.map((m) => (typeof m === 'string' ? m : m.id)).join(',') || '-',
      thresholdText(s.warn),
      thresholdText(s.alert),
      s.folder,
      runText(s.lastRun),
    ]),
  ]);
}

/** A schedule by its id, the start of it (as the list shows), or its name (any case). */
async function scheduleId(a: Access, wanted: string): Promise<string> {
  const list = await a.client.call('reports.schedules.list');
  const byName = list.filter((s) => s.name.toLowerCase() === wanted.toLowerCase());
  const found = list.some((s) => s.id === wanted) ? list.filter((s) => s.id === wanted) : byName.length ? byName : list.filter((s) => s.id.startsWith(wanted.toLowerCase()));
  if (found.length > 1) throw usage('id', `"${wanted}" names ${found.length} schedules`, 'Give more characters of the id (syncscope reports schedules list --json shows whole ids).');
  return found[0]?.id ?? wanted;
}

interface AddFlags extends Target {
  name: string;
  device: string[];
  period: 'daily' | 'weekly';
  hour?: string;
  weekday?: string;
  mask?: string[];
  maskFile?: string;
  warn?: string[];
  alert?: string[];
  folder: string;
  lang: 'en' | 'zh-CN';
  disabled?: boolean;
}

/** The schedule `add` asks the engine for. A folder is a path on the engine's machine: resolved here only when this process is the engine (--data). */
function scheduleInput(o: AddFlags, local: boolean): ReportScheduleInput {
  const masks = maskSpecs(o.mask, o.maskFile);
  return {
    name: o.name,
    deviceIds: o.device,
    period: o.period,
    hourUtc: o.hour === undefined ? 0 : hourOf(o.hour),
    weekday: o.weekday === undefined ? 1 : weekdayOf(o.weekday),
    masks: masks ?? ['g8273.2-class-c'],
    warn: thresholdsOf('--warn', o.warn ?? []),
    alert: thresholdsOf('--alert', o.alert ?? []),
    folder: local ? resolve(o.folder) : o.folder,
    lang: o.lang,
    enabled: !o.disabled,
  };
}

/** `syncscope reports schedules list|add|remove|run-now`: scheduled compliance reports, as the console's Reports section has them. */
export function registerReportScheduleCommands(program: Command, where: Where, withAccess: WithAccess): void {
  const schedules = program
    .command('reports')
    .description('scheduled compliance reports (daily or weekly HTML + JSON into a folder on the engine\'s machine)')
    .command('schedules')
    .description('list, add, remove or run now the report schedules');

  where(schedules.command('list').description('the schedules with their last run (level, or why it failed)').option('--json', 'print JSON')).action((o: Target & { json?: boolean }) =>
    withAccess(o, async (a) => {
      const list = await a.client.call('reports.schedules.list');
      if (o.json) {
        console.log(JSON.stringify(list, null, 2));
        return;
      }
      const devices = (await a.client.call('history.devices', {})).devices;
      printSchedules(list, (id) => devices.find((d) => d.id === id)?.name ?? id);
    }),
  );

  where(
    schedules
      .command('add')
      .description('a new schedule: the engine that serves the data folder writes its reports when each day or week is over')
      .requiredOption('--name <name>', 'what the schedule and its files are called')
      .requiredOption('--device <name>', 'a device to report on (repeatable: several in one report)', repeatable)
      .addOption(new Option('--period <period>', 'daily or weekly').choices(['daily', 'weekly']).makeOptionMandatory())
      .option('--hour <h>', 'the UTC hour a report is made (it covers the day or week that ended then)', '0')
      .option('--weekday <day>', 'weekly: the weekday the week ends on (mon … sun)', 'mon')
      .option('--mask <name>', 'judge against this mask: g8273.2-class-a|b|c (or class-c), g8271.1-network-c, or an id from --mask-file (repeatable; default class C)', repeatable)
      .option('--mask-file <file>', 'user masks: a JSON mask object or an array of them')
      .option('--warn <key=value>', 'a warn threshold: max-abs-offset=NS, p99-abs-offset=NS, gaps=DURATION, gm-changes=N (repeatable)', repeatable)
      .option('--alert <key=value>', 'an alert threshold, same keys as --warn (repeatable)', repeatable)
      .requiredOption('--folder <dir>', "where the HTML and JSON are written: an absolute folder on the engine's machine (created at the first run)")
      .addOption(new Option('--lang <lang>', 'language of the HTML page').choices(['en', 'zh-CN']).default('en'))
      .option('--disabled', 'keep it without running it on its own (run-now still runs it)'),
  ).action((o: AddFlags) =>
    withAccess(o, async (a) => {
      const s = await a.client.call('reports.schedules.save', { schedule: scheduleInput(o, !a.live) });
      console.log(`Added report schedule ${s.name} (${s.id.slice(0, 8)}): ${s.period}, into ${s.folder}.`);
      if (!a.live) console.log('The engine serving this data folder (syncscope serve or the desktop app) writes its reports.');
    }),
  );

  where(schedules.command('remove').description('remove a schedule (the reports it wrote stay)').argument('<id>', 'schedule id, its first characters, or its name')).action((wanted: string, o: Target) =>
    withAccess(o, async (a) => {
      const id = await scheduleId(a, wanted);
      await a.client.call('reports.schedules.remove', { id });
      console.log(`Removed report schedule ${wanted}.`);
    }),
  );

  where(schedules.command('run-now').description("write the schedule's report for its newest complete day or week now").argument('<id>', 'schedule id, its first characters, or its name').option('--json', 'print the run as JSON')).action(
    (wanted: string, o: Target & { json?: boolean }) =>
      withAccess(o, async (a) => {
        const run = await a.client.call('reports.schedules.run', { id: await scheduleId(a, wanted) });
        if (o.json) console.log(JSON.stringify(run, null, 2));
        // A run that failed is recorded with its error (the list shows it); the command says it and fails with it.
        if (run.error) throw new SyncscopeError(run.error);
        if (!o.json) console.log(`${run.level}: ${run.htmlFile} and ${run.jsonFile} (${time(run.fromMs)} to ${time(run.toMs)})${run.findings.map((f) => `\n  ${f}`).join('')}`);
      }),
  );
}

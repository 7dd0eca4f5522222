import type { Command } from 'commander';
import type { ErrorLanguage } from '../../../shared/errors/catalog-types';
import type { TsnDeviceSettings } from '../../../shared/tsn/config/device-settings';
import { tcProblemText } from '../../../shared/tsn/config/problem-text';
import { QdiscModelSchema } from '../../../shared/tsn/config/qdisc-model-schema';
import { displayCommand } from '../../../shared/tsn/config/tc-command';
import { isJsonObject, readTcJson, type TcJson } from '../../../shared/tsn/config/tc-json-reader';
import { tcError, type TcProblem } from '../../../shared/tsn/config/tc-problem';
import { tcCommandFor } from '../../../shared/tsn/config/tc-qdisc';
import { cliLanguage, readInputFileOrSay } from './input-file';
import { printMessageLines } from './message-lines';

/** What `tsn plan` exits with: 1 is a model tc or the kernel would refuse (as `config check`). */
export const TSN_PLAN_EXIT = { valid: 0, invalid: 1, unreadable: 2 } as const;

interface PlanFlags {
  dev?: string;
  linkSpeed?: string;
  txQueues?: string;
  gclCapacity?: string;
  mtu?: string;
  ptpPriority?: string;
  txTimestampTimeout?: string;
  nowTai?: string;
  lang: string;
  json?: boolean;
}

interface PlanItem {
  dev: string | null;
  device: TsnDeviceSettings;
  qdisc: TcJson;
}

const DEVICE_FLAGS = [
  ['linkSpeed', 'linkSpeedMbps'],
  ['txQueues', 'txQueues'],
  ['gclCapacity', 'gclCapacity'],
  ['mtu', 'mtu'],
  ['ptpPriority', 'ptpSocketPriority'],
  ['txTimestampTimeout', 'txTimestampTimeoutMs'],
] as const;

function deviceOf(raw: TcJson | undefined, o: PlanFlags): TsnDeviceSettings {
  const d: Record<string, unknown> = {};
  if (isJsonObject(raw)) for (const [k, v] of Object.entries(raw)) d[k] = typeof v === 'bigint' ? v.toString() : v;
  for (const [flag, field] of DEVICE_FLAGS) if (o[flag] !== undefined) d[field] = Number(o[flag]);
  if (o.nowTai !== undefined) d.nowTaiNs = o.nowTai;
  return d as TsnDeviceSettings;
}

/** A file holds one model, `{ "dev", "device", "qdisc" }`, or a list of either (a root and its children). */
function itemsOf(value: TcJson, o: PlanFlags): PlanItem[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => {
    const wrapped = isJsonObject(v) && Object.hasOwn(v, 'qdisc');
    const dev = o.dev ?? (wrapped && typeof v.dev === 'string' ? v.dev : null);
    return { dev, device: deviceOf(wrapped ? v.device : undefined, o), qdisc: wrapped ? (v.qdisc ?? null) : v };
  });
}

function printProblems(where: string, problems: readonly TcProblem[], lang: ErrorLanguage): void {
  for (const p of problems) printMessageLines(`${where}: ${p.severity}: ${p.field}`, tcProblemText(p, lang));
}

/** Plans every qdisc of a model file; prints the commands (stdout) and problems (stderr); returns the exit status. */
export function runTsnPlan(file: string, o: PlanFlags): number {
  const lang = cliLanguage(o.lang);
  const text = readInputFileOrSay(file);
  if (text === null) return TSN_PLAN_EXIT.unreadable;
  const read = readTcJson(text);
  if (read.failure) {
    printProblems(file, [tcError('tsn-config.json-invalid', 'json', { ...read.failure })], lang);
    return TSN_PLAN_EXIT.unreadable;
  }
  const results = itemsOf(read.value, o).map((item, index) => {
    const where = `${file}${Array.isArray(read.value) ? `[${index}]` : ''}`;
    const parsed = QdiscModelSchema.safeParse(item.qdisc);
    if (!parsed.success) {
      return { where, argv: null, problems: parsed.error.issues.slice(0, 20).map((i) => tcError('tsn-config.model-shape', i.path.join('.') || 'kind', { field: i.path.join('.') || 'kind', detail: i.message })) };
    }
    if (item.dev === null) return { where, argv: null, problems: [tcError('tsn-config.iface-invalid', 'dev', { iface: '(none: give --dev IFACE or "dev" in the file)' })] };
    return { where, ...tcCommandFor(parsed.data, item.dev, item.device) };
  });
  const failed = results.some((r) => r.argv === null);
  if (o.json) {
    console.log(JSON.stringify({ file, valid: !failed, commands: results.map((r) => ({ argv: r.argv, command: r.argv ? displayCommand(r.argv) : null, problems: r.problems.map((p) => ({ ...p, ...tcProblemText(p, lang) })) })) }, null, 2));
  } else {
    for (const r of results) {
      if (r.argv) console.log(displayCommand(r.argv));
      printProblems(r.where, r.problems, lang);
    }
  }
  return failed ? TSN_PLAN_EXIT.invalid : TSN_PLAN_EXIT.valid;
}

/** The `tsn` command group, made once: `tsn plan` (here) and `tsn parse` (statistics) both hang from it. */
export function tsnCommandGroup(program: Command): Command {
  return program.commands.find((c) => c.name() === 'tsn') ?? program.command('tsn').description('TSN qdiscs and statistics: plan a tc command, read saved tc/ethtool output');
}

/** `syncscope tsn plan FILE.json`. */
export function registerTsnPlanCommand(program: Command, outcome: { status: number }): void {
  tsnCommandGroup(program)
    .command('plan')
    .description('print the tc command for a taprio, cbs, etf or mqprio model (JSON), or its validation errors; exit 0 valid, 1 invalid, 2 unreadable file. Warnings go to stderr')
    .argument('<file>', 'the model: {"kind":"taprio",…}, {"dev":"eth0","device":{…},"qdisc":{…}}, or a list of them (- reads standard input)')
    .option('--dev <iface>', 'the interface (overrides "dev" in the file)')
    .option('--link-speed <Mbit/s>', 'link speed, for minimum intervals, PTP frame time and cbs slopes')
    .option('--tx-queues <n>', 'TX queues of the interface (ethtool -l)')
    .option('--gcl-capacity <n>', "entries the NIC's gate-control list holds")
    .option('--mtu <bytes>', 'interface MTU, for max-sdu')
    .option('--ptp-priority <n>', "ptp4l's socket_priority (default 0)")
    .option('--tx-timestamp-timeout <ms>', "ptp4l's tx_timestamp_timeout (default 10)")
    .option('--now-tai <ns>', "the device's TAI time now, to judge a base-time in the past")
    .option('--lang <en|zh-CN>', 'language of the messages', 'en')
    .option('--json', 'print JSON (argv, command and problems of each qdisc)')
    .action((file: string, o: PlanFlags) => {
      outcome.status = runTsnPlan(file, o);
    });
}

import { Option, type Command } from 'commander';
import type { Access } from './engine-access';
import { runExport, type ExportFlags } from './export-command';
import { runReport, type ReportFlags } from './report-command';

type Where = (c: Command) => Command;
type WithAccess = <T>(o: { server?: string; data?: string }, fn: (a: Access) => Promise<T>) => Promise<T>;
type Remote = { server?: string; data?: string };

const repeatable = (v: string, prev: string[] = []) => [...prev, v];

/** `syncscope export` and `syncscope report`: history out of the engine for spreadsheets, people and lab CI. */
export function registerHistoryCommands(program: Command, where: Where, withAccess: WithAccess, outcome: { status: number }): void {
  const target = (c: Command) =>
    c
      .option('--device <name>', 'a device (of the live history, or of --session)')
      .option('--session <name>', 'a session (captured or imported history) instead of the live history')
      .option('--from <time>', 'start: ISO 8601 (UTC unless it names a zone), or a duration back from now (2h, 7d); default: an hour before --to, or the session start')
      .option('--to <time>', 'end: ISO 8601, "now" or a duration back from now; default: now, or the session end');

  where(
    target(program.command('export').description('points and events of a device or session as CSV (ISO 8601 UTC and integer-ns time columns) or JSON, streamed to a file'))
      .addOption(new Option('--format <format>', 'csv or json').choices(['csv', 'json']).makeOptionMandatory())
      .option('--out <file>', 'write here (CSV: events go to FILE.events.csv beside it); default: stdout')
      .option('--metric <key>', 'only this metric, e.g. ptp.offset_from_master (repeatable)', repeatable)
      .option('--no-bom', 'CSV without the UTF-8 byte order mark (Excel needs it for non-ASCII names; scripts may not want it)'),
  ).action((o: ExportFlags & Remote) => withAccess(o, (a) => runExport(a, o)));

  where(
    target(program.command('report').description('a summary and timing-quality report (MTIE/TDEV against masks) as JSON or one self-contained HTML page; with --mask, exits 11 when the mask fails'))
      .option('--json', 'print the report as JSON on stdout')
      .option('--html <file>', 'write the report as one HTML page that opens offline')
      .option('--mask <name>', 'gate on this mask: g8273.2-class-a|b|c (or class-c), g8271.1-network-c, or an id from --mask-file (repeatable)', repeatable)
      .option('--mask-file <file>', 'user masks: a JSON mask object or an array of them')
      .option('--transient <time>', 'leave out the initial transient: a duration after --from (5m) or a time')
      .option('--lang <en|zh-CN>', 'language of the HTML page', 'en'),
  ).action(async (o: ReportFlags & Remote) => {
    outcome.status = await withAccess(o, (a) => runReport(a, o));
  });
}

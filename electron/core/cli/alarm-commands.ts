import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { Alarm } from '../../../shared/alarms/alarm-model';
import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import { writeOutputFile } from '../history/output-file';
import type { Access } from './engine-access';
import { printTable } from './table';

type Where = (c: Command) => Command;
type WithAccess = <T>(o: { server?: string; data?: string }, fn: (a: Access) => Promise<T>) => Promise<T>;
type Target = { server?: string; data?: string };

/** The login name that acknowledged, for the alarm's history. */
function operator(): string | undefined {
  try {
    return userInfo().username.replace(/[^\p{L}\p{N} ._@-]/gu, '').slice(0, 64) || undefined;
  } catch {
    return undefined;
  }
}

const time = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z'));

function printAlarms(alarms: Alarm[], what: string): void {
  if (alarms.length === 0) {
    console.log(`No ${what}.`);
    return;
  }
  printTable([
    ['ID', 'STATE', 'SEVERITY', 'DEVICE', 'RULE', 'SINCE', 'SUMMARY'],
    ...alarms.map((a) => [a.id.slice(0, 8), a.state + (a.silenced ? ' (silenced)' : '') + (a.flapping ? ' (flapping)' : ''), a.severity, a.deviceName ?? '-', a.ruleId, time(a.firedAtMs ?? a.startedAtMs), a.summary]),
  ]);
}

/** An alarm by its id or the unique start of it (the 8 characters `syncscope alarms` shows). */
async function alarmId(a: Access, prefix: string): Promise<string> {
  const open = await a.client.call('alarms.active');
  const found = open.filter((x) => x.id.startsWith(prefix.toLowerCase()));
  if (found.length === 1 && found[0]) return found[0].id;
  if (found.length > 1) throw new SyncscopeError({ code: 'invalid-input', field: 'id', message: `"${prefix}" starts ${found.length} alarm ids`, hint: 'Give more characters of the id (syncscope alarms --json shows whole ids).' });
  return prefix;
}

function readRuleFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new SyncscopeError(catalogError('alarms.rule-file-invalid', { detail: `${path}: ${(err as Error).message}` }));
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new SyncscopeError(catalogError('alarms.rule-file-invalid', { detail: `${path} is not JSON: ${(err as Error).message}` }));
  }
}

/** `syncscope alarms …`: list, acknowledge, rules export/import, the Prometheus rule file. */
export function registerAlarmCommands(program: Command, where: Where, withAccess: WithAccess): void {
  const alarms = where(
    program
      .command('alarms')
      .description('alarms: those firing now (--active) or all recent ones, acknowledge, rules as a file, Prometheus rules')
      .option('--active', 'only alarms not resolved (pending, firing, acknowledged)')
      .option('--json', 'print JSON'),
  ).action((o: Target & { active?: boolean; json?: boolean }) =>
    withAccess(o, async (a) => {
      const list = o.active ? await a.client.call('alarms.active') : await a.client.call('alarms.list', { limit: 200 });
      if (o.json) console.log(JSON.stringify(list, null, 2));
      else printAlarms(list, o.active ? 'active alarms' : 'alarms');
    }),
  );

  // --server and --data belong to `alarms` (commander hands them to the parent wherever they stand): subcommands read them from there.
  alarms
    .command('ack')
    .description('acknowledge a firing alarm (who and why are kept in its history)')
    .argument('<id>', 'alarm id, or its first characters as `syncscope alarms` shows them')
    .option('--comment <text>', 'why, for whoever reads the history', '')
    .action((id: string, _o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals<Target & { comment: string }>();
      return withAccess(o, async (a) => {
      const op = operator();
      const acked = await a.client.call('alarms.ack', { id: await alarmId(a, id), comment: o.comment, ...(op ? { operator: op } : {}) });
      console.log(`Acknowledged ${acked.id.slice(0, 8)} (${acked.ruleName} on ${acked.deviceName ?? 'the network'})${a.live ? '' : '; the running engine applies it within a second'}`);
      });
    });

  const rules = alarms.command('rules').description('alarm rules as a versioned JSON file');
  rules.command('export').description('write every rule to FILE (JSON)').argument('<file>', 'where to write').action((file: string, _o: unknown, cmd: Command) =>
    withAccess(cmd.optsWithGlobals<Target>(), async (a) => {
      const data = await a.client.call('alarms.rules.export');
      const path = await writeOutputFile(file, `${JSON.stringify(data, null, 2)}\n`);
      console.log(`Wrote ${data.rules.length} rules to ${path}`);
    }),
  );
  rules
    .command('import')
    .description('read rules from FILE: added, or replacing those of the same id (--replace: all)')
    .argument('<file>', 'a file `alarms rules export` wrote')
    .option('--replace', "replace every rule with the file's")
    .action((file: string, _o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals<Target & { replace?: boolean }>();
      return withAccess(o, async (a) => {
        const r = await a.client.call('alarms.rules.import', { file: readRuleFile(file), mode: o.replace ? 'replace' : 'merge' });
        console.log(`Imported ${r.imported} rules; ${r.total} in all`);
      });
    });

  alarms
    .command('prometheus-rules')
    .description('the rules as Prometheus alerting rules (YAML over the /metrics names; promtool check rules accepts it)')
    .option('--output <file>', 'write to a file instead of standard output')
    .action((_o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals<Target & { output?: string }>();
      return withAccess(o, async (a) => {
        const { yaml } = await a.client.call('alarms.rules.prometheus');
        if (!o.output) return void process.stdout.write(yaml);
        console.log(`Wrote ${await writeOutputFile(o.output, yaml)}`);
      });
    });
}

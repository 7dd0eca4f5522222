import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import type { AuditEntry, PushResult } from '../../../shared/contract/methods-config';
import { actorText } from '../../../shared/config-push/audit-export';
import type { DeviceView } from '../../../shared/domain/device';
import { RestartCommand } from '../../../shared/domain/device';
import { SyncscopeError } from '../../../shared/domain/errors';
import { parseTimeFlag } from '../../../shared/history/export/time-range';
import { openOutputFile } from '../history/output-file';
import type { Access } from './engine-access';
import { deviceNamed } from './host-key-commands';
import { EXIT_STATUSES } from './exit-codes';
import { printTable } from './table';

type Where = (c: Command) => Command;
type WithAccess = <T>(o: { server?: string; data?: string }, fn: (a: Access) => Promise<T>) => Promise<T>;
type Remote = { server?: string; data?: string };

/** `config push` exits with this when the config was not applied (refused, failed, rolled back); 0 when it was (or was there already). */
export const PUSH_NOT_APPLIED_EXIT = 13;

interface PushFlags extends Remote {
  instance?: string;
  yes?: boolean;
  json?: boolean;
  expect?: string;
  timeout?: string;
}

interface AuditFlags extends Remote {
  device?: string;
  since?: string;
  limit: string;
  json?: boolean;
  csv?: string;
}

/** The instance a command names, or the device's only one. */
function instanceOf(d: DeviceView, name: string | undefined): string {
  if (name !== undefined) return name;
  if (d.instances.length === 1) return d.instances[0]!.name;
  throw new SyncscopeError({ code: 'invalid-input', field: 'instance', message: `${d.name} has ${d.instances.length} ptp4l instances (${d.instances.map((i) => i.name).join(', ')}): name one with --instance` });
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

function printResult(r: PushResult): void {
  for (const s of r.steps) console.log(`  ${s.phase === 'rollback' ? 'rollback ' : ''}${s.step.padEnd(8)} ${s.state.padEnd(7)} ${s.error ? s.error.message : (s.detail ?? '')}`);
  console.log(`${r.outcome} in ${(r.durationMs / 1000).toFixed(1)} s (audit ${r.auditId})`);
  if (r.error) console.log(`${r.error.message}${r.error.hint ? `\n  ${r.error.hint}` : ''}`);
  if (r.rollback?.error) console.log(`rollback: ${r.rollback.error.message}${r.rollback.error.hint ? `\n  ${r.rollback.error.hint}` : ''}`);
  if (r.backupPath) console.log(`backup on the device: ${r.backupPath}`);
}

/** `config push DEVICE FILE`: preview (validation + diff), ask unless --yes, push, and say every step. */
async function runPush(a: Access, name: string, file: string, o: PushFlags): Promise<number> {
  const device = await deviceNamed(a, name);
  const instance = instanceOf(device, o.instance);
  const text = readFileSync(file === '-' ? 0 : file, 'utf8');
  const preview = await a.client.call('config.preview', { deviceId: device.id, instance, text });
  for (const i of preview.validation.issues) console.error(`${file}:${i.line ?? '-'}: ${i.severity}: ${i.message}`);
  if (preview.unchanged) {
    console.log(`${device.name} holds this ${preview.path} already: nothing to push.`);
    return 0;
  }
  if (!o.json) process.stdout.write(preview.diff.unified);
  for (const b of preview.blockers) console.error(`refused: ${b.message}${b.hint ? `\n  ${b.hint}` : ''}`);
  if (preview.blockers.length > 0) return PUSH_NOT_APPLIED_EXIT;
  if (!o.yes && !(await confirm(`Push this to ${preview.path} on ${device.name} and restart ptp4l (${instance})? [y/N] `))) {
    console.error(process.stdin.isTTY ? 'Not pushed.' : 'Not pushed: no terminal to ask on; give --yes to push without asking.');
    return PUSH_NOT_APPLIED_EXIT;
  }
  const verify = {
    ...(o.expect ? { expectedPortStates: o.expect.split(',').map((s) => s.trim().toUpperCase()) } : {}),
    ...(o.timeout ? { timeoutMs: Math.round(Number(o.timeout) * 1000) } : {}),
  };
  const off = o.json ? null : a.client.on('config.push.progress', (p) => {
    if (p.deviceId === device.id && p.state === 'running') console.log(`… ${p.phase === 'rollback' ? 'rollback ' : ''}${p.step}`);
  });
  try {
    // The expected states are checked by the contract's schema (PortState names).
    const result = await a.client.call('config.push', { deviceId: device.id, instance, text, confirmedSha256: preview.currentSha256, verify: verify as never });
    if (o.json) console.log(JSON.stringify(result, null, 2));
    else printResult(result);
    return result.outcome === 'applied' || result.outcome === 'unchanged' ? 0 : PUSH_NOT_APPLIED_EXIT;
  } finally {
    off?.();
  }
}

async function runAudit(a: Access, o: AuditFlags): Promise<void> {
  const deviceId = o.device ? (await deviceNamed(a, o.device)).id : undefined;
  const limit = Number(o.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new SyncscopeError({ code: 'invalid-input', field: 'limit', message: '--limit must be a whole number from 1 to 10000' });
  const q = { ...(deviceId ? { deviceId } : {}), ...(o.since ? { sinceMs: parseTimeFlag('--since', o.since, Date.now()) } : {}), limit };
  if (o.csv) {
    const out = await a.client.call('config.auditExport', { ...q, format: 'csv' });
    if (o.csv === '-') process.stdout.write(out.text);
    else {
      const file = openOutputFile(o.csv);
      try {
        await file.write(out.text);
        await file.commit();
      } catch (err) {
        await file.abort();
        throw err;
      }
      console.log(`${out.rows} pushes written to ${file.path}`);
    }
    return;
  }
  const entries: AuditEntry[] = await a.client.call('config.audit', q);
  if (o.json) return console.log(JSON.stringify(entries, null, 2));
  if (entries.length === 0) return console.log('No config pushes recorded.');
  printTable([
    ['STARTED (UTC)', 'DEVICE', 'TARGET', 'OUTCOME', 'WHO', 'FAILED STEP', 'ERROR'],
    ...entries.map((e) => {
      const failed = e.steps.find((s) => s.state === 'failed');
      return [new Date(e.startedAtMs).toISOString().replace('T', ' ').slice(0, 19), e.deviceName, e.instance ? `${e.target} (${e.instance})` : e.target, e.outcome, actorText(e.actor), failed ? `${failed.phase} ${failed.step}` : '-', e.error?.message.slice(0, 80) ?? '-'];
    }),
  ]);
}

/** Sets (or clears, with no command) the command that applies a pushed config to an instance. */
async function runRestartCommand(a: Access, name: string, argv: string[], o: Remote & { instance?: string }): Promise<void> {
  const device = await deviceNamed(a, name);
  const instance = instanceOf(device, o.instance);
  if (!device.instances.some((i) => i.name === instance)) throw new SyncscopeError({ code: 'not-found', message: `${device.name} has no ptp4l instance named ${instance}` });
  let command: string[] | undefined;
  if (argv.length > 0) {
    const parsed = RestartCommand.safeParse(argv);
    if (!parsed.success) throw new SyncscopeError({ code: 'invalid-input', field: 'restartCommand', message: parsed.error.issues[0]?.message ?? 'invalid restart command' });
    command = parsed.data;
  }
  const instances = device.instances.map((i) => {
    if (i.name !== instance) return i;
    const { restartCommand: _old, ...rest } = i;
    return command ? { ...rest, restartCommand: command } : rest;
  });
  await a.client.call('devices.update', { id: device.id, patch: { instances } });
  console.log(command ? `${device.name} (${instance}) applies a pushed config with: ${command.join(' ')}` : `${device.name} (${instance}) has no restart command now: pushes to it are refused.`);
}

/** `config push`, `config audit` and `config restart-command`, in the `config` group `config check` made (or a new one). */
export function registerConfigPushCommands(program: Command, where: Where, withAccess: WithAccess, outcome: { status: number }): void {
  const config = program.commands.find((c) => c.name() === 'config') ?? program.command('config').description('device configuration files');
  const exits = `\nExit status: 0 applied (or already there), ${PUSH_NOT_APPLIED_EXIT} not applied (refused, failed or rolled back), others as for every command:\n${EXIT_STATUSES.map((e) => `  ${String(e.status).padStart(2)}  ${e.meaning}`).join('\n')}\n`;
  where(
    config
      .command('push')
      .description("push a ptp4l.conf to a device safely: shows the diff and asks, backs up on the device, writes atomically, restarts ptp4l with the instance's restart command, verifies through pmc, and rolls back by itself on any failure")
      .argument('<device>', 'device name')
      .argument('<file>', 'the new ptp4l.conf (- reads standard input)')
      .option('--instance <name>', 'the ptp4l instance (default: the device\'s only one)')
      .option('--yes', 'push without asking')
      .option('--expect <states>', 'port states that count as back, comma-separated (default MASTER,SLAVE,PASSIVE)')
      .option('--timeout <seconds>', 'how long verify waits for them (default 30)')
      .option('--json', 'print the result as JSON'),
  )
    .addHelpText('after', exits)
    .action(async (name: string, file: string, o: PushFlags) => {
      outcome.status = await withAccess(o, (a) => runPush(a, name, file, o));
    });
  where(
    config
      .command('audit')
      .description('every config push, newest first: when, who, device, target, outcome, the step that failed, rollback')
      .option('--device <name>', 'only this device')
      .option('--since <time>', 'ISO 8601 or a duration back from now (2h, 7d)')
      .option('--limit <n>', 'at most this many', '200')
      .option('--json', 'print JSON (with each push\'s steps and diff)')
      .option('--csv <file>', 'write a CSV file (- for stdout), safe to open in a spreadsheet'),
  ).action((o: AuditFlags) => withAccess(o, (a) => runAudit(a, o)));
  where(
    config
      .command('restart-command')
      .description("set how a pushed ptp4l.conf is applied to an instance (a command run without a shell), e.g. -- systemctl restart ptp4l@eth0; no command clears it")
      .argument('<device>', 'device name')
      .argument('[command...]', 'the program and its arguments, after --')
      .option('--instance <name>', 'the ptp4l instance (default: the device\'s only one)'),
  ).action((name: string, argv: string[], o: Remote & { instance?: string }) => withAccess(o, (a) => runRestartCommand(a, name, argv, o)));
}

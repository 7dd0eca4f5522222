import { Command, CommanderError, Option } from 'commander';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deviceTarget, type DeviceView } from '../../../shared/domain/device';
import { errorValueOf, SyncscopeError } from '../../../shared/domain/errors';
import type { DeviceStatus } from '../../../shared/domain/status';
import { catalogError } from '../../../shared/errors/catalog';
import { ENGINE_VERSION } from '../engine';
import { createLogger, type LogFormat } from '../log';
import { defaultDataDir, desktopDataDir } from '../paths';
import { serve } from '../server/serve';
import { AUTH_FLAG_KINDS, deviceInputFromFlags, type DeviceAddFlags } from './device-input';
import { runDoctorCommand, type DoctorFlags } from './doctor-command';
import { runEvents, type EventsFlags } from './events-command';
import { registerAlarmCommands } from './alarm-commands';
import { registerHistoryCommands } from './history-commands';
import { registerReportScheduleCommands } from './report-schedule-commands';
import { registerHostKeyCommands } from './host-key-commands';
import { registerConnectCommands } from './connect-commands';
import { registerDeviceEditCommand } from './device-edit-command';
import { registerConfigCommands } from './config-commands';
import { registerConfigPushCommands } from './config-push-commands';
import { registerTsnPlanCommand } from './tsn-plan-command';
import { registerTsnParseCommand } from './tsn-parse-command';
import { runImport, type ImportFlags } from './import-command';
import { registerSessionCommands } from './session-commands';
import { registerSerialCommands } from './serial-commands';
import { openAccess, type Access } from './engine-access';
import { exitStatusHelp, exitStatusOf, USAGE_EXIT } from './exit-codes';
import { listenPort } from './numbers';
import { printTable } from './table';

export const DEFAULT_PORT = 7462;
export const DEFAULT_METRICS_PORT = 9462;

/** commander keeps a parser's null as "no value", so "off" travels as its own word until the action. */
function metricsPort(value: string): number | 'off' {
  return value === 'off' ? 'off' : listenPort('--metrics-port', value, DEFAULT_METRICS_PORT);
}

function rendererDir(): string {
  // The CLI is bundled to out/main/cli.js; the UI is built to out/renderer.
  return process.env.SYNCSCOPE_RENDERER_DIR ?? resolve(__dirname, '..', 'renderer');
}

function target(d: DeviceView): string {
  const via = d.jump ? ` via ${deviceTarget({ transport: 'ssh', ...d.jump })}` : '';
  return `${deviceTarget(d) ?? 'local'}${via}`;
}

/** One instance: its UDS path; several: `name=path` each. */
function instancesText(d: DeviceView): string {
  return d.instances.length === 1 ? d.udsPath : d.instances.map((i) => `${i.name}=${i.udsPath}`).join(' ');
}

const repeatable = (v: string, prev: string[] = []) => [...prev, v];

function statusText(s: DeviceStatus | undefined): string {
  if (!s) return '-';
  return s.lastError && s.connection !== 'online' ? `${s.connection} (${s.lastError.code})` : s.connection;
}

async function withAccess<T>(opts: { server?: string; data?: string }, fn: (a: Access) => Promise<T>): Promise<T> {
  const access = await openAccess({ ...(opts.server ? { server: opts.server } : {}), data: opts.data ?? defaultDataDir() });
  try {
    return await fn(access);
  } finally {
    await access.close();
  }
}

interface ServeFlags {
  host: string;
  port: number;
  data: string;
  metricsPort: number | 'off';
  metricsHost?: string;
  allowHost: string[];
  logFormat?: LogFormat;
}

async function runServe(o: ServeFlags): Promise<void> {
  const log = createLogger(o.logFormat ? { format: o.logFormat } : {});
  const dir = rendererDir();
  if (!existsSync(join(dir, 'index.html'))) log.warn(`The UI is not built (${dir}); run \`npm run build\`. The API and /metrics still work.`);
  const running = await serve({
    dataDir: o.data,
    host: o.host,
    port: o.port,
    metricsPort: o.metricsPort === 'off' ? null : o.metricsPort,
    ...(o.metricsHost ? { metricsHost: o.metricsHost } : {}),
    allowHosts: o.allowHost,
    rendererDir: dir,
    log,
    holder: 'syncscope serve',
  });
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.log(`${signal} again: exiting without waiting.`);
      process.exit(130);
    }
    stopping = true;
    console.log('Stopping…');
    running.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  // Before the banner: whoever reads it may signal at once.
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  console.log(`Syncscope engine serving the console at ${running.url}`);
  console.log(running.metricsUrl ? `Prometheus metrics at ${running.metricsUrl}` : 'Prometheus metrics are off');
  console.log(`Data directory: ${o.data}`);
  console.log('Stop with Ctrl-C (or SIGTERM): it finishes writing and releases the data folder.');
}

/** What a command that decides its own exit status (doctor) leaves for main to return. */
export interface CliOutcome {
  status: number;
}

export function buildProgram(outcome: CliOutcome = { status: 0 }): Command {
  const program = new Command('syncscope')
    .description('Syncscope: PTP and TSN lab console')
    .version(ENGINE_VERSION)
    .exitOverride()
    .addHelpText('after', exitStatusHelp());

  program
    .command('serve')
    .description('run the engine headless: the UI over HTTP, the API over socket.io, and /metrics (stop with Ctrl-C or SIGTERM)')
    .option('--host <addr>', 'address to listen on (use 0.0.0.0 only on a trusted network)', '127.0.0.1')
    .option('--port <n>', 'HTTP port for the UI (0 picks a free one)', (v) => listenPort('--port', v, DEFAULT_PORT), DEFAULT_PORT)
    .option('--data <dir>', 'data directory (database, secret key); $SYNCSCOPE_DATA overrides the default', defaultDataDir())
    .option('--metrics-port <n|off>', 'Prometheus /metrics port, or "off"', metricsPort, DEFAULT_METRICS_PORT)
    .option('--metrics-host <addr>', 'address for /metrics (default: same as --host)')
    .option('--allow-host <name>', 'a name the console may be opened by, besides its address and localhost (repeatable)', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .addOption(new Option('--log-format <format>', 'log lines: readable on a terminal, JSON otherwise ($SYNCSCOPE_LOG_FORMAT)').choices(['pretty', 'json']))
    .addHelpText('after', exitStatusHelp())
    .action((o: ServeFlags) => runServe(o));

  const device = program.command('device').description('add, list and remove device profiles');
  const where = (c: Command) =>
    c
      .option('--server <url>', 'a running `syncscope serve`, e.g. http://127.0.0.1:7462')
      .option('--data <dir>', `data directory to edit directly (default: ${defaultDataDir()}; the desktop app's is ${desktopDataDir()})`)
      .addHelpText('after', exitStatusHelp());

  where(
    device
      .command('add')
      .description('add a device reached over SSH (or --serial PORT for its serial console, or --local for this machine)')
      .requiredOption('--name <name>', 'unique device name')
      .option('--host <host>', 'SSH host name or address')
      .option('--user <user>', 'SSH login name (with --serial: the console login name)')
      .option('--key <file>', 'private key file (read now and stored encrypted)')
      .option('--passphrase-env <VAR>', 'environment variable holding the key passphrase')
      .option('--password-env <VAR>', 'environment variable holding the SSH password (also for --keyboard-interactive; with --serial: the console password)')
      .addOption(new Option('--auth <kind>', 'how to log in (default: key with --key, password with --password-env); agent uses $SSH_AUTH_SOCK').choices(AUTH_FLAG_KINDS))
      .option('--keyboard-interactive', 'log in keyboard-interactive, answering with the password from --password-env')
      .option('--ssh-port <n>', 'SSH port', '22')
      .option('--jump <[user@]host[:port]>', 'reach the device through this SSH jump host (ProxyJump); it logs in the way the device does unless given its own login (--jump-key, --jump-password-env, --jump-auth)')
      .option('--jump-key <file>', "the jump host's own private key (read now and stored encrypted)")
      .option('--jump-passphrase-env <VAR>', "environment variable holding the jump key's passphrase")
      .option('--jump-password-env <VAR>', "environment variable holding the jump host's own password (also for --jump-auth keyboard-interactive)")
      .addOption(new Option('--jump-auth <kind>', 'how the jump host logs in with its own login (as --auth)').choices(AUTH_FLAG_KINDS))
      .option('--uds <path>', "ptp4l's UDS path for pmc (uds_address) of the one instance; default /var/run/ptp4l")
      .option('--instance <name:uds[:config]>', 'a ptp4l instance: name, UDS path, optional config file (repeatable, up to 8; instead of --uds)', repeatable)
      .option('--interval <ms>', 'poll interval in milliseconds', '1000')
      .option('--local', 'the machine the engine runs on, no SSH')
      .option('--tsn-interfaces <list>', 'interfaces whose TSN statistics are read, comma-separated (eth0,eth1); default: the ones ptp4l runs on and those with a configured root qdisc')
      .option('--serial <path>', 'reach the device through its serial console at this port (/dev/ttyUSB0, COM3); --user and --password-env log in at its login: prompt')
      .option('--baud <n>', 'serial baud rate (default 115200)')
      .option('--data-bits <n>', 'serial data bits: 5, 6, 7 or 8 (default 8)')
      .addOption(new Option('--parity <kind>', 'serial parity (default none)').choices(['none', 'even', 'odd', 'mark', 'space']))
      .option('--stop-bits <n>', 'serial stop bits: 1, 1.5 or 2 (default 1)')
      .addOption(new Option('--flow-control <kind>', 'serial flow control (default none)').choices(['none', 'rtscts', 'xonxoff'])),
  ).action(async (o: DeviceAddFlags & { server?: string; data?: string }) => {
    const input = deviceInputFromFlags(o);
    const view = await withAccess(o, (a) => a.client.call('devices.add', input));
    console.log(`Added ${view.name} (${target(view)}), id ${view.id}`);
  });

  where(device.command('list').description('list device profiles (with --server, how each is doing)').option('--json', 'print JSON')).action(
    async (o: { server?: string; data?: string; json?: boolean }) => {
      const { devices, statuses } = await withAccess(o, async (a) => ({
        devices: await a.client.call('devices.list'),
        statuses: a.live ? await a.client.call('devices.status') : null,
      }));
      if (o.json) return console.log(JSON.stringify(statuses ? devices.map((d) => ({ ...d, status: statuses.find((s) => s.deviceId === d.id) ?? null })) : devices, null, 2));
      if (devices.length === 0) return console.log('No devices yet. Add one with: syncscope device add --name NAME --host HOST --user USER --key FILE');
      // Without a running engine only a disconnect is known: it is the profile's.
      const withStatus = statuses !== null || devices.some((d) => d.disconnected);
      const status = (d: DeviceView) => (d.disconnected ? 'disconnected' : statusText(statuses?.find((s) => s.deviceId === d.id)));
      const head = ['NAME', 'TARGET', 'UDS', 'INTERVAL', ...(withStatus ? ['STATUS'] : [])];
      printTable([head, ...devices.map((d) => [d.name, target(d), instancesText(d), `${d.pollIntervalMs} ms`, ...(withStatus ? [status(d)] : [])])]);
    },
  );

  where(device.command('remove').description('remove a device profile (its history is deleted in the background)').argument('<name>', 'device name')).action(
    async (name: string, o: { server?: string; data?: string }) => {
      await withAccess(o, async (a) => {
        const found = (await a.client.call('devices.list')).find((d) => d.name.toLowerCase() === name.toLowerCase());
        if (!found) throw new SyncscopeError(catalogError('cli.device-name-not-found', { name }));
        await a.client.call('devices.remove', { id: found.id });
        console.log(`Removed ${found.name}`);
      });
    },
  );

  registerHostKeyCommands(device, where, withAccess);
  registerConnectCommands(device, where, withAccess);
  registerDeviceEditCommand(device, where, withAccess);
  registerSerialCommands(program);
  registerHistoryCommands(program, where, withAccess, outcome);
  registerReportScheduleCommands(program, where, withAccess);
  registerAlarmCommands(program, where, withAccess);

  where(
    program
      .command('events')
      .description("a device's events: port and servo states, grandmaster changes, connection gaps … (oldest first)")
      .requiredOption('--device <name>', 'device name')
      .option('--since <time>', 'only events at or after this time: ISO 8601 (UTC unless it names a zone), or a duration back from now (2h, -2h, 7d)')
      .option('--limit <n>', 'at most this many (the newest)', '1000')
      .option('--json', 'print JSON'),
  ).action((o: EventsFlags & { server?: string; data?: string }) => withAccess(o, (a) => runEvents(a, o)));

  where(
    program
      .command('import')
      .description('import raw logs (ptp4l -m / phc2sys / ts2phc output, syslog, journalctl short, short-iso, short-precise or -o json) into a session; with --server the files are paths on the server')
      .argument('<file...>', 'log files, read in order')
      .requiredOption('--session <name>', 'session to import into (created, or appended to when an import session has this name)')
      .option('--device <name>', 'device name for lines that name no host (default: the file name)')
      .option('--year <yyyy>', "year of syslog stamps, which have none (default: the file's modification year)")
      .option('--utc-offset <+HH:MM>', "zone of syslog stamps (default: this machine's)")
      .option('--notes <text>', 'notes of a new session')
      .option('--json', 'print the result as JSON'),
  ).action(async (files: string[], o: ImportFlags & { server?: string; data?: string }) => {
    outcome.status = await withAccess(o, (a) => runImport(a, files, o));
  });
  registerSessionCommands(program, where, withAccess);
  registerConfigCommands(program, outcome);
  registerConfigPushCommands(program, where, withAccess, outcome);
  registerTsnPlanCommand(program, outcome);
  registerTsnParseCommand(program, outcome);

  where(
    program
      .command('doctor')
      .description("a device's health checks, each with what to do: ptp4l running, pmc reaching it, other time daemons, timestamping, tx-timestamp timeouts, leap seconds, linuxptp version")
      .requiredOption('--device <name|id>', 'device name or id')
      .option('--json', 'print JSON')
      .option('--lang <en|zh-CN>', 'language of the findings', 'en'),
  ).action(async (o: DoctorFlags & { server?: string; data?: string }) => {
    outcome.status = await withAccess(o, (a) => runDoctorCommand(a, o));
  });

  return program;
}

/** Runs the CLI; resolves to the exit status (see exit-codes.ts). A long-running `serve` resolves once started. */
export async function main(argv: string[]): Promise<number> {
  try {
    const outcome: CliOutcome = { status: 0 };
    await buildProgram(outcome).parseAsync(argv);
    return outcome.status;
  } catch (err) {
    // commander printed its own message (or the help) already.
    if (err instanceof CommanderError) return ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(err.code) ? 0 : USAGE_EXIT;
    const v = errorValueOf(err);
    console.error(`syncscope: ${v.message}`);
    if (v.hint) console.error(`  ${v.hint}`);
    return exitStatusOf(v);
  }
}

if (require.main === module) {
  void main(process.argv).then((code) => {
    if (code !== 0) process.exit(code);
  });
}

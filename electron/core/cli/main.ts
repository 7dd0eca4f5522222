import { Command, InvalidArgumentError } from 'commander';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deviceTarget, type DeviceView } from '../../../shared/domain/device';
import { errorValueOf } from '../../../shared/domain/errors';
import { ENGINE_VERSION } from '../engine';
import { createLogger } from '../log';
import { defaultDataDir } from '../paths';
import { serve } from '../server/serve';
import { deviceInputFromFlags, type DeviceAddFlags } from './device-input';
import { openAccess } from './engine-access';

export const DEFAULT_PORT = 7462;
export const DEFAULT_METRICS_PORT = 9462;

function port(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new InvalidArgumentError('a port is a number from 0 to 65535.');
  return n;
}

function metricsPort(value: string): number | null {
  return value === 'off' ? null : port(value);
}

function rendererDir(): string {
  // The CLI is bundled to out/main/cli.js; the UI is built to out/renderer.
  return process.env.SYNCSCOPE_RENDERER_DIR ?? resolve(__dirname, '..', 'renderer');
}

function target(d: DeviceView): string {
  return deviceTarget(d) ?? 'local';
}

function printTable(rows: string[][]): void {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd());
}

async function withAccess<T>(opts: { server?: string; data?: string }, fn: (a: Awaited<ReturnType<typeof openAccess>>) => Promise<T>): Promise<T> {
  const access = await openAccess({ ...(opts.server ? { server: opts.server } : {}), data: opts.data ?? defaultDataDir() });
  try {
    return await fn(access);
  } finally {
    await access.close();
  }
}

export function buildProgram(): Command {
  const program = new Command('syncscope').description('Syncscope: PTP and TSN lab console').version(ENGINE_VERSION);

  program
    .command('serve')
    .description('run the engine headless: the UI over HTTP, the API over socket.io, and /metrics')
    .option('--host <addr>', 'address to listen on (use 0.0.0.0 only on a trusted network)', '127.0.0.1')
    .option('--port <n>', 'HTTP port for the UI', port, DEFAULT_PORT)
    .option('--data <dir>', 'data directory (database and secret key)', defaultDataDir())
    .option('--metrics-port <n|off>', 'Prometheus /metrics port, or "off"', metricsPort, DEFAULT_METRICS_PORT)
    .option('--metrics-host <addr>', 'address for /metrics (default: same as --host)')
    .action(async (o: { host: string; port: number; data: string; metricsPort: number | null; metricsHost?: string }) => {
      const log = createLogger();
      const dir = rendererDir();
      if (!existsSync(join(dir, 'index.html'))) log.warn(`The UI is not built (${dir}); run \`npm run build\`. The API and /metrics still work.`);
      const running = await serve({ dataDir: o.data, host: o.host, port: o.port, metricsPort: o.metricsPort, ...(o.metricsHost ? { metricsHost: o.metricsHost } : {}), rendererDir: dir, log });
      console.log(`Syncscope engine serving the console at ${running.url}`);
      console.log(running.metricsUrl ? `Prometheus metrics at ${running.metricsUrl}` : 'Prometheus metrics are off');
      console.log(`Data directory: ${o.data}`);
      const stop = () => {
        console.log('Stopping…');
        void running.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  const device = program.command('device').description('add, list and remove device profiles');
  const where = (c: Command) =>
    c.option('--server <url>', 'a running `syncscope serve`, e.g. http://127.0.0.1:7462').option('--data <dir>', 'data directory to edit directly (default: the desktop app\'s)');

  where(
    device
      .command('add')
      .description('add a device reached over SSH (or --local for this machine)')
      .requiredOption('--name <name>', 'unique device name')
      .option('--host <host>', 'SSH host name or address')
      .option('--user <user>', 'SSH login name')
      .option('--key <file>', 'private key file (read now and stored encrypted)')
      .option('--passphrase-env <VAR>', 'environment variable holding the key passphrase')
      .option('--password-env <VAR>', 'environment variable holding the SSH password')
      .option('--ssh-port <n>', 'SSH port', '22')
      .option('--uds <path>', "ptp4l's UDS path for pmc (uds_address)", '/var/run/ptp4l')
      .option('--interval <ms>', 'poll interval in milliseconds', '1000')
      .option('--local', 'the machine the engine runs on, no SSH'),
  ).action(async (o: DeviceAddFlags & { server?: string; data?: string }) => {
    const input = deviceInputFromFlags(o);
    const view = await withAccess(o, (a) => a.client.call('devices.add', input));
    console.log(`Added ${view.name} (${target(view)}), id ${view.id}`);
  });

  where(device.command('list').description('list device profiles').option('--json', 'print JSON')).action(async (o: { server?: string; data?: string; json?: boolean }) => {
    const devices = await withAccess(o, (a) => a.client.call('devices.list'));
    if (o.json) return console.log(JSON.stringify(devices, null, 2));
    if (devices.length === 0) return console.log('No devices yet. Add one with: syncscope device add --name NAME --host HOST --user USER --key FILE');
    printTable([['NAME', 'TARGET', 'UDS', 'INTERVAL'], ...devices.map((d) => [d.name, target(d), d.udsPath, `${d.pollIntervalMs} ms`])]);
  });

  where(device.command('remove').description('remove a device profile and its history').argument('<name>', 'device name')).action(async (name: string, o: { server?: string; data?: string }) => {
    await withAccess(o, async (a) => {
      const found = (await a.client.call('devices.list')).find((d) => d.name.toLowerCase() === name.toLowerCase());
      if (!found) throw Object.assign(new Error(`no device named "${name}"`), { hint: 'See `syncscope device list`.' });
      await a.client.call('devices.remove', { id: found.id });
      console.log(`Removed ${found.name}`);
    });
  });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (err) {
    const v = errorValueOf(err);
    const hint = v.hint ?? (err as { hint?: string }).hint;
    const message = v.code === 'internal' && err instanceof Error ? err.message : v.message;
    console.error(`syncscope: ${message}`);
    if (hint) console.error(`  ${hint}`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv).then((code) => {
    if (code !== 0) process.exit(code);
  });
}

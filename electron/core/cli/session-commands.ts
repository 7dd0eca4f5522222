import type { Command } from 'commander';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import type { CaptureProgress } from '../../../shared/sessions/capture-progress';
import type { SessionSummary } from '../../../shared/sessions/session-meta';
import type { Access } from './engine-access';
import { resolveRange } from '../../../shared/history/export/time-range';
import { printTable } from './table';

type Where = (c: Command) => Command;
type WithAccess = <T>(o: { server?: string; data?: string }, fn: (a: Access) => Promise<T>) => Promise<T>;

const when = (ms: number | null, s: SessionSummary) => (ms === null ? '-' : s.timeBase === 'wall' ? new Date(ms).toISOString().replace('.000Z', 'Z') : `+${(ms / 1000).toFixed(3)} s`);

async function byName(a: Access, name: string): Promise<SessionSummary> {
  const all = await a.client.call('sessions.list');
  const found = all.find((s) => s.id === name) ?? all.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!found) throw new SyncscopeError(catalogError('session.not-found', { session: name }));
  return found;
}

/**
 * Captures, showing progress on a terminal. A long window outlasts a server request's 30 s: then the
 * command follows the capture's progress events to its end instead of the reply.
 */
async function captureFollowing(a: Access, req: { name: string; deviceIds: string[]; fromMs: number; toMs: number; notes: string }): Promise<SessionSummary> {
  const captureId = randomUUID();
  const tty = process.stderr.isTTY === true;
  let ended: (p: CaptureProgress) => void = () => undefined;
  const end = new Promise<CaptureProgress>((r) => (ended = r));
  const off = a.client.on('sessions.captureProgress', (p) => {
    if (p.captureId !== captureId) return;
    const pct = p.toMs > p.fromMs ? Math.floor(((p.devicesDone + (p.reachedMs - p.fromMs) / (p.toMs - p.fromMs)) / p.devices) * 100) : 100;
    if (tty) process.stderr.write(`\r\u001b[2K${req.name}: ${Math.min(100, pct)}%  ${p.points} points, ${p.events} events`);
    if (p.state !== 'running') ended(p);
  });
  try {
    return await a.client.call('sessions.capture', { captureId, ...req });
  } catch (err) {
    if (!(err instanceof SyncscopeError) || err.value.messageId !== 'contract.engine-timeout') throw err;
    const p = await end;
    if (p.error) throw new SyncscopeError(p.error);
    return a.client.call('sessions.get', { id: p.sessionId });
  } finally {
    off();
    if (tty) process.stderr.write('\n');
  }
}

/** `syncscope sessions list|open|capture|delete`. */
export function registerSessionCommands(program: Command, where: Where, withAccess: WithAccess): void {
  const sessions = program.command('sessions').description('sessions: captured or imported history in portable files, read offline');

  where(sessions.command('list').description('list the sessions of the data folder, newest first').option('--json', 'print JSON')).action(async (o: { server?: string; data?: string; json?: boolean }) => {
    const list = await withAccess(o, (a) => a.client.call('sessions.list'));
    if (o.json) return console.log(JSON.stringify(list, null, 2));
    if (list.length === 0) return console.log('No sessions yet. Capture one (syncscope sessions capture), import logs (syncscope import) or open a file (syncscope sessions open FILE).');
    printTable([
      ['NAME', 'SOURCE', 'DEVICES', 'FROM', 'TO', 'SIZE'],
      ...list.map((s) => [s.name, s.source, s.devices.map((d) => d.name).join(',') || '-', when(s.fromMs, s), when(s.toMs, s), `${Math.ceil(s.bytes / 1024)} KiB`]),
    ]);
  });

  where(sessions.command('open').description('check a session file someone sent (it is never changed) and copy it into the data folder').argument('<file>', 'a .session.sqlite file')).action(async (file: string, o: { server?: string; data?: string }) => {
    const s = await withAccess(o, (a) => a.client.call('sessions.openFile', { path: resolve(file) }));
    console.log(`Opened session "${s.name}" (${s.devices.length} device(s), ${s.source}), id ${s.id}`);
  });

  where(
    sessions
      .command('capture')
      .description("copy devices' history of a time window into a new session file")
      .requiredOption('--name <name>', 'session name')
      .requiredOption('--device <name>', 'device name (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
      .requiredOption('--from <time>', 'start of the window: ISO 8601 (2026-05-01T12:00:00Z) or back from now (2h, 7d)')
      .option('--to <time>', 'end of the window, the same forms (default: now)')
      .option('--notes <text>', 'notes kept with the session', ''),
  ).action(async (o: { server?: string; data?: string; name: string; device: string[]; from: string; to?: string; notes: string }) => {
    const s = await withAccess(o, async (a) => {
      const devices = await a.client.call('devices.list');
      const deviceIds = o.device.map((n) => {
        const d = devices.find((x) => x.name.toLowerCase() === n.toLowerCase());
        if (!d) throw new SyncscopeError(catalogError('cli.device-name-not-found', { name: n }));
        return d.id;
      });
      const { fromMs, toMs } = resolveRange({ from: o.from, to: o.to }, null, Date.now());
      return captureFollowing(a, { name: o.name, deviceIds, fromMs, toMs, notes: o.notes });
    });
    console.log(`Captured session "${s.name}": ${s.devices.map((d) => d.name).join(', ')}, ${Math.ceil(s.bytes / 1024)} KiB, id ${s.id}`);
  });

  where(sessions.command('delete').description('delete a session and its file').argument('<name>', 'session name or id')).action(async (name: string, o: { server?: string; data?: string }) => {
    await withAccess(o, async (a) => {
      const s = await byName(a, name);
      await a.client.call('sessions.delete', { id: s.id });
      console.log(`Deleted session "${s.name}"`);
    });
  });
}

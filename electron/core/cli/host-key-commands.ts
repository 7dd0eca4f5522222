import type { Command } from 'commander';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { HostKeyFingerprint, type DeviceView } from '../../../shared/domain/device';
import { errorValueOf, SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import { callHostKeys } from '../../../shared/hostkeys/host-key-client';
import type { HostKeyTarget } from '../../../shared/hostkeys/host-key-prompt';
import { importCandidates, type ImportCandidate } from '../hostkeys/ssh-config-import';
import { localContext, readSshConfig } from '../hostkeys/ssh-files';
import type { Access } from './engine-access';
import { printTable } from './table';

type Where = (c: Command) => Command;
type WithAccess = <T>(o: { server?: string; data?: string }, fn: (a: Access) => Promise<T>) => Promise<T>;

/** The login name that decided, for the host-key audit trail. */
function operator(): string | undefined {
  try {
    return userInfo().username.replace(/[^\p{L}\p{N} ._@-]/gu, '').slice(0, 64) || undefined;
  } catch {
    return undefined;
  }
}

function fingerprint(flag: string, raw: string): string {
  const parsed = HostKeyFingerprint.safeParse(raw);
  if (!parsed.success) throw new SyncscopeError({ code: 'invalid-input', field: 'hostKeySha256', message: `${flag}: ${parsed.error.issues[0]?.message ?? 'not a fingerprint'}`, hint: 'Copy it as ssh-keygen prints it: SHA256:… (43 characters).' });
  return parsed.data;
}

export async function deviceNamed(a: Access, name: string): Promise<DeviceView> {
  const found = (await a.client.call('devices.list')).find((d) => d.name.toLowerCase() === name.toLowerCase());
  if (!found) throw new SyncscopeError(catalogError('cli.device-name-not-found', { name }));
  return found;
}

async function trust(a: Access, device: DeviceView, target: HostKeyTarget, fp: string | undefined): Promise<void> {
  const op = operator();
  const r = await callHostKeys(a.client, 'hostKeys.trust', { deviceId: device.id, target, ...(fp ? { fingerprint: fp } : {}), ...(op ? { operator: op } : {}) });
  const what = target === 'jump' ? `the jump host of ${r.device.name}` : r.device.name;
  if (r.from === r.to) console.log(`${what} already expects ${r.to}`);
  else if (r.from) console.log(`Accepted the new host key of ${what}: ${r.from} → ${r.to}`);
  else console.log(`Trusted the host key of ${what}: ${r.to}`);
}

/**
 * `device trust-key`, `device import-ssh-config`, and the host-key flags of `device add`
 * (`--host-key`, `--accept-new-host-key`), registered on the `device` command.
 */
export function registerHostKeyCommands(device: Command, where: Where, withAccess: WithAccess): void {
  where(
    device
      .command('trust-key')
      .description("trust a device's SSH host key: the one it presents now (first contact) or its new one (after a change); audited")
      .argument('<name>', 'device name')
      .argument('<fingerprint>', 'SHA256:… as the device presents it (device list --json shows a waiting one)')
      .option('--jump', "the key of the device's jump host instead"),
  ).action(async (name: string, fp: string, o: { server?: string; data?: string; jump?: boolean }) => {
    const key = fingerprint('fingerprint', fp);
    await withAccess(o, async (a) => trust(a, await deviceNamed(a, name), o.jump ? 'jump' : 'device', key));
  });

  const add = device.commands.find((c) => c.name() === 'add');
  if (add) {
    // --host-key and --jump-host-key are part of the profile the add sends (device-input.ts): the device is never contacted without them.
    add
      .option('--host-key <SHA256:…>', "the device's SSH host key fingerprint; nothing is sent to a device that presents another")
      .option('--jump-host-key <SHA256:…>', "the jump host's SSH host key fingerprint (with --jump)")
      .option('--accept-new-host-key', 'trust whatever key the first contact shows (the device and its jump host, where no key is named), for lab automation')
      .hook('preAction', (cmd) => {
        const o = cmd.opts<{ hostKey?: string; jumpHostKey?: string; acceptNewHostKey?: boolean }>();
        if (o.hostKey && o.acceptNewHostKey && (o.jumpHostKey || !cmd.opts<{ jump?: string }>().jump)) {
          throw new SyncscopeError({ code: 'invalid-input', field: 'hostKeySha256', message: '--host-key and --accept-new-host-key disagree', hint: 'Name the key, or accept the first one seen: not both.' });
        }
      })
      .hook('postAction', async (cmd) => {
        const o = cmd.opts<{ name: string; acceptNewHostKey?: boolean; server?: string; data?: string }>();
        if (!o.acceptNewHostKey) return;
        await withAccess(o, async (a) => {
          const view = await deviceNamed(a, o.name);
          if (view.jump && !view.jump.hostKeySha256) await trust(a, view, 'jump', undefined);
          if (!view.hostKeySha256) await trust(a, view, 'device', undefined);
        });
      });
  }

  where(
    device
      .command('import-ssh-config')
      .description('add devices from an OpenSSH config: host, user, port, key (IdentityFile), ProxyJump, and expected host keys from known_hosts')
      .option('--file <path>', 'the config to read', join(localContext().home, '.ssh', 'config'))
      .option('--host <pattern>', 'only Host names matching this OpenSSH pattern (repeatable; !pattern excludes)', (v: string, prev: string[] = []) => [...prev, v])
      .option('--uds <path>', "ptp4l's UDS path on every imported device (default /var/run/ptp4l)")
      .option('--dry-run', 'print what would be added, add nothing'),
  ).action(async (o: { file: string; host?: string[]; uds?: string; dryRun?: boolean; server?: string; data?: string }) => {
    let config;
    try {
      config = readSshConfig(o.file);
    } catch (err) {
      throw new SyncscopeError(catalogError('ssh.config-unreadable', { path: o.file, detail: errorValueOf(err).message.replace(/^Unexpected error: /, '') }));
    }
    for (const n of config.notes) console.log(`note: ${n.path}:${n.line}: ${n.message}`);
    const candidates = importCandidates(config, { patterns: o.host ?? [], ctx: localContext(), agent: Boolean(process.env.SSH_AUTH_SOCK), ...(o.uds ? { udsPath: o.uds } : {}) });
    if (candidates.length === 0) return console.log(`No Host entries${o.host ? ` matching ${o.host.join(' ')}` : ''} in ${o.file}.`);
    const rows: string[][] = [['HOST', 'RESULT', 'TARGET', 'HOST KEY', 'NOTES']];
    if (o.dryRun) for (const c of candidates) rows.push(row(c, c.input ? 'would add' : 'skipped'));
    else await withAccess(o, (a) => addAll(a, candidates, rows));
    printTable(rows);
  });
}

function row(c: ImportCandidate, result: string): string[] {
  const i = c.input?.transport === 'ssh' ? c.input : null;
  const target = i ? `${i.user}@${i.host}:${i.sshPort}${i.jump ? ` via ${i.jump.user}@${i.jump.host}:${i.jump.sshPort}` : ''}` : '-';
  return [c.alias, result, target, i?.hostKeySha256 ?? (i ? 'ask on first contact' : '-'), c.notes.join('; ')];
}

async function addAll(a: Access, candidates: ImportCandidate[], rows: string[][]): Promise<void> {
  const existing = new Set((await a.client.call('devices.list')).map((d) => d.name.toLowerCase()));
  for (const c of candidates) {
    if (!c.input) rows.push(row(c, 'skipped'));
    else if (existing.has(c.input.name.toLowerCase())) rows.push(row(c, 'exists'));
    else {
      try {
        await a.client.call('devices.add', c.input);
        rows.push(row(c, 'added'));
      } catch (err) {
        rows.push(row({ ...c, notes: [...c.notes, errorValueOf(err).message] }, 'failed'));
      }
    }
  }
}

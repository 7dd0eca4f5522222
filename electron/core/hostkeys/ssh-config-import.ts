import { join } from 'node:path';
import { DeviceInput } from '../../../shared/domain/device';
import { decodeBase64 } from '../../../shared/hostkeys/base64';
import { matchPatternList } from '../../../shared/hostkeys/host-pattern';
import { lookupKnownHost, type KnownHostsFile } from '../../../shared/hostkeys/known-hosts';
import { parseProxyJump, resolveHost, type ConfigContext, type ResolvedHost, type SshConfig } from '../../../shared/hostkeys/ssh-config';
import { NODE_DIGESTS } from './node-digests';
import { readKnownHosts, readText } from './ssh-files';

/** OpenSSH's default identities, in the order it tries them (ssh(1) -i). */
const DEFAULT_IDENTITIES = ['id_rsa', 'id_ecdsa', 'id_ecdsa_sk', 'id_ed25519', 'id_ed25519_sk', 'id_dsa'];

export interface ImportCandidate {
  alias: string;
  /** The profile to add; null when the host cannot become one (see notes). */
  input: DeviceInput | null;
  /** What a person should know: where the key and host key came from, what was left out. */
  notes: string[];
}

export interface ImportOptions {
  /** Only these aliases (OpenSSH patterns, `!` negation); all concrete Host names when empty. */
  patterns: readonly string[];
  ctx: ConfigContext;
  /** Whether an ssh-agent is there to fall back on ($SSH_AUTH_SOCK set). */
  agent: boolean;
  udsPath?: string;
}

/** Device profiles from a parsed ~/.ssh/config: one per concrete Host name, with keys from IdentityFile and expected host keys from known_hosts. */
export function importCandidates(config: SshConfig, o: ImportOptions): ImportCandidate[] {
  const aliases = config.hosts.filter((h) => o.patterns.length === 0 || matchPatternList(h, o.patterns));
  return aliases.map((alias) => candidate(config, alias, o));
}

function candidate(config: SshConfig, alias: string, o: ImportOptions): ImportCandidate {
  const notes: string[] = [];
  const r = resolveHost(config, alias, o.ctx);
  const auth = authOf(r, o, notes);
  const hostKey = expectedKey(r, r.hostKeyAlias ?? r.hostName, r.hostKeyAlias ? 22 : r.port, o.ctx, notes, 'host key');
  let jump: Record<string, unknown> | undefined;
  if (r.proxyJump) {
    const parsed = parseProxyJump(r.proxyJump);
    if (!parsed.ok) return { alias, input: null, notes: [...notes, parsed.reason] };
    // The jump host is itself looked up in the config, as ssh does for the hop's own connection.
    const j = resolveHost(config, parsed.jump.host, o.ctx);
    const port = parsed.jump.port ?? j.port;
    const jumpKey = expectedKey(j, j.hostKeyAlias ?? j.hostName, j.hostKeyAlias ? 22 : port, o.ctx, notes, 'jump host key');
    const ownKey = j.identityFiles.length > 0 && j.identityFiles[0] !== r.identityFiles[0] ? privateKeyAuth(j.identityFiles, notes) : null;
    jump = { host: j.hostName, sshPort: port, user: parsed.jump.user ?? j.user, ...(ownKey ? { auth: ownKey } : {}), ...(jumpKey ? { hostKeySha256: jumpKey } : {}) };
    notes.push(`through ${jump.user as string}@${j.hostName}:${port}${ownKey ? ' (its own key)' : ''}`);
  }
  if (!auth) return { alias, input: null, notes };
  const raw = { transport: 'ssh', name: alias, host: r.hostName, sshPort: r.port, user: r.user, auth, ...(hostKey ? { hostKeySha256: hostKey } : {}), ...(jump ? { jump } : {}), ...(o.udsPath ? { udsPath: o.udsPath } : {}) };
  const parsed = DeviceInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { alias, input: null, notes: [...notes, `not a device profile: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`] };
  }
  return { alias, input: parsed.data, notes };
}

/** The first usable IdentityFile (OpenSSH's defaults when none is named); else the agent; else nothing. */
function authOf(r: ResolvedHost, o: ImportOptions, notes: string[]): Record<string, unknown> | null {
  const files = r.identityFiles.length > 0 ? r.identityFiles : DEFAULT_IDENTITIES.map((n) => join(o.ctx.home, '.ssh', n));
  const key = privateKeyAuth(files, notes);
  if (key) return key;
  if (o.agent) {
    notes.push('logs in with the ssh-agent (no usable IdentityFile)');
    return { kind: 'agent' };
  }
  notes.push('no usable IdentityFile and no ssh-agent ($SSH_AUTH_SOCK): add it with device add --key or --auth agent');
  return null;
}

function privateKeyAuth(files: readonly string[], notes: string[]): { kind: 'privateKey'; privateKey: string } | null {
  for (const path of files) {
    const text = readText(path);
    if (text === null) continue;
    if (isEncrypted(text)) {
      notes.push(`${path} has a passphrase: not imported (use device add --key ${path} --passphrase-env VAR)`);
      continue;
    }
    notes.push(`key ${path}`);
    return { kind: 'privateKey', privateKey: text };
  }
  return null;
}

/** OpenSSH-format keys name their cipher inside the blob; PEM ones say ENCRYPTED in their header. */
export function isEncrypted(pem: string): boolean {
  if (/ENCRYPTED/.test(pem)) return true;
  const m = /-----BEGIN OPENSSH PRIVATE KEY-----([\s\S]*?)-----END OPENSSH PRIVATE KEY-----/.exec(pem);
  if (!m) return false;
  const blob = decodeBase64((m[1] as string).replace(/\s+/g, ''));
  if (!blob) return false;
  const magic = 'openssh-key-v1\0';
  const at = magic.length;
  const len = ((blob[at] ?? 0) << 24) | ((blob[at + 1] ?? 0) << 16) | ((blob[at + 2] ?? 0) << 8) | (blob[at + 3] ?? 0);
  const cipher = String.fromCharCode(...blob.subarray(at + 4, at + 4 + len));
  return cipher !== 'none';
}

function knownHostsFiles(r: ResolvedHost, ctx: ConfigContext): { path: string; file: KnownHostsFile }[] {
  const user = r.userKnownHostsFiles.length > 0 ? r.userKnownHostsFiles : [join(ctx.home, '.ssh/known_hosts'), join(ctx.home, '.ssh/known_hosts2')];
  return readKnownHosts([...user, '/etc/ssh/ssh_known_hosts', '/etc/ssh/ssh_known_hosts2']);
}

function expectedKey(r: ResolvedHost, host: string, port: number, ctx: ConfigContext, notes: string[], what: string): string | null {
  const files = knownHostsFiles(r, ctx);
  const found = lookupKnownHost(
    files.map((f) => f.file),
    host,
    port,
    NODE_DIGESTS,
  );
  const first = found.keys[0];
  if (!first) {
    notes.push(found.revoked.length > 0 ? `${what}: only revoked keys in known_hosts; the first contact will ask` : `${what}: not in known_hosts; the first contact will ask`);
    return null;
  }
  notes.push(`${what} ${first.fingerprint} (${first.keyType}) from known_hosts${found.keys.length > 1 ? `; ${found.keys.length - 1} other key type(s) not used` : ''}`);
  return first.fingerprint;
}

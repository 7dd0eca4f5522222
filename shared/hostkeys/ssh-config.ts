import { isConcreteHost, matchPatternList } from './host-pattern';

/**
 * ~/.ssh/config as OpenSSH reads it (ssh_config(5), readconf.c), for importing devices: Host blocks
 * with patterns, first value wins, Include (inside a block it applies only where the block does),
 * Match blocks skipped with a note. Pure: files come in through `include`, and nothing here throws
 * on what a file holds.
 */

export interface SshConfigFile {
  path: string;
  text: string;
}

/** Expands an Include argument (already tilde-expanded and made absolute) to the files it names, in order. */
export type IncludeResolver = (pattern: string) => SshConfigFile[];

export interface ConfigNote {
  path: string;
  line: number;
  message: string;
}

interface Entry {
  keyword: string;
  args: string[];
  path: string;
  line: number;
  /** Every pattern list here must match the host (the enclosing Host lines, outermost first); null: never (a Match block). */
  when: string[][] | null;
}

export interface SshConfig {
  entries: Entry[];
  /** Host names written in Host lines without wildcards or negation, in file order: the candidates for devices. */
  hosts: string[];
  notes: ConfigNote[];
}

export interface ConfigContext {
  /** The local home directory, for `~` and `%d`. */
  home: string;
  /** The local user name, for `%u` and the default remote user. */
  localUser: string;
}

/** What OpenSSH would use to reach `alias`, for the keywords a device profile can carry. */
export interface ResolvedHost {
  alias: string;
  hostName: string;
  port: number;
  user: string;
  /** In order; tokens and `~` expanded. Empty: OpenSSH's default identities. */
  identityFiles: string[];
  /** The ProxyJump value with tokens expanded; null for none. */
  proxyJump: string | null;
  /** The name known_hosts is searched for (HostKeyAlias, else the host name). */
  hostKeyAlias: string | null;
  userKnownHostsFiles: string[];
  identitiesOnly: boolean;
}

const MAX_INCLUDE_DEPTH = 16;
/** Keywords where every occurrence counts rather than the first (OpenSSH accumulates these). */
const ACCUMULATE = new Set(['identityfile', 'certificatefile', 'localforward', 'remoteforward', 'dynamicforward', 'sendenv', 'setenv']);

/** Splits one line as OpenSSH's argv_split: whitespace, quotes, backslash escapes; `#` at a word's start ends the line. */
export function splitArgs(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i] as string)) i++;
    if (i >= line.length || line[i] === '#') break;
    let word = '';
    let quote: string | null = null;
    for (; i < line.length; i++) {
      const c = line[i] as string;
      if (c === '\\' && i + 1 < line.length && (quote === null || line[i + 1] === quote || line[i + 1] === '\\')) {
        word += line[++i];
      } else if (quote) {
        if (c === quote) quote = null;
        else word += c;
      } else if (c === '"' || c === "'") quote = c;
      else if (/\s/.test(c)) break;
      else word += c;
    }
    out.push(word);
  }
  return out;
}

/** `Keyword value`, `Keyword=value`, `Keyword = value`: the lowercased keyword and its arguments. */
function keywordLine(line: string): { keyword: string; args: string[] } | null {
  const m = /^\s*([A-Za-z][A-Za-z0-9]*)\s*(?:=\s*|\s+|$)(.*)$/.exec(line);
  if (!m) return null;
  return { keyword: (m[1] as string).toLowerCase(), args: splitArgs(m[2] as string) };
}

export function expandTilde(path: string, home: string): string {
  if (path === '~') return home;
  return path.startsWith('~/') ? `${home}${path.slice(1)}` : path;
}

/** Reads a config and everything it includes. `sshDir` anchors relative Include paths (~/.ssh for a user's config). */
export function parseSshConfig(main: SshConfigFile, ctx: ConfigContext & { sshDir: string; include?: IncludeResolver }): SshConfig {
  const config: SshConfig = { entries: [], hosts: [], notes: [] };
  readFile(main, [], 0, config, ctx);
  return config;
}

function readFile(file: SshConfigFile, outer: string[][] | null, depth: number, config: SshConfig, ctx: ConfigContext & { sshDir: string; include?: IncludeResolver }): void {
  let when: string[][] | null = outer;
  const lines = file.text.split(/\r?\n/);
  lines.forEach((text, idx) => {
    const line = idx + 1;
    if (/^\s*(#|$)/.test(text)) return;
    const kw = keywordLine(text);
    const note = (message: string) => config.notes.push({ path: file.path, line, message });
    if (!kw) return note(`not a "Keyword value" line: ${text.trim().slice(0, 80)}`);
    const { keyword, args } = kw;
    if (keyword === 'host') {
      if (args.length === 0) return note('Host without a pattern is ignored');
      when = outer === null ? null : [...outer, args];
      for (const p of args) if (isConcreteHost(p) && !config.hosts.some((h) => h.toLowerCase() === p.toLowerCase())) config.hosts.push(p);
      return;
    }
    if (keyword === 'match') {
      // Match criteria (exec, localuser, canonical …) depend on the moment ssh runs: we cannot decide them.
      when = null;
      return note(`Match ${args.join(' ')}: Match blocks are not evaluated; their settings are ignored`);
    }
    if (keyword === 'include') {
      if (depth >= MAX_INCLUDE_DEPTH) return note(`Include nested deeper than ${MAX_INCLUDE_DEPTH} levels is ignored`);
      if (!ctx.include) return note('Include is not followed here');
      for (const arg of args) {
        const expanded = expandTilde(arg, ctx.home);
        const abs = expanded.startsWith('/') ? expanded : `${ctx.sshDir.replace(/\/$/, '')}/${expanded}`;
        const files = ctx.include(abs);
        if (files.length === 0) note(`Include ${arg}: no such file`);
        for (const f of files) readFile(f, when, depth + 1, config, ctx);
      }
      return;
    }
    config.entries.push({ keyword, args, path: file.path, line, when });
  });
}

/** `%%`, `%h`, `%p`, `%r`, `%n`, `%d`, `%u` as ssh_config(5) defines them; unknown tokens stay as written. */
export function expandTokens(text: string, t: { h: string; p: number; r: string; n: string; d: string; u: string }): string {
  return text.replace(/%(.)/g, (whole, c: string) => {
    switch (c) {
      case '%':
        return '%';
      case 'h':
        return t.h;
      case 'p':
        return String(t.p);
      case 'r':
        return t.r;
      case 'n':
        return t.n;
      case 'd':
        return t.d;
      case 'u':
        return t.u;
      default:
        return whole;
    }
  });
}

/** First value wins, as OpenSSH applies the config to the host name given on its command line. */
export function resolveHost(config: SshConfig, alias: string, ctx: ConfigContext): ResolvedHost {
  const first = new Map<string, string[]>();
  const all = new Map<string, string[][]>();
  for (const e of config.entries) {
    if (e.when === null || !e.when.every((patterns) => matchPatternList(alias, patterns))) continue;
    if (ACCUMULATE.has(e.keyword)) all.set(e.keyword, [...(all.get(e.keyword) ?? []), e.args]);
    else if (!first.has(e.keyword)) first.set(e.keyword, e.args);
  }
  const one = (k: string): string | null => first.get(k)?.[0] ?? null;
  const portRaw = Number(one('port'));
  const port = Number.isInteger(portRaw) && portRaw >= 1 && portRaw <= 65535 ? portRaw : 22;
  const user = one('user') ?? ctx.localUser;
  const tokensBase = { p: port, r: user, n: alias, d: ctx.home, u: ctx.localUser };
  const hostName = expandTokens(one('hostname') ?? alias, { ...tokensBase, h: alias });
  const tokens = { ...tokensBase, h: hostName };
  const jump = one('proxyjump');
  return {
    alias,
    hostName,
    port,
    user,
    identityFiles: (all.get('identityfile') ?? []).map((a) => a[0] ?? '').filter((f) => f !== '' && f.toLowerCase() !== 'none').map((f) => expandTilde(expandTokens(f, tokens), ctx.home)),
    proxyJump: jump === null || jump.toLowerCase() === 'none' ? null : expandTokens(jump, tokens),
    hostKeyAlias: one('hostkeyalias'),
    userKnownHostsFiles: (first.get('userknownhostsfile') ?? []).filter((f) => f.toLowerCase() !== 'none').map((f) => expandTilde(expandTokens(f, tokens), ctx.home)),
    identitiesOnly: (one('identitiesonly') ?? 'no').toLowerCase() === 'yes',
  };
}

export interface JumpSpec {
  user: string | null;
  host: string;
  port: number | null;
}

/**
 * One ProxyJump hop: `[user@]host[:port]` or `ssh://[user@]host[:port]`, IPv6 in brackets. A list of
 * several hops is refused (a profile has one jump host): null with the reason.
 */
export function parseProxyJump(value: string): { ok: true; jump: JumpSpec } | { ok: false; reason: string } {
  const hops = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (hops.length !== 1) return { ok: false, reason: `ProxyJump ${value}: ${hops.length} hops, but a device profile has one jump host` };
  const hop = (hops[0] as string).replace(/^ssh:\/\//, '');
  const m = /^(?:([^@]+)@)?(\[[^\]]+\]|[^:@[\]]+)(?::(\d{1,5}))?$/.exec(hop);
  if (!m) return { ok: false, reason: `ProxyJump ${value} is not [user@]host[:port]` };
  const port = m[3] === undefined ? null : Number(m[3]);
  if (port !== null && (port < 1 || port > 65535)) return { ok: false, reason: `ProxyJump ${value}: port out of range` };
  return { ok: true, jump: { user: m[1] ?? null, host: (m[2] as string).replace(/^\[|\]$/g, ''), port } };
}

import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { includeFiles } from '../../electron/core/hostkeys/ssh-files';
import { expandTilde, expandTokens, parseProxyJump, parseSshConfig, resolveHost, splitArgs, type SshConfig } from './ssh-config';

const FIXTURES = join(__dirname, '../../test/fixtures/ssh-config');
const ctx = { home: userInfo().homedir, localUser: userInfo().username };

/** The fixture folder copied with its `@DIR@` filled in, as a person's files would be. */
let dir: string;
let config: SshConfig;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ssh-config-'));
  cpSync(FIXTURES, dir, { recursive: true });
  for (const f of ['config', 'conf.d/10-lab.conf', 'conf.d/20-tokens.conf']) writeFileSync(join(dir, f), readFileSync(join(dir, f), 'utf8').replaceAll('@DIR@', dir));
  config = parseSshConfig(
    { path: join(dir, 'config'), text: readFileSync(join(dir, 'config'), 'utf8') },
    { ...ctx, sshDir: join(ctx.home, '.ssh'), include: includeFiles },
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** OpenSSH's own answer: `ssh -G` prints the configuration it would use for a host. */
function openssh(host: string): Map<string, string[]> {
  const out = execFileSync('ssh', ['-G', '-F', join(dir, 'config'), host], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const map = new Map<string, string[]>();
  for (const line of out.split('\n')) {
    const [k, ...rest] = line.split(' ');
    if (k) map.set(k, [...(map.get(k) ?? []), rest.join(' ')]);
  }
  return map;
}

describe('ssh_config', () => {
  it('lists the Host names without wildcards, in file order, included files in place', () => {
    expect(config.hosts).toEqual(['ss-x1', 'ss-s1', 'tok', 'ss-gm', 'ss-s1-again', 'ss-quoted', 'bastion', 'ss-j1', 'behind-two']);
  });

  it('resolves every host as OpenSSH does (first value wins, Include in place, patterns with negation, Match skipped)', () => {
    for (const alias of [...config.hosts, 'a.lab.example', 'gw.lab.example', 'gm-1.lab.example', 'unlisted']) {
      const ours = resolveHost(config, alias, ctx);
      const theirs = openssh(alias);
      const one = (k: string) => theirs.get(k)?.[0] ?? null;
      expect({ alias, hostName: ours.hostName, port: ours.port, user: ours.user, proxyJump: ours.proxyJump, hostKeyAlias: ours.hostKeyAlias }).toEqual({
        alias,
        hostName: one('hostname'),
        port: Number(one('port')),
        user: one('user'),
        proxyJump: one('proxyjump'),
        hostKeyAlias: one('hostkeyalias'),
      });
      // ssh -G prints IdentityFile before expanding its tokens; expand them the way ssh does when it uses them.
      const tokens = { h: ours.hostName, p: ours.port, r: ours.user, n: alias, d: ctx.home, u: ctx.localUser };
      expect(ours.identityFiles, alias).toEqual((theirs.get('identityfile') ?? []).map((f) => expandTilde(expandTokens(f, tokens), ctx.home)));
      expect(ours.identitiesOnly, alias).toBe(one('identitiesonly') === 'yes');
    }
  });

  it('expands %h %p %r %n %d %u and %% in IdentityFile, and %h in HostName', () => {
    const tok = resolveHost(config, 'tok', ctx);
    expect(tok.hostName).toBe('tok.lab.example');
    expect(tok.identityFiles[0]).toBe(`${ctx.home}/.ssh/ptp@tok.lab.example:2022-tok`);
    expect(expandTokens('100%% %x %u', { h: '', p: 22, r: '', n: '', d: '', u: 'me' })).toBe('100% %x me');
  });

  it('notes what it ignores: Match blocks and lines that are not settings', () => {
    const parsed = parseSshConfig({ path: 'c', text: 'Host a\n  User x\nMatch all\n  User y\n???\nHost\n' }, { ...ctx, sshDir: '/nonexistent' });
    expect(parsed.notes.map((n) => [n.line, n.message.split(':')[0]])).toEqual([
      [3, 'Match all'],
      [5, 'not a "Keyword value" line'],
      [6, 'Host without a pattern is ignored'],
    ]);
    expect(resolveHost(parsed, 'a', ctx).user).toBe('x');
    // An Include that names no file is a note, not a failure.
    const missing = parseSshConfig({ path: 'c', text: 'Include nothing-here\n' }, { ...ctx, sshDir: '/x', include: () => [] });
    expect(missing.notes[0]?.message).toBe('Include nothing-here: no such file');
  });

  it('splits arguments as OpenSSH: quotes, escapes, comments at a word start, Keyword=value', () => {
    expect(splitArgs('"a b" c\\ d e#f # comment')).toEqual(['a b', 'c d', 'e#f']);
    const parsed = parseSshConfig({ path: 'c', text: 'Host=h1\nPort=2022\nUser = u1\n' }, { ...ctx, sshDir: '/x' });
    expect(resolveHost(parsed, 'h1', ctx)).toMatchObject({ port: 2022, user: 'u1' });
  });

  it('reads one ProxyJump hop and refuses a chain', () => {
    expect(parseProxyJump('ops@gw.lab.example:22')).toEqual({ ok: true, jump: { user: 'ops', host: 'gw.lab.example', port: 22 } });
    expect(parseProxyJump('ssh://[2001:db8::1]:2222')).toEqual({ ok: true, jump: { user: null, host: '2001:db8::1', port: 2222 } });
    expect(parseProxyJump('bastion')).toEqual({ ok: true, jump: { user: null, host: 'bastion', port: null } });
    expect(parseProxyJump('a@one,b@two:2200')).toMatchObject({ ok: false });
    expect(parseProxyJump('a@b:99999')).toMatchObject({ ok: false });
  });

  it('never throws on arbitrary text', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = 'Host Match Include User Port % * ! " \\ = # \n\t abc';
    for (let i = 0; i < 500; i++) {
      const text = Array.from({ length: 80 }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
      const parsed = parseSshConfig({ path: 'f', text }, { ...ctx, sshDir: '/x', include: () => [{ path: 'g', text }] });
      expect(() => resolveHost(parsed, 'abc', ctx)).not.toThrow();
    }
  });
});

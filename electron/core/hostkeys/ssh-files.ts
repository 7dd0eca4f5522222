import { readdirSync, readFileSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { matchPattern } from '../../../shared/hostkeys/host-pattern';
import { parseKnownHosts, type KnownHostsFile } from '../../../shared/hostkeys/known-hosts';
import { parseSshConfig, type ConfigContext, type SshConfig, type SshConfigFile } from '../../../shared/hostkeys/ssh-config';

/** Reading a person's SSH files (read only: nothing here writes). */

export function localContext(): ConfigContext {
  let localUser = process.env.USER ?? 'root';
  try {
    localUser = userInfo().username;
  } catch {
    // no passwd entry (a container's numeric uid): $USER stands in
  }
  return { home: homedir(), localUser };
}

/** An Include argument's files: `*` and `?` in the last component (as OpenSSH's glob mostly sees them), sorted as glob(3) sorts. */
export function includeFiles(pattern: string): SshConfigFile[] {
  const dir = dirname(pattern);
  const base = basename(pattern);
  let names: string[];
  if (!/[*?]/.test(base)) names = [base];
  else {
    try {
      names = readdirSync(dir)
        .filter((n) => !n.startsWith('.') && matchPattern(n, base))
        .sort();
    } catch {
      return [];
    }
  }
  const out: SshConfigFile[] = [];
  for (const n of names) {
    const path = join(dir, n);
    const text = readText(path);
    if (text !== null) out.push({ path, text });
  }
  return out;
}

export function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** A config file and all it includes (relative Includes from ~/.ssh, as for a user's config). */
export function readSshConfig(path: string, ctx: ConfigContext = localContext()): SshConfig {
  const text = readFileSync(path, 'utf8');
  return parseSshConfig({ path, text }, { ...ctx, sshDir: join(ctx.home, '.ssh'), include: includeFiles });
}

/** The known_hosts files that exist among `paths`, parsed. */
export function readKnownHosts(paths: readonly string[]): { path: string; file: KnownHostsFile }[] {
  return paths.flatMap((path) => {
    const text = readText(path);
    return text === null ? [] : [{ path, file: parseKnownHosts(text) }];
  });
}

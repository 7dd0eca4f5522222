import { deviceTarget } from '../../../shared/domain/device';
import type { ErrorValue } from '../../../shared/domain/errors';
import { catalogError, type ErrorId } from '../../../shared/errors/catalog';

export interface SshTarget {
  host: string;
  port: number;
  user: string;
  deviceId?: string;
}

/** `user@host:port` and `host:port`, IPv6 bracketed, as messages show them. */
export function targetParams(t: SshTarget): { target: string; hostPort: string; host: string; user: string } {
  const target = deviceTarget({ transport: 'ssh', host: t.host, user: t.user, sshPort: t.port }) ?? t.host;
  return { target, hostPort: target.slice(target.indexOf('@') + 1), host: t.host, user: t.user };
}

export function sshError(id: Extract<ErrorId, `ssh.${string}`>, t: SshTarget, extra: Record<string, string | number> = {}): ErrorValue {
  return catalogError(id, { ...targetParams(t), ...extra }, t.deviceId ? { deviceId: t.deviceId } : {});
}

/** The first line a server sent, when none of its lines was an SSH identification: it is something else. */
export function notSshLine(received: string): string | null {
  if (received === '') return null;
  const lines = received.split('\n');
  if (lines.some((l) => l.startsWith('SSH-'))) return null;
  // Nothing but a partial first line: too early to tell, unless the server stopped there.
  const first = (lines[0] ?? '').replace(/\r$/, '');
  return printable(first.slice(0, 80)) || '(binary data)';
}

/** Maps ssh2 / socket errors to what a lab engineer should check. `received` is what the server sent before failing. */
export function classifySshError(err: unknown, t: SshTarget, received = ''): ErrorValue {
  const e = err as { code?: string; level?: string; message?: string } | null;
  const msg = e?.message ?? String(err);
  const other = notSshLine(received);
  if (other !== null) return sshError('ssh.not-ssh', t, { firstLine: other });
  if (e?.level === 'client-authentication') return sshError('ssh.auth', t);
  if (e?.level === 'client-timeout' || /handshake/i.test(msg)) return sshError('ssh.handshake-timeout', t);
  switch (e?.code) {
    case 'ECONNREFUSED':
      return sshError('ssh.refused', t);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return sshError('ssh.dns', t);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
      return sshError('ssh.unreachable', t, { detail: e.code });
    case 'ETIMEDOUT':
      return sshError('ssh.connect-timeout', t);
    case 'ECONNRESET':
    case 'EPIPE':
      return sshError('ssh.reset', t);
    default:
      return sshError('ssh.failed', t, { detail: msg });
  }
}

function printable(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    out += c < 32 || c === 127 ? '\uFFFD' : ch;
  }
  return out.trim();
}

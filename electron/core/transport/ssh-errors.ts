import type { ErrorValue } from '../../../shared/domain/errors';

export interface SshTarget {
  host: string;
  port: number;
  user: string;
  deviceId?: string;
}

/** Maps ssh2 / socket errors to what a lab engineer should check. */
export function classifySshError(err: unknown, t: SshTarget): ErrorValue {
  const e = err as { code?: string; level?: string; message?: string };
  const where = `${t.user}@${t.host}:${t.port}`;
  const base = t.deviceId ? { deviceId: t.deviceId } : {};
  const msg = e?.message ?? String(err);
  if (e?.level === 'client-authentication') {
    return { ...base, code: 'ssh-auth', message: `SSH login to ${where} was refused (wrong password or key).`, hint: `Check the user name and credentials; on the device check ~${t.user}/.ssh/authorized_keys or sshd's PasswordAuthentication.` };
  }
  if (e?.level === 'client-timeout' || /handshake/i.test(msg)) {
    return { ...base, code: 'ssh-timeout', message: `SSH to ${where} timed out during the handshake.`, hint: 'Check that the address is right and that a firewall does not drop SSH.' };
  }
  switch (e?.code) {
    case 'ECONNREFUSED':
      return { ...base, code: 'ssh-refused', message: `Connection to ${t.host}:${t.port} was refused: nothing listens for SSH there.`, hint: 'Check the SSH port and that sshd runs on the device.' };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { ...base, code: 'ssh-unreachable', message: `The host name ${t.host} cannot be resolved.`, hint: 'Check the spelling, or use the IP address.' };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
      return { ...base, code: 'ssh-unreachable', message: `${t.host} is unreachable from this machine (${e.code}).`, hint: 'Check the cable, the address and the route to the device.' };
    case 'ETIMEDOUT':
      return { ...base, code: 'ssh-timeout', message: `Connecting to ${t.host}:${t.port} timed out.`, hint: 'Check that the device is powered and reachable, and that a firewall does not drop SSH.' };
    case 'ECONNRESET':
    case 'EPIPE':
      return { ...base, code: 'ssh-disconnected', message: `The SSH connection to ${where} was reset.`, hint: 'The device or the network dropped it; Syncscope retries.' };
    default:
      return { ...base, code: 'ssh-disconnected', message: `SSH to ${where} failed: ${msg}`, hint: 'Syncscope retries; check the device if it persists.' };
  }
}

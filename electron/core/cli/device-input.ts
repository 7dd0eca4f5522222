import { readFileSync } from 'node:fs';
import { DeviceInput } from '../../../shared/domain/device';
import { invalidInput } from '../../../shared/contract/dispatch';
import { SyncscopeError } from '../../../shared/domain/errors';
import { wholeNumber } from './numbers';

export interface DeviceAddFlags {
  name?: string;
  host?: string;
  user?: string;
  key?: string;
  passphraseEnv?: string;
  passwordEnv?: string;
  sshPort?: string;
  uds?: string;
  interval?: string;
  local?: boolean;
}

/** Contract fields → the flag a person typed, so errors name the flag to fix. */
const FLAG_OF: Record<string, string> = {
  name: '--name',
  host: '--host',
  user: '--user',
  sshPort: '--ssh-port',
  udsPath: '--uds',
  pollIntervalMs: '--interval',
  'auth.password': '--password-env',
  'auth.privateKey': '--key',
  'auth.passphrase': '--passphrase-env',
  auth: '--key or --password-env',
};

function fail(field: string, message: string, hint: string): never {
  throw new SyncscopeError({ code: 'invalid-input', field, message: `${FLAG_OF[field] ?? field}: ${message}`, hint });
}

function fromEnv(field: string, variable: string, env: NodeJS.ProcessEnv): string {
  const v = env[variable];
  if (v === undefined || v === '') fail(field, `environment variable ${variable} is not set or empty`, `Export it first, e.g. read -rs ${variable}; export ${variable}`);
  return v;
}

/** Digits only; the range is the profile schema's (so `--ssh-port 70000` gets the same rule as the UI). */
function int(field: string, raw: string | undefined, example: number): number | undefined {
  return raw === undefined ? undefined : wholeNumber(FLAG_OF[field] ?? field, raw, { example, field });
}

/** Builds and validates a device profile from CLI flags. Secrets come from files or env vars, never argv. */
export function deviceInputFromFlags(f: DeviceAddFlags, env: NodeJS.ProcessEnv = process.env): DeviceInput {
  const common = { name: f.name, udsPath: f.uds, pollIntervalMs: int('pollIntervalMs', f.interval, 1000) };
  let raw: unknown;
  if (f.local) {
    raw = { transport: 'local', ...common };
  } else {
    if (f.key && f.passwordEnv) fail('auth', 'give either --key or --password-env, not both', 'Pick one way to log in.');
    let auth: unknown;
    if (f.key) {
      let privateKey: string;
      try {
        privateKey = readFileSync(f.key, 'utf8');
      } catch (err) {
        fail('auth.privateKey', `cannot read ${f.key}: ${(err as Error).message}`, 'Check the path to the private key file.');
      }
      auth = { kind: 'privateKey', privateKey, ...(f.passphraseEnv ? { passphrase: fromEnv('auth.passphrase', f.passphraseEnv, env) } : {}) };
    } else if (f.passwordEnv) {
      auth = { kind: 'password', password: fromEnv('auth.password', f.passwordEnv, env) };
    } else {
      fail('auth', 'an SSH device needs --key FILE or --password-env VAR', 'Or add --local for the machine the engine runs on.');
    }
    raw = { transport: 'ssh', ...common, host: f.host, user: f.user, sshPort: int('sshPort', f.sshPort, 22), auth };
  }
  const parsed = DeviceInput.safeParse(JSON.parse(JSON.stringify(raw)));
  if (!parsed.success) {
    const v = invalidInput(parsed.error);
    const field = v.field ?? '';
    const flag = FLAG_OF[field];
    throw new SyncscopeError({ ...v, message: flag ? v.message.replace(`${field}:`, `${flag}:`) : v.message });
  }
  return parsed.data;
}

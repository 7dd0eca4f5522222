import { z } from 'zod';
import { DEFAULT_SSH_PORT, HostName, SerialSettings, SshAuthInput, UserName } from '../../../shared/domain/device';
import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import type { DeviceConnectSpec } from '../store/devices-repo';
import type { ConsoleLog } from './console-log';
import { LocalTransport } from './local-transport';
import { SerialTransport } from './serial-transport';
import { SshTransport } from './ssh-transport';
import type { DeviceTransport, TransportKind } from './transport';

/** What a transport may ask of its owner. A transport never talks to a person itself. */
export interface TransportHooks {
  /** Remember the device's first-contact host key: called only after a login with it succeeded. */
  onNewHostKey(fingerprint: string): void;
  /** The same for the jump host's key. */
  onNewJumpHostKey?(fingerprint: string): void;
  /** Decides a first-contact host key (device or jump) before any credential is sent, and may refuse a changed one its own way; absent, first contact is trusted. */
  verifyHostKey?(fingerprint: string, target: 'device' | 'jump', expected: string | null): Promise<boolean>;
  /** The device's raw console log, kept across reconnects (serial devices). */
  consoleLogFor?(): ConsoleLog;
}

interface TransportEntry<P> {
  /** What a profile of this kind must hold; checked before anything connects. */
  profile: z.ZodType<P>;
  create(profile: P, spec: DeviceConnectSpec, hooks: TransportHooks): DeviceTransport;
}

/** Checks a spec against an entry's schema and builds its transport; the schema's type carries over. */
interface Registered {
  build(spec: DeviceConnectSpec, hooks: TransportHooks): { ok: true; transport: DeviceTransport } | { ok: false; missing: string[] };
}

function entry<P>(e: TransportEntry<P>): Registered {
  return {
    build(spec, hooks) {
      const parsed = e.profile.safeParse(spec);
      if (parsed.success) return { ok: true, transport: e.create(parsed.data, spec, hooks) };
      return { ok: false, missing: [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? spec.transport)))] };
    },
  };
}

const SshProfile = z.object({
  host: HostName,
  sshPort: z.number().int().nullable(),
  user: UserName,
  auth: SshAuthInput,
  hostKeySha256: z.string().nullable(),
  jump: z
    .object({
      host: HostName,
      sshPort: z.number().int(),
      user: UserName,
      /** null: log in the way the device does. */
      auth: SshAuthInput.nullable(),
      hostKeySha256: z.string().nullable(),
    })
    .nullable()
    .optional(),
});

/** Every way Syncscope reaches a device, by kind: one schema and one factory each. */
export const TRANSPORTS: { readonly [K in TransportKind]: Registered } = {
  ssh: entry({
    profile: SshProfile,
    create: (profile, spec, hooks) =>
      new SshTransport({
        host: profile.host,
        port: profile.sshPort ?? DEFAULT_SSH_PORT,
        user: profile.user,
        auth: profile.auth,
        deviceId: spec.id,
        knownHostKey: profile.hostKeySha256,
        onNewHostKey: (fp) => hooks.onNewHostKey(fp),
        ...(profile.jump
          ? {
              jump: {
                host: profile.jump.host,
                port: profile.jump.sshPort,
                user: profile.jump.user,
                ...(profile.jump.auth ? { auth: profile.jump.auth } : {}),
                knownHostKey: profile.jump.hostKeySha256,
                onNewHostKey: (fp: string) => hooks.onNewJumpHostKey?.(fp),
              },
            }
          : {}),
        ...(hooks.verifyHostKey ? { verifyHostKey: (fp: string, target: 'device' | 'jump', expected: string | null) => hooks.verifyHostKey!(fp, target, expected) } : {}),
      }),
  }),
  local: entry({ profile: z.object({}), create: () => new LocalTransport() }),
  serial: entry({
    profile: z.object({ serial: SerialSettings, user: UserName.nullable(), serialPassword: z.string().nullable().optional() }),
    create: (profile, _spec, hooks) =>
      new SerialTransport({
        serial: profile.serial,
        user: profile.user ?? undefined,
        password: profile.serialPassword ?? undefined,
        ...(hooks.consoleLogFor ? { consoleLog: hooks.consoleLogFor() } : {}),
      }),
  }),
};

/**
 * The transport for a device, or a no-credentials error naming what its profile lacks. A device is
 * only ever reached the way its profile says: an incomplete SSH profile never becomes a local one.
 */
export function createTransport(spec: DeviceConnectSpec, hooks: TransportHooks): DeviceTransport {
  const built = TRANSPORTS[spec.transport].build(spec, hooks);
  if (built.ok) return built.transport;
  throw new SyncscopeError(catalogError('collect.no-credentials', { device: spec.name, missing: built.missing.join(', ') }, { deviceId: spec.id }));
}

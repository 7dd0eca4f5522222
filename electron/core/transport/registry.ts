import { z } from 'zod';
import { HostName, SshAuthInput, UserName } from '../../../shared/domain/device';
import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import type { DeviceConnectSpec } from '../store/devices-repo';
import { LocalTransport } from './local-transport';
import { SshTransport } from './ssh-transport';
import type { DeviceTransport, TransportKind } from './transport';

/** What a transport may ask of its owner: remembering a first-contact host key after a successful login. */
export interface TransportHooks {
  onNewHostKey(fingerprint: string): void;
}

interface TransportEntry<P> {
  /** What a profile of this kind must hold; checked before anything connects. */
  profile: z.ZodType<P>;
  /** Names of the required fields a spec lacks, as the no-credentials error lists them. */
  create(profile: P, spec: DeviceConnectSpec, hooks: TransportHooks): DeviceTransport;
}

const SshProfile = z.object({
  host: HostName,
  sshPort: z.number().int().nullable(),
  user: UserName,
  auth: SshAuthInput,
  hostKeySha256: z.string().nullable(),
});

/** Every way Syncscope reaches a device, by kind: one schema and one factory each. */
export const TRANSPORTS: { [K in TransportKind]: TransportEntry<unknown> } = {
  ssh: {
    profile: SshProfile,
    create: (p, spec, hooks) => {
      const profile = p as z.infer<typeof SshProfile>;
      return new SshTransport({
        host: profile.host,
        port: profile.sshPort ?? 22,
        user: profile.user,
        auth: profile.auth,
        deviceId: spec.id,
        knownHostKey: profile.hostKeySha256,
        onNewHostKey: (fp) => hooks.onNewHostKey(fp),
      });
    },
  },
  local: {
    profile: z.object({}),
    create: () => new LocalTransport(),
  },
};

/**
 * The transport for a device, or a no-credentials error naming what its profile lacks. A device is
 * only ever reached the way its profile says: an incomplete SSH profile never becomes a local one.
 */
export function createTransport(spec: DeviceConnectSpec, hooks: TransportHooks): DeviceTransport {
  const entry = TRANSPORTS[spec.transport];
  const parsed = entry.profile.safeParse(spec);
  if (!parsed.success) {
    const missing = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? spec.transport)))].join(', ');
    throw new SyncscopeError(catalogError('collect.no-credentials', { device: spec.name, missing }, { deviceId: spec.id }));
  }
  return entry.create(parsed.data, spec, hooks);
}

import { errorValueOf, SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import type { HostKeyTarget } from '../../../shared/hostkeys/host-key-prompt';
import type { DeviceConnectSpec } from '../store/devices-repo';
import { createTransport } from '../transport/registry';

export type PresentedKeys = Record<HostKeyTarget, string | null>;

const PROBE_DEADLINE_MS = 15_000;

/**
 * Reads the host keys a device (and its jump host) present now, as `ssh-keyscan` would: the
 * connection stops at the device's key, so no credential reaches it. A jump host whose key is
 * already trusted is logged in to on the way; one whose key is not stops the probe at its key.
 */
export async function probeHostKeys(spec: DeviceConnectSpec): Promise<PresentedKeys> {
  const seen: PresentedKeys = { device: null, jump: null };
  const transport = createTransport(
    { ...spec, hostKeySha256: null },
    {
      onNewHostKey: () => undefined,
      onNewJumpHostKey: () => undefined,
      verifyHostKey: (fp, target) => {
        seen[target] = fp;
        return Promise.resolve(false);
      },
    },
  );
  const deadline = AbortSignal.timeout(PROBE_DEADLINE_MS);
  try {
    await transport.connect({ signal: deadline });
  } catch (err) {
    // A trusted jump host that now shows another key refuses before any login: its key is in the error.
    const e = errorValueOf(err);
    if (e.messageId === 'ssh.host-key-mismatch' && typeof e.params?.presented === 'string') seen.jump = e.params.presented;
    if (!seen.device && !seen.jump) throw new SyncscopeError(catalogError('ssh.host-key-unseen', { device: spec.name, detail: e.message }, { deviceId: spec.id }));
  } finally {
    transport.close();
  }
  return seen;
}

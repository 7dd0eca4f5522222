import { RestartCommand } from '../../../shared/domain/device';
import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import type { DeviceTransport } from '../transport/transport';
import type { FilesOwner } from './device-files';
import type { StepOutcome } from './push-target';

export const APPLY_TIMEOUT_MS = 60_000;
/** The device's own words are kept verbatim (an offload error, a unit's failure), up to this much. */
const OUTPUT_CHARS = 2_000;

/**
 * Runs a configured apply command (argv, checked again against the profile's rule: no word of it
 * can be shell syntax) and says what it printed. A non-zero exit or a timeout is a failed apply.
 */
export async function runRestart(transport: DeviceTransport, owner: FilesOwner, argv: readonly string[]): Promise<StepOutcome> {
  const checked = RestartCommand.safeParse([...argv]);
  if (!checked.success) throw new SyncscopeError({ code: 'invalid-input', field: 'restartCommand', message: checked.error.issues[0]?.message ?? 'restart command is invalid', deviceId: owner.deviceId });
  const command = checked.data.join(' ');
  const ref = { deviceId: owner.deviceId };
  let res;
  try {
    res = await transport.exec(checked.data, { timeoutMs: APPLY_TIMEOUT_MS, maxOutputBytes: 64 * 1024 });
  } catch (err) {
    if (err instanceof SyncscopeError && err.value.messageId === 'collect.command-timeout') {
      throw new SyncscopeError(catalogError('config-push.apply-timeout', { device: owner.device, seconds: APPLY_TIMEOUT_MS / 1000, command }, ref));
    }
    throw err;
  }
  const output = [res.stderr.trim(), res.stdout.trim()].filter(Boolean).join('\n').slice(-OUTPUT_CHARS);
  if (res.exitCode !== 0) {
    throw new SyncscopeError(catalogError('config-push.apply-failed', { device: owner.device, command, status: res.exitCode === null ? 'by a signal' : res.exitCode, output: output || '(no output)' }, ref));
  }
  return { detail: `${command}: exit 0 in ${(res.durationMs / 1000).toFixed(1)} s${output ? `: ${output.split('\n').at(-1)}` : ''}` };
}

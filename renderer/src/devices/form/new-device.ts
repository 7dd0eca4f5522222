import { DeviceInput } from '../../../../shared/domain/device';
import { fieldErrorsOf, schemaEnglish, type FormResult, type IssueText } from './form-result';
import type { DeviceFormValues } from './form-values';
import { authOf, instanceOf, jumpOf, numberOrDefault, serialLineOf, tsnInterfacesOf } from './profile-parts';

/** The profile the form describes, before validation: only the chosen transport's fields. */
function rawDeviceInput(values: DeviceFormValues) {
  const tsnInterfaces = tsnInterfacesOf(values.tsnInterfaces);
  const common = { name: values.name, instances: values.instances.map(instanceOf), pollIntervalMs: numberOrDefault(values.pollIntervalMs), ...(tsnInterfaces ? { tsnInterfaces } : {}) };
  switch (values.transport) {
    case 'local':
      return { transport: 'local' as const, ...common };
    case 'serial': {
      const { user, password } = values.serial;
      return {
        transport: 'serial' as const,
        ...common,
        serial: serialLineOf(values.serial),
        ...(user.trim() !== '' ? { user } : {}),
        ...(password !== '' ? { password } : {}),
      };
    }
    case 'ssh':
      return {
        transport: 'ssh' as const,
        ...common,
        host: values.host,
        sshPort: numberOrDefault(values.sshPort),
        user: values.user,
        auth: authOf(values.auth),
        ...(values.hostKeySha256.trim() === '' ? {} : { hostKeySha256: values.hostKeySha256 }),
        ...(values.jump.enabled ? { jump: jumpOf(values.jump) } : {}),
      };
  }
}

/** A new device, validated with the engine's own DeviceInput schema. */
export function validateNewDevice(values: DeviceFormValues, issueText: IssueText = schemaEnglish): FormResult<DeviceInput> {
  const parsed = DeviceInput.safeParse(rawDeviceInput(values));
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, ...fieldErrorsOf(parsed.error, values.transport, issueText) };
}

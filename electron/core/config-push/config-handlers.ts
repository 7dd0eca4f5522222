import type { Actor } from '../../../shared/contract/envelope';
import type { configMethods } from '../../../shared/contract/methods-config';
import type { z } from 'zod';
import type { ConfigPushService } from './config-push-service';

type Rows = typeof configMethods;
/** The handlers of the config rows, typed from their table (joined into the engine's handlers). */
export type ConfigHandlers = {
  [M in keyof Rows]: (params: z.output<Rows[M]['params']>, actor: Actor) => Promise<z.output<Rows[M]['result']>> | z.output<Rows[M]['result']>;
};

export function createConfigHandlers(service: ConfigPushService): ConfigHandlers {
  return {
    'config.read': ({ deviceId, instance }) => service.read(deviceId, instance),
    'config.preview': ({ deviceId, instance, text }) => service.preview(deviceId, instance, text),
    'config.push': (params, actor) => service.push(params, actor),
    'config.qdiscRead': ({ deviceId, iface }) => service.qdiscRead(deviceId, iface),
    'config.qdiscPreview': ({ deviceId, iface, model }) => service.qdiscPreview(deviceId, iface, model),
    'config.qdiscPush': (params, actor) => service.qdiscPush(params, actor),
    'config.audit': (q) => service.audit(q),
    'config.auditExport': ({ format, ...q }) => service.exportAudit(q, format),
  };
}

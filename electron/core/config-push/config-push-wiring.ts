import type { EventMessage } from '../../../shared/contract/events';
import { PTPCONF_CHECKER } from '../../../shared/ptpconf';
import type { Collection } from '../collect/collection';
import type { HostKeys } from '../hostkeys/host-keys';
import type { Logger } from '../log';
import type { Db } from '../store/db';
import type { DevicesRepo } from '../store/devices-repo';
import { AuditRepo } from './audit-repo';
import { ConfigPushService } from './config-push-service';

/** The config push as the engine composes it: the audit table of its database, the ptp4l.conf checker, progress as contract events. */
export function createConfigPushService(deps: { db: Db; devices: DevicesRepo; collection: Collection | null; hostKeys: HostKeys; log: Logger; emit(msg: EventMessage): void }): ConfigPushService {
  return new ConfigPushService({
    devices: deps.devices,
    audit: new AuditRepo(deps.db),
    checker: PTPCONF_CHECKER,
    collection: deps.collection,
    hostKeys: deps.hostKeys,
    log: deps.log,
    progress: (payload) => deps.emit({ event: 'config.push.progress', payload }),
  });
}

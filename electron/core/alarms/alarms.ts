import type { Registry } from 'prom-client';
import type { DeviceRef } from '../../../shared/alarms/alarm-input';
import type { EventMessage } from '../../../shared/contract/events';
import type { Logger } from '../log';
import type { Db } from '../store/db';
import type { SeriesStore } from '../store/series-store';
import { AlarmMetrics } from './alarm-metrics';
import { AlarmService } from './alarm-service';
import { AlarmsRepo } from './alarms-repo';
import { WebhookOutbox } from './webhook-outbox';

export interface AlarmsDeps {
  db: Db;
  series: SeriesStore;
  devices(): DeviceRef[];
  registry: Registry;
  log: Logger;
  emit(msg: EventMessage): void;
  /** Only the collecting engine evaluates and notifies; a CLI engine edits rules and writes acknowledgements the collecting one applies. */
  collect: boolean;
}

/** The engine's alarms: the tables, and (in the collecting engine) the service that evaluates and notifies. */
export interface Alarms {
  repo: AlarmsRepo;
  outbox: WebhookOutbox;
  service: AlarmService | null;
  devices(): DeviceRef[];
  series: SeriesStore;
  /** The console's address, for notifications (Alertmanager's externalURL); set by serve. */
  externalUrl: string;
}

export function createAlarms(deps: AlarmsDeps): Alarms {
  const repo = new AlarmsRepo(deps.db);
  const outbox = new WebhookOutbox(deps.db);
  const alarms: Alarms = { repo, outbox, service: null, devices: deps.devices, series: deps.series, externalUrl: '' };
  if (deps.collect) {
    const metrics = new AlarmMetrics(deps.registry, () => repo.webhooks().map((w) => outbox.status(w)));
    alarms.service = new AlarmService({ repo, outbox, series: deps.series, devices: deps.devices, metrics, log: deps.log, emit: deps.emit, externalUrl: () => alarms.externalUrl });
  }
  return alarms;
}

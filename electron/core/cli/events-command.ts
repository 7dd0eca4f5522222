import { parseTimeFlag } from '../../../shared/history/export/time-range';
import type { StoredEvent } from '../../../shared/series/series-query';
import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import type { Access } from './engine-access';
import { wholeNumber } from './numbers';
import { printTable } from './table';

export interface EventsFlags {
  device: string;
  since?: string;
  limit: string;
  json?: boolean;
}

function detailText(e: StoredEvent): string {
  return Object.entries(e.detail)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ');
}

/** `syncscope events --device N`: a plain table (time, instance, kind, change, detail), or JSON. */
export async function runEvents(a: Access, o: EventsFlags): Promise<void> {
  // The same times export, report and config audit take: ISO 8601, `now`, or a duration back (2h, -2h).
  const since = o.since === undefined ? undefined : parseTimeFlag('--since', o.since, Date.now());
  const limit = wholeNumber('--limit', o.limit, { example: 1000, max: 100_000 });
  const device = (await a.client.call('devices.list')).find((d) => d.name.toLowerCase() === o.device.toLowerCase());
  if (!device) throw new SyncscopeError(catalogError('cli.device-name-not-found', { name: o.device }));
  const events = await a.client.call('events.query', { deviceId: device.id, ...(since !== undefined ? { sinceMs: since } : {}), limit: Math.max(1, limit) });
  if (o.json) {
    console.log(JSON.stringify(events, null, 2));
    return;
  }
  if (events.length === 0) {
    console.log(`No events of ${device.name}${o.since ? ` since ${o.since}` : ''}.`);
    return;
  }
  const rows = [['TIME', 'INSTANCE', 'KIND', 'CHANGE', 'DETAIL'], ...events.map((e) => [new Date(e.tMs).toISOString(), e.instance ?? '-', e.kind, `${e.from ?? '-'} → ${e.to ?? '-'}`, detailText(e)])];
  printTable(rows);
}

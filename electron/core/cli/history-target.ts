import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import { resolveRange, type TimeRange } from '../../../shared/history/export/time-range';
import type { ReportSource } from '../../../shared/history/report/report-model';
import type { Access } from './engine-access';

/** The flags export and report share: what history, which devices, which window. */
export interface HistoryTargetFlags {
  device?: string;
  session?: string;
  from?: string;
  to?: string;
}

export interface HistoryTarget {
  sessionId?: string;
  source: ReportSource;
  devices: { id: string; name: string }[];
  range: TimeRange;
}

/**
 * `--device N` (the live history's device, or one of the session's with --session), `--session NAME`
 * alone (every device of the session), and the window (the last hour of a device, or the whole
 * session, when --from/--to are left out).
 */
export async function historyTarget(a: Access, o: HistoryTargetFlags): Promise<HistoryTarget> {
  if (o.device === undefined && o.session === undefined) {
    throw new SyncscopeError(catalogError('history.no-target', {}, { field: 'device' }));
  }
  const sessionId = o.session;
  const h = await a.client.call('history.devices', sessionId ? { sessionId } : {});
  let devices = h.devices;
  if (o.device !== undefined) {
    const wanted = o.device.toLowerCase();
    const found = h.devices.find((d) => d.id === o.device) ?? h.devices.find((d) => d.name.toLowerCase() === wanted);
    if (!found) {
      const names = h.devices.map((d) => d.name).join(', ') || '-';
      throw new SyncscopeError(
        h.source.kind === 'session' ? catalogError('history.device-not-in-session', { session: h.source.name, device: o.device, devices: names }) : catalogError('cli.device-name-not-found', { name: o.device }),
      );
    }
    devices = [found];
  }
  return { ...(sessionId ? { sessionId } : {}), source: h.source, devices, range: resolveRange(o, h.span, Date.now()) };
}

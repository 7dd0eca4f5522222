import { PORT_STATE_CODES, type PtpSample } from '../domain/ptp';
import type { Reading, ReadingValue } from './series';

/**
 * A one-shot poll's PtpSample as a Reading of the catalog's series, for a collector source that
 * does not emit readings itself. Port states are labelled by port number (`clockId-N` → `N`).
 */
export function readingFromSample(s: PtpSample, instance: string): Reading {
  const values: ReadingValue[] = [
    { metric: 'ptp.offset_from_master', value: s.offsetFromMasterNs },
    { metric: 'ptp.master_offset', value: s.masterOffsetNs },
    { metric: 'ptp.mean_path_delay', value: s.meanPathDelayNs },
    { metric: 'ptp.steps_removed', value: s.stepsRemoved },
  ];
  if (s.ports.length > 0) {
    for (const p of s.ports) values.push({ metric: 'ptp.port_state', labels: { port: p.portIdentity.split('-').pop() ?? p.portIdentity }, value: PORT_STATE_CODES[p.portState] });
  } else if (s.portState !== null) {
    values.push({ metric: 'ptp.port_state', labels: { port: '1' }, value: PORT_STATE_CODES[s.portState] });
  }
  return { deviceId: s.deviceId, instance, tUs: s.tMs * 1000, deviceTimeNs: null, values };
}

import { describe, expect, it } from 'vitest';
import { parseJournalJsonLine } from './journal-json';

const entry = (fields: Record<string, unknown>) => JSON.stringify({ __REALTIME_TIMESTAMP: '1795570194666123', _PID: '812', SYSLOG_IDENTIFIER: 'ptp4l', _HOSTNAME: 'gm1', _SYSTEMD_UNIT: 'ptp4l@eth0.service', ...fields });

describe('journalctl -o json lines', () => {
  it('stamps with __REALTIME_TIMESTAMP and keeps the monotonic stamp apart', () => {
    const r = parseJournalJsonLine(entry({ MESSAGE: '[5374.018] master offset -5 s2 freq -1840 path delay 501' }))!;
    expect(r.wallTimeMs).toBe(1795570194666.123);
    expect(r.prefix).toMatchObject({ program: 'ptp4l', pid: 812, host: 'gm1', monotonicS: 5374.018 });
    expect(r.unit).toBe('ptp4l@eth0.service');
    expect(r.record).toMatchObject({ kind: 'ptp4l-sample', offsetNs: -5, pathDelayNs: 501 });
  });

  it('tells phc2sys and ts2phc shapes apart by SYSLOG_IDENTIFIER', () => {
    const r = parseJournalJsonLine(entry({ SYSLOG_IDENTIFIER: 'phc2sys', MESSAGE: '[10.1] phc offset -26 s2 freq -1797 delay 1097' }))!;
    expect(r.record).toMatchObject({ kind: 'clock-sample', clock: 'CLOCK_REALTIME', source: 'phc' });
    const t = parseJournalJsonLine(entry({ SYSLOG_IDENTIFIER: 'ts2phc', MESSAGE: 'ens3f0 master offset -1 s2 freq -1' }))!;
    expect(t.record).toMatchObject({ kind: 'ts2phc-sample', clock: 'ens3f0' });
  });

  it('decodes a MESSAGE journald sent as bytes, and reads stdout lines wrapped by journald', () => {
    const bytes = [...new TextEncoder().encode('port 1 (eth0): link down')];
    expect(parseJournalJsonLine(entry({ MESSAGE: bytes }))?.record).toMatchObject({ kind: 'link', up: false, iface: 'eth0' });
    expect(parseJournalJsonLine(entry({ MESSAGE: 'ptp4l[5.5]: port 1: link up' }))?.prefix.monotonicS).toBe(5.5);
  });

  it('returns null for what is not a journal entry, without throwing', () => {
    for (const bad of ['', 'not json', '[]', 'null', '{"MESSAGE": 5}', '{"MESSAGE": [300]}', '{']) expect(parseJournalJsonLine(bad)).toBeNull();
    expect(parseJournalJsonLine(entry({ MESSAGE: 'x', __REALTIME_TIMESTAMP: 'soon' }))?.wallTimeMs).toBeNull();
  });
});

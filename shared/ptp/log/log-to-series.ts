import type { DeviceEvent } from '../../series/device-event';
import { POINT_FLAGS, type Reading, type ReadingValue } from '../../series/series';
import type { ParsedLine } from './parse-log-line';

/**
 * Turns parsed linuxptp log lines of one instance into readings and events (shared/series).
 * Stateful only where the log itself is: a servo that just stepped (`s1`) and the first summary
 * windows after a start are marked, so they poison no chart or statistic; holdover is an event when
 * it changes. Lines without a wall time are stamped with their arrival; linuxptp's `[seconds]`
 * (CLOCK_MONOTONIC) becomes the reading's device time in ns.
 */

/** The first summaries after a (re)start cover the time before lock: rms/max can be absurd. */
export const TRANSIENT_SUMMARIES = 2;

export interface LogLineIn {
  parsed: ParsedLine;
  /** Wall time of the line: the journal's, or its arrival on the engine; ms since the epoch. */
  wallTimeMs: number;
}

export interface LogBatch {
  readings: Reading[];
  events: DeviceEvent[];
  unparsed: number;
  /** The first unparsed lines (clipped), kept to show a person. */
  unparsedSamples: string[];
  txTimestampTimeouts: number;
}

export class LogToSeries {
  private summaries = 0;
  private readonly holdover = new Map<string, boolean>();
  /** Last servo state per clock ('' for ptp4l's own servo), so a change becomes one servo-state event. */
  private readonly servo = new Map<string, number>();

  constructor(
    private readonly deviceId: string,
    private readonly instance: string,
  ) {}

  /** The followed log started again (after a gap or a restart): treat what comes as a fresh start. */
  restart(): void {
    this.summaries = 0;
    this.servo.clear();
  }

  convert(lines: readonly LogLineIn[]): LogBatch {
    const out: LogBatch = { readings: [], events: [], unparsed: 0, unparsedSamples: [], txTimestampTimeouts: 0 };
    for (const { parsed, wallTimeMs } of lines) {
      const { record, prefix } = parsed;
      const values: ReadingValue[] = [];
      const event = (kind: DeviceEvent['kind'], from: string | null, to: string | null, detail: DeviceEvent['detail']) =>
        out.events.push({ deviceId: this.deviceId, instance: this.instance, kind, from, to, detail, tMs: wallTimeMs });
      // s0 unlocked, s1 stepped, s2 locked, s3 locked and stable (4.x): each change (and the first state seen) is an event.
      const servoState = (clock: string, state: number | null) => {
        if (state === null) return;
        const was = this.servo.get(clock);
        if (was === state) return;
        this.servo.set(clock, state);
        event('servo-state', was === undefined ? null : `s${was}`, `s${state}`, clock === '' ? { source: 'log' } : { clock, source: 'log' });
      };
      switch (record.kind) {
        case 'ptp4l-sample': {
          const flags = (record.servo === 1 ? POINT_FLAGS.step : 0) | (record.exact ? 0 : POINT_FLAGS.inexact);
          values.push(
            { metric: 'ptp.servo_offset', value: record.offsetNs, flags },
            { metric: 'ptp.freq', value: record.freqPpb, flags: record.servo === 1 ? POINT_FLAGS.step : 0 },
            { metric: 'ptp.servo_path_delay', value: record.pathDelayNs, flags },
            { metric: 'ptp.servo_state', value: record.servo },
          );
          servoState('', record.servo);
          break;
        }
        case 'summary': {
          const flags = this.summaries++ < TRANSIENT_SUMMARIES ? POINT_FLAGS.transient : 0;
          if (record.clock === null) {
            values.push(
              { metric: 'ptp.summary_offset_rms', value: record.rmsNs, flags },
              { metric: 'ptp.summary_offset_max', value: record.maxNs, flags },
              { metric: 'ptp.freq', value: record.freqPpb, flags },
              { metric: 'ptp.summary_freq_stddev', value: record.freqStdDevPpb, flags },
            );
            if (record.delayNs !== null) values.push({ metric: 'ptp.summary_path_delay', value: record.delayNs, flags });
          } else {
            const labels = { clock: record.clock };
            values.push(
              { metric: 'phc2sys.summary_offset_rms', labels, value: record.rmsNs, flags },
              { metric: 'phc2sys.summary_offset_max', labels, value: record.maxNs, flags },
              { metric: 'phc2sys.freq', labels, value: record.freqPpb, flags },
            );
            if (record.delayNs !== null) values.push({ metric: 'phc2sys.delay', labels, value: record.delayNs, flags });
          }
          break;
        }
        case 'clock-sample': {
          const flags = (record.servo === 1 ? POINT_FLAGS.step : 0) | (record.exact ? 0 : POINT_FLAGS.inexact);
          const labels = { clock: record.clock };
          values.push(
            { metric: 'phc2sys.offset', labels: { clock: record.clock, source: record.source }, value: record.offsetNs, flags },
            { metric: 'phc2sys.freq', labels, value: record.freqPpb, flags: record.servo === 1 ? POINT_FLAGS.step : 0 },
            { metric: 'phc2sys.servo_state', labels, value: record.servo },
          );
          if (record.delayNs !== null) values.push({ metric: 'phc2sys.delay', labels, value: record.delayNs });
          servoState(record.clock, record.servo);
          break;
        }
        case 'ts2phc-sample': {
          const labels = { clock: record.clock };
          const flags = (record.servo === 1 ? POINT_FLAGS.step : 0) | (record.exact ? 0 : POINT_FLAGS.inexact);
          values.push({ metric: 'ts2phc.offset', labels, value: record.offsetNs, flags });
          if (record.freqPpb !== null) values.push({ metric: 'ts2phc.freq', labels, value: record.freqPpb });
          if (record.servo !== null) values.push({ metric: 'ts2phc.servo_state', labels, value: record.servo });
          servoState(record.clock, record.servo);
          const was = this.holdover.get(record.clock) ?? false;
          if (was !== record.holdover) event('holdover', was ? 'holdover' : 'locked', record.holdover ? 'holdover' : 'locked', { clock: record.clock });
          this.holdover.set(record.clock, record.holdover);
          break;
        }
        case 'port-state':
          event('port-state', record.from, record.to, { port: record.port, iface: record.iface, event: record.event, fault: record.fault, source: 'log' });
          break;
        case 'best-master':
          event('gm-change', null, record.identity, { localClock: false, port: record.port, source: 'log' });
          break;
        case 'local-best-master':
          event('gm-change', null, record.identity, { localClock: true, source: 'log' });
          break;
        case 'grandmaster-role':
          // Always follows "selected local clock … as best master", which already made the gm-change.
          break;
        case 'foreign-master':
          event('foreign-master', null, record.identity, { port: record.port, iface: record.iface });
          break;
        case 'link':
          event('link', record.up ? 'down' : 'up', record.up ? 'up' : 'down', { port: record.port, iface: record.iface });
          break;
        case 'notice':
          if (record.code === 'tx-timestamp-timeout') out.txTimestampTimeouts++;
          if (record.code === 'ts2phc-holdover-lost' && record.subject) this.holdover.set(record.subject, false);
          event('notice', null, record.code, { severity: record.severity, port: record.port, iface: record.iface, subject: record.subject, value: record.value, line: parsed.message.slice(0, 200) });
          break;
        case 'unparsed':
          out.unparsed++;
          if (out.unparsedSamples.length < 5) out.unparsedSamples.push(parsed.message.slice(0, 200));
          break;
      }
      if (values.length > 0) {
        const mono = prefix.monotonicS;
        out.readings.push({ deviceId: this.deviceId, instance: this.instance, tUs: Math.round(wallTimeMs * 1000), deviceTimeNs: mono === null ? null : monotonicNs(mono), values });
      }
    }
    return out;
  }
}

/** `[5374.018]` as ns, exactly (from its digits, not through a float product). */
function monotonicNs(seconds: number): string {
  const [whole, frac = ''] = seconds.toFixed(3).split('.');
  return `${whole}${frac.padEnd(9, '0')}`.replace(/^0+(?=\d)/, '');
}

import type { InstanceStateView, SourceDiagnostics } from '../../../shared/contract/methods-diagnostics';
import type { ErrorValue } from '../../../shared/domain/errors';
import type { PtpSample } from '../../../shared/domain/ptp';
import type { DeviceEvent } from '../../../shared/series/device-event';
import type { Reading } from '../../../shared/series/series';
import type { DeviceTransport } from '../transport/transport';

/** What one poll of one source found: the legacy sample (maybe with a warning) or only the problem, plus readings and events. */
export interface SourcePoll {
  sample: PtpSample | null;
  problem: ErrorValue | null;
  readings: Reading[];
  events: DeviceEvent[];
}

/**
 * A source the device supervisor polls, one or more per ptp4l instance (pmc now; log followers
 * next). poll() rejects only when the transport failed (the supervisor reconnects); anything the
 * device said is in the result. close() is final.
 */
export interface PtpSource {
  readonly instance: string;
  /** Polled only when this much time passed since its last poll (a statistics source's own rate); absent: every cycle. */
  readonly intervalMs?: number;
  poll(transport: DeviceTransport, signal: AbortSignal): Promise<SourcePoll>;
  close(): void;
  /** What it last did and what went wrong (bounded), for the Diagnostics panel. */
  diagnostics(): SourceDiagnostics;
  /** The instance's latest data sets, for a source that reads them (pmc kept open). */
  state?(): InstanceStateView;
}

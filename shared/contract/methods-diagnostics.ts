import { z } from 'zod';
import { DeviceId } from '../domain/device';
import { ErrorValue, MessageParams } from '../domain/errors';
import { PortState } from '../domain/ptp';

/**
 * What a device's collectors know beyond the series (joined into methods.ts): the latest data sets
 * per ptp4l instance, each source's diagnostics (so "no data" always comes with its reason) and the
 * doctor's health checks. Mirrors shared/ptp/pmc-datasets.ts field for field.
 */
const n = z.number().nullable();
const s = z.string().nullable();

export const ParentDataSetView = z.object({
  portIdentity: z.string(),
  parentPortIdentity: s,
  parentStats: n,
  observedParentOffsetScaledLogVariance: n,
  observedParentClockPhaseChangeRate: n,
  grandmasterPriority1: n,
  gmClockClass: n,
  gmClockAccuracy: n,
  gmOffsetScaledLogVariance: n,
  grandmasterPriority2: n,
  grandmasterIdentity: s,
});

export const DefaultDataSetView = z.object({
  portIdentity: z.string(),
  twoStepFlag: z.boolean().nullable(),
  slaveOnly: z.boolean().nullable(),
  numberPorts: n,
  priority1: n,
  clockClass: n,
  clockAccuracy: n,
  offsetScaledLogVariance: n,
  priority2: n,
  clockIdentity: s,
  domainNumber: n,
});

export const CurrentDataSetView = z.object({ portIdentity: z.string(), stepsRemoved: n, offsetFromMasterNs: n, meanPathDelayNs: n });

export const TimeStatusView = z.object({
  portIdentity: z.string(),
  masterOffsetNs: n,
  /** Decimal int64 ns: beyond 2^53, so text. */
  ingressTimeNs: s,
  cumulativeScaledRateOffset: n,
  scaledLastGmPhaseChange: n,
  gmTimeBaseIndicator: n,
  lastGmPhaseChange: s,
  gmPresent: z.boolean().nullable(),
  gmIdentity: s,
});

/** A row of a port's unicast master table (UNICAST_MASTER_TABLE_NP, linuxptp 4.x). */
export const UnicastMasterView = z.object({
  selected: z.boolean(),
  portIdentity: z.string(),
  address: s,
  /** linuxptp's unicast negotiation state: WAIT, HAVE_ANN, NEED_SYDY, HAVE_SYDY. */
  state: z.string(),
  clockClass: z.number(),
  clockAccuracy: z.number(),
  offsetScaledLogVariance: z.number(),
  priority1: z.number(),
  priority2: z.number(),
});

/**
 * One port: its data set state joined with PORT_PROPERTIES_NP (interface, timestamping) and, where
 * linuxptp 4.x answers them, PORT_HWCLOCK_NP, PORT_CORRECTIONS_NP and UNICAST_MASTER_TABLE_NP.
 */
export const PortView = z.object({
  portNumber: n,
  portIdentity: z.string(),
  portState: PortState.nullable(),
  interface: s,
  timestamping: s,
  delayMechanism: s,
  logSyncInterval: n,
  logAnnounceInterval: n,
  peerMeanPathDelayNs: n,
  /** /dev/ptpN the port timestamps with; -1 for none (software timestamping); null when not read. */
  phcIndex: n.default(null),
  /** The PHC is a virtual clock (PORT_HWCLOCK_NP flags). */
  virtualClock: z.boolean().nullable().default(null),
  egressLatencyNs: n.default(null),
  ingressLatencyNs: n.default(null),
  delayAsymmetryNs: n.default(null),
  unicastMasters: z.array(UnicastMasterView).default([]),
});
export type PortView = z.infer<typeof PortView>;

/** The latest data sets of one ptp4l instance, as its pmc source last read them. */
export const InstanceStateView = z.object({
  instance: z.string(),
  /** Engine wall clock of the newest data set, ms; null before the first answer. */
  atMs: n,
  /** `ptp4l -v` as the device printed it, when probed. */
  linuxptpVersion: s,
  /** The socket pmc talks to (the read-only 4.x socket when that is what answered). */
  udsPath: s,
  /** pmc talks to the read-only socket: GET only, polled (no pushed notifications). */
  udsReadOnly: z.boolean().default(false),
  parent: ParentDataSetView.nullable(),
  defaults: DefaultDataSetView.nullable(),
  current: CurrentDataSetView.nullable(),
  time: TimeStatusView.nullable(),
  ports: z.array(PortView),
});
export type InstanceStateView = z.infer<typeof InstanceStateView>;

/** One source of one instance (`pmc-stream`, `pmc-oneshot`, `log-follow`): what it last did and what went wrong. */
export const SourceDiagnostics = z.object({
  source: z.string(),
  instance: z.string(),
  /** The command as it runs on the device (argv joined with spaces, for people). */
  lastCommand: s,
  /** Round trip of the last poll or exchange, ms. */
  lastLatencyMs: n,
  lastPollAtMs: n,
  /** The device's last raw answer, cut to 8 KiB. */
  lastRawOutput: z.string().max(8192).nullable(),
  /** Lines (or answers) the parsers could not read, since the source started. */
  parseErrors: z.number().int().nonnegative(),
  /** The newest unreadable lines, at most 20. */
  unparsedLines: z.array(z.string().max(1024)).max(20),
  /** How often the long-running command (pmc, tail, journalctl) was restarted. */
  restarts: z.number().int().nonnegative(),
  lastError: ErrorValue.nullable(),
  /** What probing found, in a few words each (the socket that answered, poll-only mode, the linuxptp version). */
  notes: z.array(z.string().max(200)).max(8).default([]),
});
export type SourceDiagnostics = z.infer<typeof SourceDiagnostics>;

export const DoctorCheckId = z.enum(['time-daemons', 'ptp4l', 'leap-seconds', 'timestamping', 'tx-timeouts', 'linuxptp-version', 'pmc']);
export const DoctorStatus = z.enum(['ok', 'warn', 'fail', 'unknown']);

/** A finding as it leaves the engine: its catalog text id and parameters (the UI and CLI render it in their language). */
export const DoctorFindingView = z.object({
  check: DoctorCheckId,
  status: DoctorStatus,
  textId: z.string(),
  params: MessageParams,
});
export type DoctorFindingView = z.infer<typeof DoctorFindingView>;

export const DoctorReport = z.object({
  deviceId: DeviceId,
  ranAtMs: z.number(),
  findings: z.array(DoctorFindingView),
});
export type DoctorReport = z.infer<typeof DoctorReport>;

export const diagnosticsMethods = {
  /** The latest data sets of each ptp4l instance of the device (parent/GM, defaults, ports). */
  'ptp.state': {
    params: z.object({ deviceId: DeviceId }),
    result: z.array(InstanceStateView),
  },
  /** Each source's diagnostics: last command, latency, raw output, parse errors, restarts. */
  'collect.diagnostics': {
    params: z.object({ deviceId: DeviceId }),
    result: z.array(SourceDiagnostics),
  },
  /** Runs the device health checks now over the device's transport (read-only probes). */
  'doctor.run': {
    params: z.object({ deviceId: DeviceId }),
    result: DoctorReport,
  },
} as const;

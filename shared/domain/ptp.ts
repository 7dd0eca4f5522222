import { z } from 'zod';

/** IEEE 1588 / linuxptp port states, as ptp4l's `ps_str` names them. */
export const PORT_STATES = [
  'NONE',
  'INITIALIZING',
  'FAULTY',
  'DISABLED',
  'LISTENING',
  'PRE_MASTER',
  'MASTER',
  'PASSIVE',
  'UNCALIBRATED',
  'SLAVE',
  'GRAND_MASTER',
] as const;
export const PortState = z.enum(PORT_STATES);
export type PortState = z.infer<typeof PortState>;

/**
 * Numeric codes of port states, exactly linuxptp's `enum port_state` (fsm.h: PS_INITIALIZING = 1 …
 * PS_GRAND_MASTER = 10); 0 is ps_str's "NONE". /metrics exports these, so they never follow array order.
 */
export const PORT_STATE_CODES: Readonly<Record<PortState, number>> = {
  NONE: 0,
  INITIALIZING: 1,
  FAULTY: 2,
  DISABLED: 3,
  LISTENING: 4,
  PRE_MASTER: 5,
  MASTER: 6,
  PASSIVE: 7,
  UNCALIBRATED: 8,
  SLAVE: 9,
  GRAND_MASTER: 10,
};

/** One poll of a device's ptp4l, merged from TIME_STATUS_NP, CURRENT_DATA_SET and PORT_DATA_SET. */
export const PtpSample = z.object({
  deviceId: z.string(),
  /** Wall-clock time of the poll on the engine, ms since the epoch. */
  tMs: z.number(),
  /** TIME_STATUS_NP master_offset (ns). */
  masterOffsetNs: z.number().nullable(),
  /** CURRENT_DATA_SET offsetFromMaster (ns). */
  offsetFromMasterNs: z.number().nullable(),
  /** CURRENT_DATA_SET meanPathDelay (ns). */
  meanPathDelayNs: z.number().nullable(),
  stepsRemoved: z.number().int().nullable(),
  gmPresent: z.boolean().nullable(),
  gmIdentity: z.string().nullable(),
  /** State of the first non-UDS port (the one a slave syncs on). */
  portState: PortState.nullable(),
  /** Every port's state, keyed by port identity (`clockId-portNumber`). */
  ports: z.array(z.object({ portIdentity: z.string(), portState: PortState })),
});
export type PtpSample = z.infer<typeof PtpSample>;

/** Columnar history of one device, as the chart wants it (uPlot takes columns). */
export const SampleColumns = z.object({
  deviceId: z.string(),
  tMs: z.array(z.number()),
  offsetFromMasterNs: z.array(z.number().nullable()),
  meanPathDelayNs: z.array(z.number().nullable()),
  masterOffsetNs: z.array(z.number().nullable()),
});
export type SampleColumns = z.infer<typeof SampleColumns>;

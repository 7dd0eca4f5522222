import { z } from 'zod';
import { DeviceId, DeviceInput, DevicePatch, DeviceView } from '../domain/device';
import { SampleColumns } from '../domain/ptp';
import { DeviceStatus } from '../domain/status';
import { StoreHealth } from '../domain/store-health';
import { alarmMethods } from './methods-alarms';
import { configMethods } from './methods-config';
import { diagnosticsMethods } from './methods-diagnostics';
import { historyMethods } from './methods-history';
import { hostKeyMethods } from './methods-hostkeys';
import { serialMethods } from './methods-serial';
import { sessionMethods } from './methods-sessions';
import { tsnMethods } from './methods-tsn';
import { tsnConfigMethods } from './methods-tsn-config';
import { EventQuery, SeriesColumns, SeriesInfo, SeriesQuery, StoredEvent } from '../series/series-query';

/**
 * Every request the UI (or the CLI) may make of the engine: name → params and result schemas.
 * The engine implements this table once; Electron IPC and socket.io both carry it unchanged.
 * New features add rows here, they never add a side channel.
 */
export const methods = {
  'engine.hello': {
    params: z.object({}).default({}),
    // dataDir only for this machine's own consoles (IPC, CLI): a network client is not told where the data lives.
    // nowMs: the engine's clock, so a console on another machine can show engine times (a retry's) against it.
    result: z.object({ engineId: z.string(), version: z.string(), dataDir: z.string().optional(), metricsUrl: z.string().nullable(), nowMs: z.number() }),
  },
  /** Whether history is being saved now (store.health tells each change). */
  'engine.storeHealth': {
    params: z.object({}).default({}),
    result: StoreHealth,
  },
  'devices.list': {
    params: z.object({}).default({}),
    result: z.array(DeviceView),
  },
  'devices.add': {
    params: DeviceInput,
    result: DeviceView,
  },
  'devices.update': {
    params: z.object({ id: DeviceId, patch: DevicePatch }),
    result: DeviceView,
  },
  'devices.remove': {
    params: z.object({ id: DeviceId }),
    result: z.object({ removed: z.literal(true) }),
  },
  'devices.status': {
    params: z.object({}).default({}),
    result: z.array(DeviceStatus),
  },
  'samples.query': {
    params: z.object({
      deviceId: DeviceId,
      sinceMs: z.number().optional(),
      untilMs: z.number().optional(),
      limit: z.number().int().min(1).max(100_000).default(3600),
    }),
    result: SampleColumns,
  },
  /** Every stored series of a device (its small ids, keys and newest point time). */
  'series.list': {
    params: z.object({ deviceId: DeviceId }),
    result: z.array(SeriesInfo),
  },
  /** Points of series in a time range, min/max-downsampled to maxPoints per series; gaps stay gaps. */
  'series.query': {
    params: SeriesQuery,
    result: z.array(SeriesColumns),
  },
  /** A device's events (port and servo states, GM changes, connection gaps …), oldest first, the newest `limit`. */
  'events.query': {
    params: EventQuery.extend({ deviceId: DeviceId }),
    result: z.array(StoredEvent),
  },
  ...hostKeyMethods,
  ...diagnosticsMethods,
  ...serialMethods,
  ...historyMethods,
  ...sessionMethods,
  ...configMethods,
  ...alarmMethods,
  ...tsnMethods,
  ...tsnConfigMethods,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
/** What a caller passes (defaults may be omitted). */
export type ParamsIn<M extends MethodName> = z.input<Methods[M]['params']>;
/** What a handler receives (defaults applied, validated). */
export type Params<M extends MethodName> = z.output<Methods[M]['params']>;
export type Result<M extends MethodName> = z.output<Methods[M]['result']>;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}

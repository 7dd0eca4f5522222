import type { Handlers } from '../../shared/contract/dispatch';
import type { Engine } from './engine';
import { ENGINE_VERSION } from './engine';
import { createConfigHandlers } from './config-push/config-handlers';
import { createAlarmHandlers } from './alarms/alarm-handlers';
import { createDiagnosticsHandlers } from './doctor/diagnostics-handlers';
import { createSerialHandlers } from './transport/serial-handlers';
import { createHistoryHandlers } from './history/history-handlers';
import { createHostKeyHandlers } from './hostkeys/host-key-handlers';
import { createSessionHandlers } from './sessions/session-handlers';
import { createTsnHandlers } from './tsn/tsn-handlers';
import { createTsnConfigHandlers } from './tsn-config/tsn-config-handlers';
import { sampleColumnsFromSeries } from './store/legacy-samples';
import { storeError } from './store/store-errors';

/** The contract, implemented once. Each mutation re-syncs collectors before it answers. */
export function createHandlers(engine: Engine): Handlers {
  const read = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      throw storeError(err, engine.dataDir);
    }
  };
  return {
    ...createHostKeyHandlers(engine.hostKeys),
    ...createDiagnosticsHandlers(engine.diagnostics),
    ...createHistoryHandlers(engine),
    ...createSerialHandlers({ consoleLog: (id, limit) => read(() => engine.consoleLog(id, limit)) }),
    ...createSessionHandlers(engine.sessions),
    ...createAlarmHandlers(engine.alarms, () => engine.devices.list().map((d) => ({ name: d.name, pollIntervalMs: d.pollIntervalMs }))),
    ...createTsnHandlers({ assertDevice: (id) => read(() => engine.devices.get(id)), state: (id) => engine.tsnState(id) }),
    ...createTsnConfigHandlers({ deviceName: (id) => read(() => engine.devices.get(id)).name, liveTransport: (id) => engine.liveTransport(id) }),
    ...createConfigHandlers(engine.configPush),
    // Where the data lives is for this machine's own consoles, not for a page on the network.
    'engine.hello': (_params, actor) => ({
      engineId: engine.engineId,
      version: ENGINE_VERSION,
      ...(actor.origin === 'socket' ? {} : { dataDir: engine.dataDir }),
      metricsUrl: engine.metricsUrl,
      nowMs: Date.now(),
    }),
    'engine.storeHealth': () => engine.storeHealth.current(),
    'devices.list': () => read(() => engine.devices.list()),
    'devices.add': async (input, actor) => {
      const view = await engine.changeDevices(() => engine.devices.add(input), (v) => v.name);
      engine.log.info({ device: view.name, transport: view.transport, by: actor.origin }, 'device added');
      return view;
    },
    'devices.update': async ({ id, patch }, actor) => {
      const view = await engine.changeDevices(() => engine.devices.update(id, patch), (v) => v.name);
      engine.log.info({ device: view.name, by: actor.origin }, 'device updated');
      return view;
    },
    'devices.remove': async ({ id }, actor) => {
      const view = await engine.changeDevices(
        () => {
          const v = engine.devices.get(id);
          engine.devices.remove(id);
          return v;
        },
        (v) => v.name,
      );
      engine.log.info({ device: view.name, by: actor.origin }, 'device removed; its history is deleted in the background');
      return { removed: true as const };
    },
    'devices.status': () => engine.statuses(),
    'samples.query': ({ deviceId, sinceMs, untilMs, limit }) =>
      read(() => {
        const device = engine.devices.get(deviceId);
        return sampleColumnsFromSeries(engine.series, device, sinceMs ?? 0, untilMs ?? Number.MAX_SAFE_INTEGER, limit);
      }),
    'series.list': ({ deviceId }) =>
      read(() => {
        engine.devices.get(deviceId);
        return engine.series.listSeries(deviceId);
      }),
    'series.query': ({ seriesIds, keys, fromMs, toMs, maxPoints }) =>
      read(() => engine.series.queryRange({ ...(seriesIds ? { seriesIds } : {}), ...(keys ? { keys } : {}), fromUs: fromMs * 1000, toUs: toMs * 1000, maxPoints })),
    'events.query': (q) =>
      read(() => {
        engine.devices.get(q.deviceId);
        return engine.series.queryEvents(q);
      }),
  };
}

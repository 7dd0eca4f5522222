import type { Handlers } from '../../shared/contract/dispatch';
import type { Engine } from './engine';
import { ENGINE_VERSION } from './engine';

/** The contract, implemented once. Each mutation re-syncs collectors before it answers. */
export function createHandlers(engine: Engine): Handlers {
  return {
    'engine.hello': () => ({ engineId: engine.engineId, version: ENGINE_VERSION, dataDir: engine.dataDir, metricsUrl: engine.metricsUrl }),
    'devices.list': () => engine.devices.list(),
    'devices.add': async (input, actor) => {
      const view = engine.devices.add(input);
      engine.log.info({ device: view.name, transport: view.transport, by: actor.origin }, 'device added');
      await engine.devicesChanged();
      return view;
    },
    'devices.update': async ({ id, patch }, actor) => {
      const view = engine.devices.update(id, patch);
      engine.log.info({ device: view.name, by: actor.origin }, 'device updated');
      await engine.devicesChanged();
      return view;
    },
    'devices.remove': async ({ id }, actor) => {
      const view = engine.devices.get(id);
      engine.devices.remove(id);
      engine.log.info({ device: view.name, by: actor.origin }, 'device removed');
      await engine.devicesChanged();
      return { removed: true as const };
    },
    'devices.status': () => engine.statuses(),
    'samples.query': ({ deviceId, sinceMs, untilMs, limit }) => {
      engine.devices.get(deviceId);
      return engine.samples.query(deviceId, sinceMs ?? 0, untilMs ?? Number.MAX_SAFE_INTEGER, limit);
    },
  };
}

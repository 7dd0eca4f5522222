import { errorValueOf } from '../../../shared/domain/errors';
import { Engine } from '../engine';
import type { Logger } from '../log';
import { startMetricsServer, type MetricsServer } from '../metrics/metrics-server';
import { desktopSecretBox } from '../secrets/desktop-box';
import type { FromHost, HostInit, PortLike, ToHost } from './host-protocol';
import { bindContractToPort } from './port-binding';

/**
 * The engine host: waits for `init`, runs the same Engine `serve` runs, serves the contract over the
 * port, and answers `ready` (or `failed` with the reason, for main's start-up dialog). On `close` it
 * stops the engine, answers `closed` and calls `exit`.
 */
export function runEngineHost(port: PortLike<ToHost, FromHost>, exit: (code: number) => void, log?: Logger): void {
  let engine: Engine | null = null;
  let metrics: MetricsServer | null = null;
  let unbind = () => {};

  const stop = async () => {
    unbind();
    await metrics?.close();
    await engine?.close();
    engine = null;
    metrics = null;
  };

  const start = async (init: HostInit) => {
    const box = desktopSecretBox(init.dataDir, init.dataKey);
    engine = new Engine({ dataDir: init.dataDir, holder: 'Syncscope desktop app', ...(log ? { log } : {}), ...(box ? { secretBox: box } : {}), ...(init.nativeBinding ? { nativeBinding: init.nativeBinding } : {}), ...(init.collect === false ? { collect: false } : {}) });
    if (init.metricsPort !== undefined) {
      metrics = await startMetricsServer(engine.metrics.registry, '127.0.0.1', init.metricsPort);
      engine.metricsUrl = metrics.url;
    }
    unbind = bindContractToPort(engine, port);
    await engine.start();
  };

  let started = false;
  port.onMessage((msg) => {
    if (msg.type === 'init' && !started) {
      started = true;
      start(msg).then(
        () => port.postMessage({ type: 'ready' }),
        async (err: unknown) => {
          await stop().catch(() => undefined);
          port.postMessage({ type: 'failed', error: errorValueOf(err) });
        },
      );
    } else if (msg.type === 'close') {
      void stop().finally(() => {
        port.postMessage({ type: 'closed' });
        exit(0);
      });
    }
  });
}

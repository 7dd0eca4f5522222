import { useCallback, useEffect, useState } from 'react';
import type { ConfigFile } from '../../../shared/contract/methods-config';
import { useEngine } from '../engine/EngineContext';
import { useAction, type Action } from '../engine/use-action';

/** How often to ask again for the instance's linuxptp version while the collector has not read it. */
const VERSION_RETRY_MS = 2000;

export interface DeviceConfig {
  /** The file as last read from the device (the push's "before"), or null. */
  file: ConfigFile | null;
  /** `ptp4l -v` of the instance as the collector read it, or null. */
  linuxptpVersion: string | null;
  load: Action;
  /** Reads the file again (the text being edited is the caller's: it decides whether to replace it). */
  read(): Promise<ConfigFile | undefined>;
}

/** The instance's ptp4l.conf on the device (config.read) and its linuxptp version (ptp.state). */
export function useDeviceConfig(deviceId: string, instance: string): DeviceConfig {
  const { client } = useEngine();
  const load = useAction();
  const { run } = load;
  const [file, setFile] = useState<ConfigFile | null>(null);
  const [linuxptpVersion, setVersion] = useState<string | null>(null);
  const read = useCallback(async () => {
    const f = await run(() => client.call('config.read', { deviceId, instance }));
    if (f) setFile(f);
    return f;
  }, [client, deviceId, instance, run]);
  // The collector reads `ptp4l -v` when it first reaches the instance: ask until it has.
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = () => {
      client.call('ptp.state', { deviceId }).then(
        (states) => {
          const version = states.find((s) => s.instance === instance)?.linuxptpVersion ?? null;
          if (!live) return;
          setVersion(version);
          if (version === null) timer = setTimeout(ask, VERSION_RETRY_MS);
        },
        () => {
          if (live) timer = setTimeout(ask, VERSION_RETRY_MS);
        },
      );
    };
    ask();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, deviceId, instance]);
  useEffect(() => setFile(null), [deviceId, instance]);
  return { file, linuxptpVersion, load, read };
}

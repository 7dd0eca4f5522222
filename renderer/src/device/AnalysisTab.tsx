import { useMemo } from 'react';
import type { DeviceView } from '../../../shared/domain/device';
import { AnalysisView } from '../analysis/AnalysisView';
import { useDevices } from '../engine/use-devices';

/** What the live Analysis tab looks at first: the last hour. */
const DEFAULT_SPAN_MS = 3600_000;

/** The Analysis view of the live history: this device first, any other device beside it. */
export function AnalysisTab({ device }: { device: DeviceView }) {
  const { devices } = useDevices();
  const range = useMemo(() => {
    const toMs = Date.now();
    return { fromMs: toMs - DEFAULT_SPAN_MS, toMs };
  }, []);
  const list = devices.length > 0 ? devices.map((d) => ({ id: d.id, name: d.name })) : [{ id: device.id, name: device.name }];
  return <AnalysisView devices={list} initialDevices={[device.id]} initialRange={range} name={device.name} />;
}

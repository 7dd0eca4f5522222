import { Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceView } from '../../../shared/domain/device';
import type { DeviceStatus } from '../../../shared/domain/status';
import type { SeriesInfo } from '../../../shared/series/series-query';
import { useEngine } from '../engine/EngineContext';
import { ChartHub } from './chart-hub';
import { planCharts, planSignature, seriesKey, type SeriesRef } from './chart-plan';
import { InstanceSection } from './InstanceSection';
import { NoDataNotice } from './NoDataNotice';
import { newChartedSeries } from './reading-routes';
import { TimeAxis } from './time-axis';
import { usePolled } from './use-polled';
import { useStateEvents } from './use-state-events';

/** How often the data sets are read again while the PTP tab is open (and at once on any device event). */
const PTP_STATE_EVERY_MS = 3000;
/** The live x range moves with the clock even when no value arrives. */
const CLOCK_TICK_MS = 1000;

/** The PTP tab: one section per instance with its charts, state timeline and grandmaster data set. */
export function PtpTab({ device, status, onOpenDiagnostics }: { device: DeviceView; status: DeviceStatus | undefined; onOpenDiagnostics(): void }) {
  const { client, epoch } = useEngine();
  const { t } = useTranslation();
  const [stored, setStored] = useState<SeriesInfo[]>([]);
  const [liveOnly, setLiveOnly] = useState<SeriesRef[]>([]);
  const [listAgain, setListAgain] = useState(0);

  useEffect(() => {
    if (epoch === 0) return;
    let cancelled = false;
    client.call('series.list', { deviceId: device.id }).then(
      (list) => {
        if (!cancelled) setStored(list);
      },
      () => undefined, // the charts then wait for live values; a broken engine shows in the device's status
    );
    return () => {
      cancelled = true;
    };
  }, [client, epoch, device.id, listAgain]);

  const known = useMemo<SeriesRef[]>(() => {
    const storedKeys = new Set(stored.map((s) => seriesKey(s.instance, s.metric, s.labels)));
    return [...stored, ...liveOnly.filter((s) => !storedKeys.has(seriesKey(s.instance, s.metric, s.labels)))];
  }, [stored, liveOnly]);
  const instanceNames = device.instances.map((i) => i.name);
  const plans = planCharts(instanceNames, known);
  const signature = planSignature(plans);
  // Charts are built again only when the set of charts changes, not on every render.
  const stablePlans = useMemo(() => plans, [signature]);
  const hub = useMemo(() => new ChartHub(stablePlans), [stablePlans]);
  const axes = useMemo(() => new Map<string, TimeAxis>(), []);
  const axisOf = (instance: string) => {
    let axis = axes.get(instance);
    if (!axis) axes.set(instance, (axis = new TimeAxis()));
    return axis;
  };
  const seriesIds = useMemo(() => new Map(stored.map((s) => [seriesKey(s.instance, s.metric, s.labels), s.id])), [stored]);

  // Live values go to the charts; a charted series the page did not know makes it plan again.
  useEffect(() => {
    const knownKeys = new Set([...stablePlans.flatMap((p) => p.series.map((s) => s.key)), ...known.map((s) => seriesKey(s.instance, s.metric, s.labels))]);
    return client.on('series.readings', ({ deviceId, readings }) => {
      if (deviceId !== device.id) return;
      hub.push(readings);
      const fresh = newChartedSeries(readings, knownKeys);
      if (fresh.length > 0) {
        for (const s of fresh) knownKeys.add(seriesKey(s.instance, s.metric, s.labels));
        setLiveOnly((list) => [...list, ...fresh]);
        // Their store ids, for history after a reconnect and for the servo timeline.
        setListAgain((n) => n + 1);
      }
    });
  }, [client, device.id, hub, stablePlans, known]);

  useEffect(() => {
    const timer = setInterval(() => {
      for (const axis of axes.values()) if (!axis.zoomed) axis.changed();
    }, CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, [axes]);

  const ptpState = usePolled(() => client.call('ptp.state', { deviceId: device.id }), PTP_STATE_EVERY_MS, [client, device.id]);
  const { refresh: refreshState } = ptpState;
  useEffect(() => client.on('device.events', ({ deviceId }) => deviceId === device.id && refreshState()), [client, device.id, refreshState]);
  const events = useStateEvents(device.id);

  const instances = [...new Set([...instanceNames, ...stablePlans.map((p) => p.instance), ...(ptpState.value ?? []).map((s) => s.instance)])];
  const servoIds = new Map(stored.filter((s) => s.metric === 'ptp.servo_state').map((s) => [s.instance, s.id]));

  return (
    <Stack gap="md" data-testid="ptp-tab">
      <NoDataNotice device={device} status={status} onOpenDiagnostics={onOpenDiagnostics} />
      {instances.length === 0 && <Text c="dimmed">{t('devicePage.noInstances')}</Text>}
      {instances.map((instance) => (
        <InstanceSection
          key={instance}
          device={device}
          status={status}
          instance={instance}
          plans={stablePlans.filter((p) => p.instance === instance)}
          seriesIds={seriesIds}
          servoSeriesId={servoIds.get(instance) ?? null}
          hub={hub}
          axis={axisOf(instance)}
          state={ptpState.value?.find((s) => s.instance === instance) ?? null}
          events={events}
        />
      ))}
    </Stack>
  );
}

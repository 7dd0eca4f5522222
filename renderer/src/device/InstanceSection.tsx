import { Badge, Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstanceStateView } from '../../../shared/contract/methods-diagnostics';
import type { DeviceView } from '../../../shared/domain/device';
import type { DeviceStatus } from '../../../shared/domain/status';
import type { DeviceEvent } from '../../../shared/series/device-event';
import { ChartEmptyState } from '../chart/ChartEmptyState';
import { HistoryControls } from '../history/HistoryControls';
import { GrandmasterPanel, isOwnGrandmaster } from './GrandmasterPanel';
import type { ChartHub } from './chart-hub';
import type { ChartPlan } from './chart-plan';
import { SeriesChart, type PlotBox } from './SeriesChart';
import { StateTimeline } from './StateTimeline';
import type { TimeAxis } from './time-axis';
import { useServoChanges } from './use-servo-changes';

/** Where an instance with nothing to chart says why, instead of three empty charts. */
const EMPTY_CHARTS_HEIGHT_PX = 160;

export interface InstanceSectionProps {
  device: DeviceView;
  status: DeviceStatus | undefined;
  instance: string;
  plans: readonly ChartPlan[];
  /** Store id per series key (absent: nothing stored yet). */
  seriesIds: ReadonlyMap<string, number>;
  servoSeriesId: number | null;
  hub: ChartHub;
  axis: TimeAxis;
  state: InstanceStateView | null;
  events: readonly DeviceEvent[];
}

/** One ptp4l instance: what it is (version, ports), its charts, its state timeline and its grandmaster. */
export function InstanceSection({ device, status, instance, plans, seriesIds, servoSeriesId, hub, axis, state, events }: InstanceSectionProps) {
  const { t } = useTranslation();
  const [withPoints, setWithPoints] = useState<ReadonlySet<string>>(new Set());
  const [box, setBox] = useState<PlotBox | null>(null);
  const [zoomed, setZoomed] = useState(axis.zoomed !== null);
  useEffect(() => axis.subscribe(() => setZoomed(axis.zoomed !== null)), [axis]);
  const servo = useServoChanges(device.id, instance, servoSeriesId);

  const onHasPoints = useCallback((chartId: string, has: boolean) => {
    setWithPoints((set) => {
      if (set.has(chartId) === has) return set;
      const next = new Set(set);
      if (has) next.add(chartId);
      else next.delete(chartId);
      return next;
    });
  }, []);
  const onPlotBox = useCallback((b: PlotBox) => setBox((old) => (old && old.leftPx === b.leftPx && old.widthPx === b.widthPx ? old : b)), []);

  const timeline = {
    events: events.filter((e) => e.instance === instance || e.kind === 'connection'),
    servo,
    currentPorts: (state?.ports ?? []).map((p) => ({ portNumber: p.portNumber, portState: p.portState, interface: p.interface })),
  };
  const ports = (state?.ports ?? []).filter((p) => p.portNumber !== 0);
  const ownGrandmaster = isOwnGrandmaster(state);

  return (
    <Paper withBorder p="md" data-testid="instance-section" data-instance={instance}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={5}>{t('devicePage.instance', { instance })}</Title>
            <Group gap="xs">
              <Badge variant="outline" color="gray" data-testid="instance-version" data-version={state?.linuxptpVersion ?? ''}>
                {state?.linuxptpVersion ? t('devicePage.linuxptp', { version: state.linuxptpVersion }) : t('devicePage.linuxptpUnknown')}
              </Badge>
              {ports.map((p) => (
                <Badge key={p.portIdentity} variant="light" color={p.portState === 'SLAVE' ? 'green' : p.portState === 'FAULTY' ? 'red' : 'yellow'} data-testid="instance-port" data-port-state={p.portState ?? ''} data-interface={p.interface ?? ''} data-phc-index={p.phcIndex ?? ''}>
                  {p.interface ? t('devicePage.portWithIface', { port: p.portNumber, iface: p.interface }) : t('devicePage.portLabel', { port: p.portNumber })}: {p.portState ?? '?'}
                  {p.timestamping ? ` · ${t('devicePage.timestamping', { mode: p.timestamping })}` : ''}
                  {p.phcIndex !== null && p.phcIndex >= 0 ? ` · /dev/ptp${p.phcIndex}` : ''}
                </Badge>
              ))}
            </Group>
            {state?.udsPath && (
              <Text size="xs" c="dimmed" ff="monospace">
                {state.udsPath}
              </Text>
            )}
          </Stack>
          {/* Also over an empty live window: a device that stopped hours ago still has its history. */}
          {plans.length > 0 && <HistoryControls axis={axis} />}
        </Group>
        {withPoints.size > 0 && (
          <Text size="xs" c="dimmed">
            {zoomed ? t('chart.zoomed') : t('chart.zoomHint')}
          </Text>
        )}
        <Box pos="relative" data-testid="instance-charts" data-zoomed={zoomed}>
          {/* Mounted while empty (they wait for the first value), shown once one of them has a point. */}
          <Stack gap="xs" display={withPoints.size === 0 ? 'none' : undefined}>
            {plans.map((plan) => (
              <SeriesChart
                key={plan.id}
                deviceId={device.id}
                plan={plan}
                seriesIds={plan.series.map((s) => seriesIds.get(s.key) ?? null)}
                hub={hub}
                axis={axis}
                onHasPoints={onHasPoints}
                {...(plan === plans[0] ? { onPlotBox } : {})}
              />
            ))}
          </Stack>
          {withPoints.size === 0 && (
            <Box pos="relative" h={EMPTY_CHARTS_HEIGHT_PX}>
              {ownGrandmaster && status?.connection === 'online' ? (
                <Center h="100%" data-testid="instance-is-gm">
                  <Text c="dimmed" ta="center" maw={560}>
                    {t('devicePage.gmNoOffset', { instance })}
                  </Text>
                </Center>
              ) : (
                <ChartEmptyState device={device} status={status} />
              )}
            </Box>
          )}
        </Box>
        <StateTimeline input={timeline} axis={axis} box={withPoints.size === 0 ? null : box} />
        <GrandmasterPanel state={state} />
      </Stack>
    </Paper>
  );
}

import { Box, Group, Stack, Text, Tooltip, type MantineColor } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Connection } from '../../../shared/domain/status';
import { bandBox, buildTimeline, type TimelineInput, type TimelineTrack } from './state-timeline';
import type { PlotBox } from './SeriesChart';
import type { TimeAxis } from './time-axis';
import { Y_AXIS_SIZE_PX } from './device-chart-options';
import { useTimeText } from './use-time-text';

/** Port states in the colours operators expect (synchronised green, settling yellow, fault red); servo states likewise. */
const STATE_COLOR: Record<string, MantineColor> = {
  SLAVE: 'green.6',
  UNCALIBRATED: 'yellow.5',
  LISTENING: 'gray.5',
  INITIALIZING: 'gray.4',
  PRE_MASTER: 'cyan.4',
  MASTER: 'blue.6',
  GRAND_MASTER: 'indigo.6',
  PASSIVE: 'violet.4',
  FAULTY: 'red.6',
  DISABLED: 'dark.3',
  s0: 'orange.5',
  s1: 'red.5',
  s2: 'green.6',
  s3: 'teal.6',
};

/** The connection track's bands: measuring is quiet, the rest stands out. */
const CONNECTION_COLOR: Record<Connection, MantineColor> = {
  online: 'green.2',
  connecting: 'yellow.3',
  'no-data': 'orange.5',
  'awaiting-host-key': 'violet.4',
  offline: 'red.6',
  idle: 'gray.3',
  disconnected: 'gray.5',
};

const TRACK_HEIGHT_PX = 18;
/** uPlot leaves this much right of a plot with no right axis. */
const PLOT_RIGHT_GAP_PX = 10;
const LABEL_GAP_PX = 8;

/**
 * The instance's port and servo states over time, drawn under its charts on the same x range and
 * the same left edge as their plots. Redrawn with the charts' time axis (zoom, live clock tick).
 */
export function StateTimeline({ input, axis, box }: { input: Omit<TimelineInput, 'fromMs' | 'nowMs'>; axis: TimeAxis; box: PlotBox | null }) {
  const { t } = useTranslation();
  const timeText = useTimeText();
  const [, setTick] = useState(0);
  useEffect(() => axis.subscribe(() => setTick((n) => n + 1)), [axis]);
  const nowMs = Date.now();
  const range = axis.range(nowMs / 1000);
  // Built at each tick: the current band reaches the right edge the charts reach.
  const tracks = buildTimeline({ ...input, fromMs: range.min * 1000, nowMs: Math.max(nowMs, range.max * 1000) });
  // Under its charts' plots; with no chart shown, where their plots would be.
  const ref = useRef<HTMLDivElement>(null);
  const [ownWidth, setOwnWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setOwnWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const left = box && box.widthPx > 0 ? box.leftPx : Y_AXIS_SIZE_PX;
  const width = box && box.widthPx > 0 ? box.widthPx : Math.max(0, ownWidth - left - PLOT_RIGHT_GAP_PX);
  const trackLabel = (track: TimelineTrack) => {
    if (track.kind === 'servo') return t('devicePage.timeline.servo');
    if (track.kind === 'connection') return t('devicePage.eventKinds.connection');
    return track.iface ? t('devicePage.portWithIface', { port: track.port, iface: track.iface }) : t('devicePage.portLabel', { port: track.port });
  };
  const stateLabel = (kind: TimelineTrack['kind'], state: string) => {
    if (kind === 'connection') return isConnection(state) ? t(`connection.${state}`) : state;
    return state in SERVO_TEXT ? `${state} ${t(`devicePage.timeline.servoStates.${state as keyof typeof SERVO_TEXT}`)}` : state;
  };
  const colorOf = (kind: TimelineTrack['kind'], state: string): MantineColor => (kind === 'connection' ? (isConnection(state) ? CONNECTION_COLOR[state] : 'gray.6') : (STATE_COLOR[state] ?? 'gray.6'));

  return (
    <Stack ref={ref} gap={4} data-testid="state-timeline" data-x-min={range.min} data-x-max={range.max}>
      <Text size="sm" fw={500}>
        {t('devicePage.timeline.title')}
      </Text>
      {tracks.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('devicePage.timeline.empty')}
        </Text>
      )}
      {tracks.map((track) => (
        <Box key={track.id} pos="relative" h={TRACK_HEIGHT_PX} data-testid="timeline-track" data-track={track.id}>
          <Text size="xs" pos="absolute" left={0} w={left - LABEL_GAP_PX} ta="right" truncate="end" lh={`${TRACK_HEIGHT_PX}px`}>
            {trackLabel(track)}
          </Text>
          <Box pos="absolute" left={left} w={width} h={TRACK_HEIGHT_PX} bg="gray.1" style={{ overflow: 'hidden' }}>
            {width > 0 &&
              track.bands.map((band) => {
                const at = bandBox(band, range.min, range.max, width);
                if (!at) return null;
                return (
                  <Tooltip key={`${band.fromMs}-${band.state}`} label={`${stateLabel(track.kind, band.state)} · ${timeText(band.fromMs)} – ${timeText(band.toMs)}`} withArrow>
                    <Box pos="absolute" top={0} left={at.leftPx} w={at.widthPx} h={TRACK_HEIGHT_PX} bg={colorOf(track.kind, band.state)} data-testid="timeline-band" data-state={band.state}>
                      {at.widthPx > 60 && (
                        <Text size="10px" c={track.kind === 'connection' && band.state === 'online' ? 'dark' : 'white'} px={4} truncate="end" lh={`${TRACK_HEIGHT_PX}px`}>
                          {stateLabel(track.kind, band.state)}
                        </Text>
                      )}
                    </Box>
                  </Tooltip>
                );
              })}
          </Box>
        </Box>
      ))}
      {tracks.length > 0 && (
        <Group gap="sm" ml={left}>
          {[...new Map(tracks.flatMap((tr) => tr.bands.map((b) => [`${tr.kind}:${b.state}`, { kind: tr.kind, state: b.state }] as const))).values()].map(({ kind, state }) => (
            <Group key={`${kind}:${state}`} gap={4}>
              <Box w={10} h={10} bg={colorOf(kind, state)} />
              <Text size="xs">{stateLabel(kind, state)}</Text>
            </Group>
          ))}
        </Group>
      )}
    </Stack>
  );
}

const SERVO_TEXT = { s0: 0, s1: 1, s2: 2, s3: 3 } as const;

function isConnection(state: string): state is Connection {
  return Connection.safeParse(state).success;
}

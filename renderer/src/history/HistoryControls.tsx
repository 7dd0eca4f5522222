import { ActionIcon, Button, Group, SegmentedControl, Tooltip } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { XRange } from '../device/device-chart-options';
import type { TimeAxis } from '../device/time-axis';
import { lastSpan, panRange, scaleRange } from './pan-zoom';

/** Spans a live device's charts can show from its history (s). */
const LIVE_SPANS = { h1: 3600, h6: 6 * 3600, d1: 86_400, d7: 7 * 86_400 } as const;
type SpanKey = keyof typeof LIVE_SPANS;

/** The four steps through history: pan by half the visible span, zoom by two around its centre. */
const steps = [
  { key: 'earlier', glyph: '←', to: (r: XRange) => panRange(r, -0.5) },
  { key: 'later', glyph: '→', to: (r: XRange) => panRange(r, 0.5) },
  { key: 'zoomIn', glyph: '+', to: (r: XRange) => scaleRange(r, 0.5) },
  { key: 'zoomOut', glyph: '−', to: (r: XRange) => scaleRange(r, 2) },
] as const;
const STEP_TEST_IDS = { earlier: 'history-pan-earlier', later: 'history-pan-later', zoomIn: 'history-zoom-in', zoomOut: 'history-zoom-out' } as const;

/**
 * Pan and zoom through history for one instance's charts: earlier/later by half the visible span,
 * zoom in/out around its centre, and a span to jump to (the last hour, day, week of a live device, or
 * a session's whole window). Every change goes through the instance's time axis, so the charts ask
 * the store for the new range.
 */
export function HistoryControls({ axis, home = null }: { axis: TimeAxis; home?: XRange | null }) {
  const { t } = useTranslation();
  const [, setTick] = useState(0);
  useEffect(() => axis.subscribe(() => setTick((n) => n + 1)), [axis]);
  const zoomed = axis.zoomed;
  const current = () => axis.range(Date.now() / 1000);
  const nowSec = Date.now() / 1000;
  const spanKey = (Object.keys(LIVE_SPANS) as SpanKey[]).find((k) => zoomed && Math.abs(zoomed.max - zoomed.min - LIVE_SPANS[k]) < 1);
  const atHome = home !== null && zoomed !== null && zoomed.min === home.min && zoomed.max === home.max;

  return (
    <Group gap="xs" wrap="wrap" data-testid="history-controls">
      {steps.map(({ key, glyph, to }) => (
        <Tooltip key={key} label={t(`history.controls.${key}`)}>
          <ActionIcon variant="default" onClick={() => axis.setZoom(to(current()))} aria-label={t(`history.controls.${key}`)} data-testid={STEP_TEST_IDS[key]}>
            {glyph}
          </ActionIcon>
        </Tooltip>
      ))}
      {home === null ? (
        <>
          <SegmentedControl
            size="xs"
            value={zoomed === null ? 'live' : (spanKey ?? '')}
            onChange={(v) => axis.setZoom(v === 'live' ? null : lastSpan(nowSec, LIVE_SPANS[v as SpanKey]))}
            data={[{ value: 'live', label: t('history.controls.live') }, ...(Object.keys(LIVE_SPANS) as SpanKey[]).map((k) => ({ value: k, label: t(`history.spans.${k}`) }))]}
            data-testid="history-span"
          />
          {zoomed && (
            <Button size="compact-sm" variant="light" onClick={() => axis.setZoom(null)} data-testid="chart-follow-live">
              {t('chart.followLive')}
            </Button>
          )}
        </>
      ) : (
        <Button size="compact-sm" variant={atHome ? 'default' : 'light'} disabled={atHome} onClick={() => axis.setZoom(home)} data-testid="history-whole">
          {t('history.controls.whole')}
        </Button>
      )}
    </Group>
  );
}

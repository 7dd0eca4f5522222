import { useRef, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { gateTimeline } from '../../../shared/tsn/config/gate-timeline';
import type { TaprioSchedule } from '../../../shared/tsn/config/taprio-model';
import { printedMask } from '../../../shared/tsn/config/tc-values';
import { nsText } from './ns-text';

const LABEL = 56;
const ROW = 22;
const AXIS = 18;

interface Props {
  schedule: TaprioSchedule;
  numTc: number;
  testId: string;
  /** Given: cells toggle a gate and the lines between entries can be dragged. */
  onToggle?: (index: number, tc: number) => void;
  onMoveBoundary?: (index: number, deltaNs: number) => void;
  /** Width in SVG units: about the pixels it is drawn at, so labels keep their size. */
  width?: number;
}

/**
 * One cycle of a schedule as a gate timeline: a row per traffic class (TC 0 on top), a column per
 * entry, filled where the gate is open. Drawn in SVG user units, so it scales with its box.
 */
export function GateTimeline({ schedule, numTc, testId, onToggle, onMoveBoundary, width: WIDTH = 1000 }: Props) {
  const { t } = useTranslation();
  const svg = useRef<SVGSVGElement>(null);
  const clean = { ...schedule, entries: schedule.entries.map((e) => ({ ...e, intervalNs: Number.isFinite(e.intervalNs) && e.intervalNs > 0 ? e.intervalNs : 0 })) };
  const rows = Math.max(1, Math.min(numTc, 16));
  let timeline;
  try {
    timeline = gateTimeline(clean, rows);
  } catch {
    return null; // a cycle-time that is not a number yet: nothing to draw until it is
  }
  const PLOT = WIDTH - LABEL - 8;
  const cycle = timeline.cycleNs > 0 ? timeline.cycleNs : 1;
  const x = (ns: number) => LABEL + (ns / cycle) * PLOT;
  const height = rows * ROW + AXIS;

  const drag = (index: number) => (down: ReactPointerEvent) => {
    if (!onMoveBoundary || !svg.current) return;
    down.preventDefault();
    const box = svg.current.getBoundingClientRect();
    const nsPerPx = (cycle / PLOT) * (WIDTH / box.width);
    const startX = down.clientX;
    let applied = 0;
    const move = (e: PointerEvent) => {
      const want = Math.round((e.clientX - startX) * nsPerPx);
      onMoveBoundary(index, want - applied);
      applied = want;
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  return (
    <svg ref={svg} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={t('tsn.timeline.cycle', { cycle: nsText(timeline.cycleNs) })} data-testid={testId} data-cycle-ns={timeline.cycleNs} style={{ userSelect: 'none', display: 'block' }}>
      {Array.from({ length: rows }, (_, tc) => (
        <text key={`l${tc}`} x={4} y={tc * ROW + ROW * 0.7} fontSize={12} fill="var(--mantine-color-dimmed)">
          {t('tsn.timeline.tc', { tc })}
        </text>
      ))}
      {timeline.slots.map((slot) => {
        const label = t('tsn.timeline.entry', { index: slot.index, command: slot.command, mask: printedMask(slot.gateMask), interval: nsText(slot.endNs - slot.startNs) });
        return Array.from({ length: rows }, (_, tc) => {
          const open = ((slot.gateMask >>> tc) & 1) === 1;
          return (
            <rect
              key={`${slot.index}-${tc}`}
              x={x(slot.startNs) + 0.5}
              y={tc * ROW + 2}
              width={Math.max(0, x(slot.endNs) - x(slot.startNs) - 1)}
              height={ROW - 4}
              rx={2}
              fill={open ? 'var(--mantine-color-teal-5)' : 'var(--mantine-color-gray-3)'}
              style={onToggle ? { cursor: 'pointer' } : undefined}
              onClick={onToggle ? () => onToggle(slot.index, tc) : undefined}
              data-testid={`${testId}-cell-${slot.index}-${tc}`}
              data-open={open}
            >
              <title>{label}</title>
            </rect>
          );
        });
      })}
      {onMoveBoundary &&
        timeline.slots.slice(0, -1).map((slot) => (
          <rect key={`b${slot.index}`} x={x(slot.endNs) - 4} y={0} width={8} height={rows * ROW} fill="transparent" style={{ cursor: 'col-resize' }} onPointerDown={drag(slot.index)} data-testid={`${testId}-boundary-${slot.index}`} />
        ))}
      <line x1={LABEL} x2={LABEL + PLOT} y1={rows * ROW + 2} y2={rows * ROW + 2} stroke="var(--mantine-color-gray-5)" />
      <text x={LABEL} y={height - 2} fontSize={11} fill="var(--mantine-color-dimmed)">
        0
      </text>
      <text x={LABEL + PLOT} y={height - 2} fontSize={11} textAnchor="end" fill="var(--mantine-color-dimmed)">
        {nsText(timeline.cycleNs)}
      </text>
    </svg>
  );
}

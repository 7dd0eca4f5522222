import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeviceSummary, InstanceSummary, SeriesSummary } from '../../../shared/history/summary/summary-types';
import { durationLanguage, formatDuration } from '../../../shared/history/report/duration-text';
import { formatNumber } from '../../../shared/history/report/svg-charts';

const num = (v: number | null | undefined, unit: string) => (v === null || v === undefined ? '—' : `${formatNumber(v)} ${unit}`);

interface Column {
  device: DeviceSummary;
  inst: InstanceSummary;
}

/** Several devices side by side over one window: one column per device and instance, one row per figure. */
export function SummaryTable({ summaries }: { summaries: readonly DeviceSummary[] }) {
  const { t, i18n } = useTranslation();
  const lang = durationLanguage(i18n.language);
  const duration = (ms: number) => formatDuration(ms, lang);
  const columns: Column[] = summaries.flatMap((device) => device.instances.map((inst) => ({ device, inst })));
  if (columns.length === 0) return <Text c="dimmed">{t('history.analysis.noData')}</Text>;
  const offset = (c: Column): SeriesSummary | undefined => c.inst.offset[0];
  const rows: { key: string; label: string; cell(c: Column): string }[] = [
    { key: 'series', label: t('history.analysis.row.series'), cell: (c) => offset(c)?.metric ?? '—' },
    { key: 'count', label: t('history.analysis.row.count'), cell: (c) => String(offset(c)?.count ?? 0) },
    { key: 'p50', label: t('history.analysis.row.p50'), cell: (c) => num(offset(c)?.abs?.p50, offset(c)?.unit ?? '') },
    { key: 'p95', label: t('history.analysis.row.p95'), cell: (c) => num(offset(c)?.abs?.p95, offset(c)?.unit ?? '') },
    { key: 'p99', label: t('history.analysis.row.p99'), cell: (c) => num(offset(c)?.abs?.p99, offset(c)?.unit ?? '') },
    { key: 'max', label: t('history.analysis.row.max'), cell: (c) => num(offset(c)?.abs?.max, offset(c)?.unit ?? '') },
    { key: 'pathDelay', label: t('history.analysis.row.pathDelay'), cell: (c) => num(c.inst.pathDelay[0]?.mean, c.inst.pathDelay[0]?.unit ?? '') },
    { key: 'frequency', label: t('history.analysis.row.frequency'), cell: (c) => num(c.inst.frequency[0]?.mean, c.inst.frequency[0]?.unit ?? '') },
    {
      key: 'portStates',
      label: t('history.analysis.row.portStates'),
      cell: (c) =>
        c.inst.portStates
          .map((p) => {
            const parts = Object.entries(p.stateMs).map(([state, ms]) => `${state} ${duration(ms)}`);
            if (p.offlineMs > 0) parts.push(`${t('history.analysis.row.offline')} ${duration(p.offlineMs)}`);
            if (p.disconnectedMs > 0) parts.push(`${t('history.analysis.row.disconnected')} ${duration(p.disconnectedMs)}`);
            if (p.unknownMs > 0) parts.push(`${t('history.analysis.row.unknown')} ${duration(p.unknownMs)}`);
            return `${p.port}: ${parts.join(', ')}`;
          })
          .join('; ') || '—',
    },
    { key: 'gmChanges', label: t('history.analysis.row.gmChanges'), cell: (c) => String(c.inst.gmChanges.count) },
    {
      key: 'gaps',
      label: t('history.analysis.row.gaps'),
      cell: (c) =>
        t('history.analysis.row.gapsValue', { count: c.inst.gaps.count, total: duration(c.inst.gaps.totalMs), longest: duration(c.inst.gaps.longestMs) }) +
        (c.inst.gaps.disconnectedMs > 0 ? t('history.analysis.row.gapsDisconnected', { total: duration(c.inst.gaps.disconnectedMs) }) : ''),
    },
    {
      key: 'events',
      label: t('history.analysis.row.events'),
      cell: (c) =>
        Object.entries(c.inst.events)
          .map(([kind, n]) => `${kind} ${n}`)
          .join(', ') || '—',
    },
  ];
  return (
    <Table.ScrollContainer minWidth={360 + columns.length * 160}>
      <Table withTableBorder withColumnBorders data-testid="analysis-summary" data-columns={columns.length}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            {columns.map((c) => (
              <Table.Th key={`${c.device.deviceId}/${c.inst.instance}`} data-testid="summary-column" data-device={c.device.name}>
                {c.device.name} · {c.inst.instance}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key} data-row={r.key}>
              <Table.Th>{r.label}</Table.Th>
              {columns.map((c) => (
                <Table.Td key={`${c.device.deviceId}/${c.inst.instance}`} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {r.cell(c)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

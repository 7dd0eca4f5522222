import { Group, MultiSelect, Stack, Table, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorValueOf, type ErrorValue } from '../../../shared/domain/errors';
import { DEVICE_EVENT_KINDS, type DeviceEventKind } from '../../../shared/series/device-event';
import { useEngine } from '../engine/EngineContext';
import { ErrorAlert } from '../errors/ErrorAlert';
import { detailText, isDetailKey, mergeEvents, rowsOf, stateTextKey, type EventRow } from './event-rows';

const EVENT_LIMIT = 500;

/** The Events tab: the device's stored events, newest first, live-appended, filtered by kind. */
export function EventsTab({ deviceId }: { deviceId: string }) {
  const { client, epoch } = useEngine();
  const { t, i18n } = useTranslation();
  const [kinds, setKinds] = useState<DeviceEventKind[]>([]);
  const [rows, setRows] = useState<EventRow[]>([]);
  const [loadError, setLoadError] = useState<ErrorValue | null>(null);
  const kindSet = useMemo(() => new Set(kinds), [kinds]);

  useEffect(() => {
    if (epoch === 0) return;
    let cancelled = false;
    client.call('events.query', { deviceId, ...(kinds.length > 0 ? { kinds } : {}), limit: EVENT_LIMIT }).then(
      (stored) => {
        if (cancelled) return;
        setLoadError(null);
        setRows((live) => mergeEvents(rowsOf(stored, EVENT_LIMIT), live, kindSet, EVENT_LIMIT));
      },
      (err: unknown) => {
        if (!cancelled) setLoadError(errorValueOf(err));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client, epoch, deviceId, kinds, kindSet]);

  useEffect(
    () =>
      client.on('device.events', ({ deviceId: id, events }) => {
        if (id === deviceId) setRows((list) => mergeEvents(list, events, kindSet, EVENT_LIMIT));
      }),
    [client, deviceId, kindSet],
  );

  const stateText = (kind: DeviceEventKind, value: string | null) => {
    if (value === null) return '—';
    const key = stateTextKey(kind, value);
    return key ? t(key) : value;
  };
  const detailLabel = (key: string) => (isDetailKey(key) ? t(`devicePage.eventDetail.${key}`) : key);
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });

  return (
    <Stack gap="sm" data-testid="events-tab">
      {loadError && <ErrorAlert error={loadError} title={t('devicePage.events.loadFailed')} testId="events-error" />}
      <Group justify="space-between" align="flex-end">
        <MultiSelect
          label={t('devicePage.events.filter')}
          placeholder={kinds.length === 0 ? t('devicePage.events.filterPlaceholder') : undefined}
          data={DEVICE_EVENT_KINDS.map((k) => ({ value: k, label: t(`devicePage.eventKinds.${k}`) }))}
          value={kinds}
          onChange={(v) => {
            setRows([]);
            setKinds(v as DeviceEventKind[]);
          }}
          clearable
          w={420}
          data-testid="events-filter"
        />
        <Text size="xs" c="dimmed">
          {t('devicePage.events.count', { count: rows.length })}
        </Text>
      </Group>
      {rows.length === 0 ? (
        <Text c="dimmed" data-testid="events-empty">
          {t('devicePage.events.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720} type="native">
          <Table striped verticalSpacing={4} data-testid="events-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('devicePage.events.time')}</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('devicePage.events.instance')}</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('devicePage.events.kind')}</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('devicePage.events.change')}</Table.Th>
                <Table.Th>{t('devicePage.events.detail')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key} data-testid="event-row" data-t-ms={r.tMs} data-kind={r.kind} data-from={r.from ?? ''} data-to={r.to ?? ''} data-instance={r.instance ?? ''}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{time.format(r.tMs)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.instance ?? t('devicePage.events.device')}</Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{t(`devicePage.eventKinds.${r.kind}`)}</Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm" ff="monospace">
                      {stateText(r.kind, r.from)} → {stateText(r.kind, r.to)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
                      {detailText(r.detail, detailLabel)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

import { Badge, Button, Group, Table, Text } from '@mantine/core';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceView } from '../../../shared/domain/device';
import type { DeviceStatus } from '../../../shared/domain/status';
import { ConnectButton } from '../connection/ConnectButton';
import { LastError } from './LastError';
import { RetryCountdown } from './RetryCountdown';
import { DeviceAlarmDot, useDeviceAlarms } from '../alarms/DeviceAlarmDot';
import { StatusBadge, UNCLIPPED_BADGE } from './StatusBadge';
import { transportLabel } from './transport-label';

export interface DeviceTableProps {
  devices: DeviceView[];
  statusById: Record<string, DeviceStatus>;
  selectedId: string | null;
  onSelect(device: DeviceView): void;
  onEdit(device: DeviceView): void;
  onRemove(device: DeviceView): void;
}

/**
 * Headers never wrap (Chinese would break a character per line). Below `md` the transport moves
 * under the name, and below TABLE_MIN_WIDTH_PX the table scrolls sideways instead of squeezing.
 */
const COLUMNS = [
  { key: 'colName' },
  { key: 'colTransport', visibleFrom: 'md' },
  { key: 'colStatus' },
  { key: 'colPortState' },
  { key: 'colLastError' },
  { key: 'colActions' },
] as const;
const TABLE_MIN_WIDTH_PX = 640;
const NO_WRAP = { whiteSpace: 'nowrap' } as const;

export function DeviceTable({ devices, statusById, selectedId, onSelect, onEdit, onRemove }: DeviceTableProps) {
  const { t } = useTranslation();
  const alarmsByDevice = useDeviceAlarms();
  // Buttons sit inside a clickable row: their clicks must not also select the row.
  const only = (fn: () => void) => (event: MouseEvent) => {
    event.stopPropagation();
    fn();
  };

  return (
    <Table.ScrollContainer minWidth={TABLE_MIN_WIDTH_PX} type="native" data-testid="device-table-scroll">
      <Table highlightOnHover verticalSpacing="xs" data-testid="device-table">
        <Table.Thead>
          <Table.Tr>
            {COLUMNS.map((column) => (
              <Table.Th key={column.key} style={NO_WRAP} visibleFrom={'visibleFrom' in column ? column.visibleFrom : undefined}>
                {t(`devices.${column.key}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {devices.map((device) => {
            const status = statusById[device.id];
            const selected = device.id === selectedId;
            const transport = transportLabel(device, t('devices.local'));
            return (
              <Table.Tr
                key={device.id}
                data-testid={`device-row-${device.name}`}
                data-device-id={device.id}
                aria-selected={selected}
                bg={selected ? 'var(--mantine-primary-color-light)' : undefined}
                style={{ cursor: 'pointer' }}
                onClick={() => onSelect(device)}
              >
                <Table.Td style={NO_WRAP}>
                  <Text fw={500}>{device.name}</Text>
                  <Text ff="monospace" size="xs" c="dimmed" hiddenFrom="md">
                    {transport}
                  </Text>
                </Table.Td>
                <Table.Td style={NO_WRAP} visibleFrom="md">
                  <Text ff="monospace" size="sm">
                    {transport}
                  </Text>
                </Table.Td>
                <Table.Td style={NO_WRAP}>
                  <StatusBadge deviceName={device.name} connection={status?.connection ?? 'idle'} />
                  <DeviceAlarmDot deviceName={device.name} alarms={alarmsByDevice.get(device.id)} />
                  <RetryCountdown deviceName={device.name} status={status} />
                </Table.Td>
                <Table.Td style={NO_WRAP} data-testid={`device-port-state-${device.name}`}>
                  {status?.portState ? (
                    <Badge variant="outline" color={status.portState === 'FAULTY' ? 'red' : 'blue'} styles={UNCLIPPED_BADGE}>
                      {status.portState}
                    </Badge>
                  ) : (
                    <Text c="dimmed">{t('devices.noPortState')}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <LastError deviceName={device.name} error={status?.lastError ?? null} />
                </Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    <Button size="xs" variant="default" aria-label={t('devices.editLabel', { name: device.name })} data-testid={`device-edit-${device.name}`} onClick={only(() => onEdit(device))}>
                      {t('devices.edit')}
                    </Button>
                    <ConnectButton device={device} testName={device.name} />
                    <Button size="xs" variant="subtle" color="red" aria-label={t('devices.removeLabel', { name: device.name })} data-testid={`device-remove-${device.name}`} onClick={only(() => onRemove(device))}>
                      {t('devices.remove')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

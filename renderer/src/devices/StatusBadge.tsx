import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../shared/domain/status';

const COLOR: Record<Connection, MantineColor> = {
  online: 'green',
  'no-data': 'orange',
  connecting: 'yellow',
  offline: 'red',
  idle: 'gray',
};

export function StatusBadge({ deviceName, connection }: { deviceName: string; connection: Connection }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[connection]} variant="light" data-testid={`device-status-${deviceName}`} data-connection={connection}>
      {t(`connection.${connection}`)}
    </Badge>
  );
}

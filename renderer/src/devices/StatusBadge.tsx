import { Badge, Tooltip, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../shared/domain/status';

const COLOR: Record<Connection, MantineColor> = {
  online: 'green',
  'no-data': 'orange',
  'awaiting-host-key': 'violet',
  connecting: 'yellow',
  offline: 'red',
  idle: 'gray',
  disconnected: 'gray',
};

/** A badge that always shows its whole word: a label cut to "ONLI…" says nothing. */
export const UNCLIPPED_BADGE = { root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible' } } as const;

export function StatusBadge({ deviceName, connection }: { deviceName: string; connection: Connection }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t(`connectionHelp.${connection}`)} withArrow>
      <Badge color={COLOR[connection]} variant="light" styles={UNCLIPPED_BADGE} data-testid={`device-status-${deviceName}`} data-connection={connection}>
        {t(`connection.${connection}`)}
      </Badge>
    </Tooltip>
  );
}

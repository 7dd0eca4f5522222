import { Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeviceView } from '../../../shared/domain/device';
import type { DeviceStatus } from '../../../shared/domain/status';
import { LiveChart } from '../chart/LiveChart';

export function ChartPanel({ device, status }: { device: DeviceView | null; status: DeviceStatus | undefined }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid="chart-panel">
      {device ? (
        <>
          <Title order={4} mb="sm">
            {t('chart.title', { device: device.name })}
          </Title>
          {/* keyed: a new device gets its own buffer and uPlot; the same device keeps both */}
          <LiveChart key={device.id} device={device} status={status} />
        </>
      ) : (
        <Text c="dimmed">{t('chart.noDevice')}</Text>
      )}
    </Paper>
  );
}

import { Center, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeviceView } from '../../../shared/domain/device';
import type { DeviceStatus } from '../../../shared/domain/status';
import { RetryCountdown } from '../devices/RetryCountdown';
import { StatusBadge } from '../devices/StatusBadge';
import { useErrorText } from '../errors/use-error-text';

/** Why a device has no samples to chart, instead of waiting forever: its state and its last error. */
export function ChartEmptyState({ device, status }: { device: DeviceView; status: DeviceStatus | undefined }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const connection = status?.connection ?? 'idle';
  const headline =
    connection === 'offline' || connection === 'no-data' || connection === 'connecting' || connection === 'disconnected'
      ? t(`chart.${connection}`, { device: device.name })
      : t('chart.waiting', { device: device.name });
  // A device retrying after a failure is "connecting" but still carries the reason it failed.
  const reason = connection !== 'online' && status?.lastError ? errorText(status.lastError) : null;
  return (
    <Center pos="absolute" inset={0} p="md" data-testid="live-chart-empty" data-connection={connection}>
      <Stack align="center" gap={6} maw={560}>
        <StatusBadge deviceName={`chart-${device.name}`} connection={connection} />
        <RetryCountdown deviceName={`chart-${device.name}`} status={status} />
        <Text c="dimmed" ta="center">
          {headline}
        </Text>
        {reason && (
          <Stack gap={2} align="center" data-testid="live-chart-reason" data-code={status?.lastError?.code}>
            <Text c="red" size="sm" ta="center">
              {reason.message}
            </Text>
            {reason.hint && (
              <Text c="dimmed" size="xs" ta="center">
                {reason.hint}
              </Text>
            )}
          </Stack>
        )}
      </Stack>
    </Center>
  );
}

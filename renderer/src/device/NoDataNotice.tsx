import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeviceView } from '../../../shared/domain/device';
import type { DeviceStatus } from '../../../shared/domain/status';
import { useErrorText } from '../errors/use-error-text';

/** Above the PTP tab while the device does not measure: why (its last error), and the way to the Diagnostics tab. */
export function NoDataNotice({ device, status, onOpenDiagnostics }: { device: DeviceView; status: DeviceStatus | undefined; onOpenDiagnostics(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (!status || (status.connection !== 'offline' && status.connection !== 'no-data')) return null;
  const reason = status.lastError ? errorText(status.lastError) : null;
  return (
    <Alert color="orange" variant="light" data-testid="ptp-no-data" data-connection={status.connection} data-code={status.lastError?.code}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={500}>
            {t('devicePage.noData.title', { device: device.name })}
          </Text>
          {reason && (
            <>
              <Text size="sm" data-testid="ptp-no-data-reason">
                {reason.message}
              </Text>
              {reason.hint && (
                <Text size="xs" c="dimmed">
                  {reason.hint}
                </Text>
              )}
            </>
          )}
        </Stack>
        <Button size="compact-sm" variant="light" onClick={onOpenDiagnostics} style={{ flexShrink: 0 }} data-testid="ptp-open-diagnostics">
          {t('devicePage.noData.openDiagnostics')}
        </Button>
      </Group>
    </Alert>
  );
}

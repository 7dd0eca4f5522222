import { Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ErrorValue } from '../../../shared/domain/errors';

/** What went wrong last and what to check next; the full text is in the tooltip when clamped. */
export function LastError({ deviceName, error }: { deviceName: string; error: ErrorValue | null }) {
  const { t } = useTranslation();
  if (!error) {
    return (
      <Text c="dimmed" size="sm" data-testid={`device-error-${deviceName}`}>
        {t('devices.noError')}
      </Text>
    );
  }
  const full = (
    <Stack gap={4}>
      <Text size="sm">{error.message}</Text>
      {error.hint && <Text size="xs">{error.hint}</Text>}
    </Stack>
  );
  return (
    <Tooltip label={full} multiline w={360} withArrow>
      <Stack gap={0} maw={360} data-testid={`device-error-${deviceName}`} data-code={error.code}>
        <Text size="sm" c="red" lineClamp={2}>
          {error.message}
        </Text>
        {error.hint && (
          <Text size="xs" c="dimmed" lineClamp={1}>
            {error.hint}
          </Text>
        )}
      </Stack>
    </Tooltip>
  );
}

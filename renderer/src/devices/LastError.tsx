import { Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ErrorValue } from '../../../shared/domain/errors';
import { useErrorText } from '../errors/use-error-text';

/** What went wrong last and what to check next, in the operator's language; the full text is in the tooltip when clamped. */
export function LastError({ deviceName, error }: { deviceName: string; error: ErrorValue | null }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (!error) {
    return (
      <Text c="dimmed" size="sm" data-testid={`device-error-${deviceName}`}>
        {t('devices.noError')}
      </Text>
    );
  }
  const text = errorText(error);
  const full = (
    <Stack gap={4} data-testid={`device-error-tooltip-${deviceName}`}>
      <Text size="sm">{text.message}</Text>
      {text.hint && <Text size="xs">{text.hint}</Text>}
    </Stack>
  );
  return (
    <Tooltip label={full} multiline w={360} withArrow>
      <Stack gap={0} miw={160} maw={360} data-testid={`device-error-${deviceName}`} data-code={error.code}>
        <Text size="sm" c="red" lineClamp={2}>
          {text.message}
        </Text>
        {text.hint && (
          <Text size="xs" c="dimmed" lineClamp={1}>
            {text.hint}
          </Text>
        )}
      </Stack>
    </Tooltip>
  );
}

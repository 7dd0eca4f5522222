import { Alert, Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '../../../shared/sessions/session-meta';
import { useLanguage } from '../errors/use-error-text';
import { sessionWindow } from './session-format';

/** Says, above everything of a session, that it is a recording read offline: no device is contacted. */
export function OfflineBanner({ session }: { session: SessionSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const w = sessionWindow(session, language);
  const text = session.timeBase === 'relative' || w === null ? t('sessions.offline.relative') : t('sessions.offline.banner', { from: w.from, to: w.to });
  return (
    <Alert color="gray" variant="light" data-testid="offline-banner" data-time-base={session.timeBase}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Badge color="dark" variant="filled" data-testid="offline-badge" style={{ flexShrink: 0 }}>
          {t('sessions.offline.badge')}
        </Badge>
        <Text size="sm">{text}</Text>
      </Group>
    </Alert>
  );
}

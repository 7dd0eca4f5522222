import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEngine } from '../engine/EngineContext';

/** Says plainly that what is on screen is stale until the engine is back. */
export function ConnectionBanner() {
  const { linkState, link } = useEngine();
  const { t } = useTranslation();
  if (linkState !== 'disconnected') return null;
  return (
    <Alert color="red" variant="filled" mb="md" data-testid="engine-disconnected-banner">
      <Text fw={500}>{t('engine.lostBanner', { url: link.url })}</Text>
      <Text size="sm">{t('engine.lostHint')}</Text>
    </Alert>
  );
}

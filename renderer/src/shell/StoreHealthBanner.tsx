import { Alert, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreHealth } from '../../../shared/domain/store-health';
import { useEngine } from '../engine/EngineContext';

/** Says plainly when collected data is not being saved (a full disk) and what to do; gone once writes succeed again. */
export function StoreHealthBanner() {
  const { client, epoch } = useEngine();
  const { t } = useTranslation();
  const [health, setHealth] = useState<StoreHealth | null>(null);
  // Bumped by every pushed event, so a fetch that started earlier cannot overwrite newer news.
  const seq = useRef(0);

  useEffect(
    () =>
      client.on('store.health', (h) => {
        seq.current++;
        setHealth(h);
      }),
    [client],
  );

  useEffect(() => {
    if (epoch === 0) return;
    const seen = seq.current;
    let cancelled = false;
    client.call('engine.storeHealth').then(
      (h) => {
        if (!cancelled && seq.current === seen) setHealth(h);
      },
      () => undefined, // an older engine without the row: nothing to show
    );
    return () => {
      cancelled = true;
    };
  }, [client, epoch]);

  if (health === null || health.state === 'ok') return null;
  const full = health.state === 'disk-full';
  return (
    <Alert color="red" variant="filled" mb="md" data-testid="store-health-banner" data-state={health.state}>
      <Text fw={500}>{t(full ? 'storeHealth.diskFull' : 'storeHealth.failing')}</Text>
      <Text size="sm">{t('storeHealth.waiting', { queued: health.queued.toLocaleString(), limit: health.limit.toLocaleString() })}</Text>
      <Text size="sm">{t(full ? 'storeHealth.diskFullHint' : 'storeHealth.failingHint')}</Text>
    </Alert>
  );
}

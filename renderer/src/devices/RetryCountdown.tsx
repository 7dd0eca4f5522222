import { Text, Tooltip } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceStatus } from '../../../shared/domain/status';
import { msToNextTick, retryAtOf, secondsUntil } from './retry-countdown';

/**
 * The time left until the engine's next attempt at a device that failed (offline, no data, or a host
 * key waiting), counting down live: re-rendered exactly when the shown second changes, and not at
 * all when there is no retry to wait for.
 */
export function RetryCountdown({ deviceName, status }: { deviceName: string; status: DeviceStatus | undefined }) {
  const { t } = useTranslation();
  const atMs = retryAtOf(status);
  const [nowMs, setNowMs] = useState(() => Date.now());
  useEffect(() => {
    if (atMs === null) return;
    setNowMs(Date.now());
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = (now: number) => {
      const wait = msToNextTick(atMs, now);
      // A few ms late, so the new second has begun when it renders.
      if (Number.isFinite(wait)) timer = setTimeout(tick, wait + 5);
    };
    const tick = () => {
      const now = Date.now();
      setNowMs(now);
      schedule(now);
    };
    schedule(Date.now());
    return () => clearTimeout(timer);
  }, [atMs]);
  if (atMs === null) return null;
  const seconds = secondsUntil(atMs, nowMs);
  return (
    <Tooltip label={t('retry.help')} withArrow multiline w={280}>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid={`device-retry-${deviceName}`} data-retry-at={atMs} data-seconds={seconds}>
        {seconds > 0 ? t('retry.in', { seconds }) : t('retry.now')}
      </Text>
    </Tooltip>
  );
}

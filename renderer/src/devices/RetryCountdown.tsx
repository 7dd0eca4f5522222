import { Text, Tooltip } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceStatus } from '../../../shared/domain/status';
import { msToNextTick, retryAtOf, secondsUntil } from './retry-countdown';
import { useEngineClockOffset } from './use-engine-clock';

/**
 * The time left until the engine's next attempt at a device that failed (offline, no data, or a host
 * key waiting), counting down live: re-rendered exactly when the shown second changes, and not at
 * all when there is no retry to wait for. The retry time is the engine's: it is compared with the
 * engine's clock, not this page's.
 */
export function RetryCountdown({ deviceName, status }: { deviceName: string; status: DeviceStatus | undefined }) {
  const { t } = useTranslation();
  const atMs = retryAtOf(status);
  const offset = useEngineClockOffset();
  const [nowMs, setNowMs] = useState(() => Date.now() + offset);
  useEffect(() => {
    if (atMs === null) return;
    const engineNow = () => Date.now() + offset;
    setNowMs(engineNow());
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = (now: number) => {
      const wait = msToNextTick(atMs, now);
      // A few ms late, so the new second has begun when it renders.
      if (Number.isFinite(wait)) timer = setTimeout(tick, wait + 5);
    };
    const tick = () => {
      const now = engineNow();
      setNowMs(now);
      schedule(now);
    };
    schedule(engineNow());
    return () => clearTimeout(timer);
  }, [atMs, offset]);
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

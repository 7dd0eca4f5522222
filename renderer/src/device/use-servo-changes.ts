import { useEffect, useRef, useState } from 'react';
import { useEngine } from '../engine/EngineContext';
import { servoChanges, servoStateName, withServoReading, type StateChange } from './state-timeline';
import { LIVE_SPAN_SEC } from './time-axis';

/** Enough for the timeline's ten minutes of a servo that changes every second; older changes are dropped. */
const MAX_CHANGES = 1000;

/** The servo's state changes of one instance (from its logged `ptp.servo_state`): history, then live. */
export function useServoChanges(deviceId: string, instance: string, seriesId: number | null): readonly StateChange[] {
  const { client, epoch } = useEngine();
  const [changes, setChanges] = useState<readonly StateChange[]>([]);
  const lastSeenMs = useRef<number | null>(null);

  useEffect(() => {
    if (epoch === 0 || seriesId === null) return;
    let cancelled = false;
    const toMs = Date.now();
    void client.call('series.query', { seriesIds: [seriesId], fromMs: toMs - LIVE_SPAN_SEC * 1000, toMs, maxPoints: 2000 }).then(
      ([cols]) => {
        if (cancelled || !cols) return;
        setChanges(servoChanges(cols.tUs, cols.value));
        lastSeenMs.current = (cols.tUs[cols.tUs.length - 1] ?? 0) / 1000 || null;
      },
      () => undefined, // the timeline then starts from live values; the charts show the load error
    );
    return () => {
      cancelled = true;
    };
  }, [client, epoch, seriesId]);

  useEffect(
    () =>
      client.on('series.readings', ({ deviceId: id, readings }) => {
        if (id !== deviceId) return;
        for (const r of readings) {
          if (r.instance !== instance) continue;
          const v = r.values.find((x) => x.metric === 'ptp.servo_state');
          if (!v) continue;
          const tMs = r.tUs / 1000;
          const seen = lastSeenMs.current;
          lastSeenMs.current = tMs;
          setChanges((list) => {
            const next = withServoReading(list, tMs, servoStateName(v.value), seen);
            return next.length > MAX_CHANGES ? next.slice(-MAX_CHANGES) : next;
          });
        }
      }),
    [client, deviceId, instance],
  );
  return changes;
}

import { useEffect, useState } from 'react';
import type { DeviceEvent } from '../../../shared/series/device-event';
import { useEngine } from '../engine/EngineContext';

const TIMELINE_KINDS = ['port-state', 'servo-state', 'connection'] as const;
const TIMELINE_EVENT_LIMIT = 500;

/** A device's port state, servo state and connection events (the newest 500 stored, then live): what its timelines are built from. */
export function useStateEvents(deviceId: string): DeviceEvent[] {
  const { client, epoch } = useEngine();
  const [events, setEvents] = useState<DeviceEvent[]>([]);

  useEffect(() => {
    if (epoch === 0) return;
    let cancelled = false;
    client.call('events.query', { deviceId, kinds: [...TIMELINE_KINDS], limit: TIMELINE_EVENT_LIMIT }).then(
      (stored) => {
        if (!cancelled) setEvents((live) => [...stored, ...live.filter((e) => e.tMs > (stored[stored.length - 1]?.tMs ?? 0))]);
      },
      () => undefined, // the timeline then starts from the current states; the Events tab shows the error
    );
    return () => {
      cancelled = true;
    };
  }, [client, epoch, deviceId]);

  useEffect(
    () =>
      client.on('device.events', ({ deviceId: id, events: batch }) => {
        if (id !== deviceId) return;
        const mine = batch.filter((e) => (TIMELINE_KINDS as readonly string[]).includes(e.kind));
        if (mine.length > 0) setEvents((list) => [...list, ...mine].slice(-TIMELINE_EVENT_LIMIT));
      }),
    [client, deviceId],
  );
  return events;
}

import { useEffect, useState } from 'react';
import type { EngineClient } from '../../../shared/contract';
import { useEngine } from '../engine/EngineContext';
import { clockOffsetMs } from './retry-countdown';

/** One measurement per client and link-up (an engine restarted elsewhere may have another clock). */
const measured = new WeakMap<EngineClient, { epoch: number; offset: Promise<number> }>();

async function measure(client: EngineClient): Promise<number> {
  const sent = Date.now();
  const hello = await client.call('engine.hello');
  return clockOffsetMs(sent, hello.nowMs, Date.now());
}

/** How far the engine's clock is ahead of this page's (ms; 0 until measured): add it to Date.now() to compare with engine times. */
export function useEngineClockOffset(): number {
  const { client, epoch } = useEngine();
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    if (epoch === 0) return;
    let entry = measured.get(client);
    if (!entry || entry.epoch !== epoch) {
      entry = { epoch, offset: measure(client) };
      measured.set(client, entry);
    }
    let live = true;
    entry.offset.then(
      (o) => live && setOffset(o),
      () => undefined, // no answer: the local clock stands in
    );
    return () => {
      live = false;
    };
  }, [client, epoch]);
  return offset;
}

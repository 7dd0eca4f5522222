import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { EngineClient } from '../../../shared/contract';
import type { EngineLink, LinkState } from './engine-link';

export interface Engine {
  client: EngineClient;
  link: EngineLink;
  linkState: LinkState;
  /**
   * Counts how often the link came up. Data that must be fetched from the engine keys on it:
   * 0 means "not yet", and every reconnect bumps it so lists and history are fetched again.
   */
  epoch: number;
}

const EngineContext = createContext<Engine | null>(null);

export function EngineProvider({ client, link, children }: { client: EngineClient; link: EngineLink; children: ReactNode }) {
  const [linkState, setLinkState] = useState<LinkState>(link.state());
  const [epoch, setEpoch] = useState(link.state() === 'connected' ? 1 : 0);

  useEffect(() => {
    const off = link.onState((state) => {
      setLinkState(state);
      if (state === 'connected') setEpoch((n) => n + 1);
    });
    // The link may have come up between the first render and this subscription.
    const now = link.state();
    setLinkState(now);
    if (now === 'connected') setEpoch((n) => Math.max(n, 1));
    return off;
  }, [link]);

  return <EngineContext.Provider value={{ client, link, linkState, epoch }}>{children}</EngineContext.Provider>;
}

export function useEngine(): Engine {
  const engine = useContext(EngineContext);
  if (!engine) throw new Error('useEngine() outside <EngineProvider>');
  return engine;
}

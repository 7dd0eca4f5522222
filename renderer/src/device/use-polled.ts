import { useCallback, useEffect, useRef, useState } from 'react';
import { errorValueOf, type ErrorValue } from '../../../shared/domain/errors';
import { useEngine } from '../engine/EngineContext';

export interface Polled<T> {
  value: T | null;
  error: ErrorValue | null;
  /** Fetch again now (a pushed event said something changed). */
  refresh(): void;
}

/**
 * A value fetched from the engine on mount, after every reconnect, every `everyMs` while mounted
 * (a hidden tab unmounts, so it stops), and whenever refresh() is called; mount it keyed by what
 * it fetches (the device page is keyed by device). One fetch at a time:
 * a refresh asked for during a fetch runs right after it, so the newest answer always wins.
 */
export function usePolled<T>(fetch: () => Promise<T>, everyMs: number | null, deps: readonly unknown[]): Polled<T> {
  const { epoch } = useEngine();
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<ErrorValue | null>(null);
  const busy = useRef(false);
  const again = useRef(false);
  const live = useRef(true);
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;

  const run = useCallback(() => {
    if (busy.current) {
      again.current = true;
      return;
    }
    busy.current = true;
    fetchRef.current().then(
      (v) => {
        if (!live.current) return;
        setValue(v);
        setError(null);
      },
      (err: unknown) => {
        if (live.current) setError(errorValueOf(err));
      },
    ).finally(() => {
      busy.current = false;
      if (again.current && live.current) {
        again.current = false;
        run();
      }
    });
  }, []);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  useEffect(() => {
    if (epoch === 0) return;
    run();
    if (everyMs === null) return;
    const timer = setInterval(run, everyMs);
    return () => clearInterval(timer);
  }, [epoch, everyMs, run, ...deps]);

  return { value, error, refresh: run };
}

import { useCallback, useState } from 'react';
import { errorValueOf, type ErrorValue } from '../../../shared/domain/errors';

export interface Action {
  busy: boolean;
  error: ErrorValue | null;
  /** Runs one engine call: busy while it runs, its error kept for the dialog to show; resolves to its result, or undefined when it failed. */
  run<T>(call: () => Promise<T>): Promise<T | undefined>;
}

/** A dialog's one engine call (open, delete, capture…) with its busy state and its error as a value. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorValue | null>(null);
  const run = useCallback(async <T,>(call: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await call();
    } catch (err) {
      setError(errorValueOf(err));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}

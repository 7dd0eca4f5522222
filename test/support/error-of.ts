import { SyncscopeError, type ErrorValue } from '../../shared/domain/errors';

/** The ErrorValue `fn` throws; fails the test when it throws something else or nothing. */
export function errorOf(fn: () => unknown): ErrorValue {
  try {
    fn();
  } catch (err) {
    if (err instanceof SyncscopeError) return err.value;
    throw err;
  }
  throw new Error('expected an error');
}

/**
 * A signal that aborts when the caller's signal does, or when `ms` have passed on the monotonic
 * clock (setTimeout), whichever comes first. The timeout's reason is built only if it fires.
 */
export function deadlineSignal(ms: number, outer: AbortSignal | undefined, onTimeout: () => unknown): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(onTimeout()), ms);
  const fromOuter = () => controller.abort(outer?.reason);
  if (outer?.aborted) controller.abort(outer.reason);
  else outer?.addEventListener('abort', fromOuter, { once: true });
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', fromOuter);
    },
  };
}

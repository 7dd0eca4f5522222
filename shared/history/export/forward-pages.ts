/**
 * Reading a long range oldest-first through a query that answers only the *newest* `limit` items of
 * a window (the store's `latest` for points, its `limit` for events): ask for a window; a page short
 * of `limit` holds all of it; a full page means the window was too wide, so it is narrowed to about
 * half a page (from the times the full page covered) and asked again. Widens again over sparse
 * stretches. Times are whole units (µs or ms), windows inclusive. Memory: one page.
 */
export interface PageCursor {
  /** First time of the next window. */
  fromT: number;
  /** Width of the next window, in time units. */
  span: number;
}

export interface ForwardPage<P> {
  page: P;
  count: number;
  /** Where the next page starts; null once the range is read. */
  next: PageCursor | null;
}

export interface PageSource<P> {
  fetch(fromT: number, toT: number, limit: number): P;
  count(page: P): number;
  /** Time of the oldest item of a non-empty page. */
  firstT(page: P): number;
}

export function startCursor(fromT: number, toT: number): PageCursor {
  return { fromT: Math.floor(fromT), span: Math.max(1, Math.floor(toT) - Math.floor(fromT) + 1) };
}

export function forwardPage<P>(src: PageSource<P>, at: PageCursor, endT: number, limit: number): ForwardPage<P> {
  let span = Math.max(1, Math.floor(at.span));
  for (;;) {
    const toT = Math.min(Math.floor(endT), at.fromT + span - 1);
    const page = src.fetch(at.fromT, toT, limit);
    const count = src.count(page);
    // A window of one time unit that is still full cannot be narrowed: take it (only more than `limit` items at one instant lose any).
    if (count < limit || toT <= at.fromT) {
      const nextSpan = count < limit / 4 ? Math.min(span * 2, Number.MAX_SAFE_INTEGER / 4) : span;
      return { page, count, next: toT >= Math.floor(endT) ? null : { fromT: toT + 1, span: nextSpan } };
    }
    const covered = toT - src.firstT(page) + 1;
    span = Math.max(1, Math.floor(Math.min(span / 2, covered / 2)));
  }
}

/** Every page of a range, oldest first. */
export function* forwardPages<P>(src: PageSource<P>, fromT: number, toT: number, limit: number): Generator<P> {
  let at: PageCursor | null = startCursor(fromT, toT);
  while (at) {
    const p: ForwardPage<P> = forwardPage(src, at, toT, limit);
    if (p.count > 0) yield p.page;
    at = p.next;
  }
}

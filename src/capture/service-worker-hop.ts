/**
 * A Service Worker that passes a request through (`respondWith(fetch(event.request))`) makes a second
 * request, and Chrome lists both in the page's DevTools: the page's own (answered "via Service Worker")
 * and the worker's network hop, whose body DevTools cannot read from the page ("No response body").
 * The page made one request, so it gets one row: the hop is recognised by its place, the same method
 * and URL started and finished within the page's request, and the page's request takes its row.
 */
export interface Span {
  readonly id: string;
  readonly method: string;
  readonly url: string;
  readonly start: number;
  readonly end: number;
  /** Chrome's `_fetchedViaServiceWorker`: this is the page's request, answered by its worker. */
  readonly viaServiceWorker: boolean;
  /** Recorded without a body: what a hop looks like from the page. */
  readonly bodyless: boolean;
}

/** Timestamps are whole milliseconds apart from `time`: a hop may seem to end a little after its page request. */
const SLACK_MS = 5;
/** Hops are recorded within milliseconds of their page request; a few dozen recent rows are enough. */
const REMEMBERED = 64;

const nested = (inner: Span, outer: Span): boolean =>
  inner.method === outer.method && inner.url === outer.url && inner.start >= outer.start - SLACK_MS && inner.end <= outer.end + SLACK_MS;

export class ServiceWorkerHops {
  readonly #recent: Span[] = [];

  /** For the page's request answered via its worker: the row of its hop recorded before, if any (and forgets it). */
  takeHopOf(page: Span): string | null {
    if (!page.viaServiceWorker) return null;
    const index = this.#recent.findIndex((hop) => !hop.viaServiceWorker && hop.bodyless && nested(hop, page));
    if (index < 0) return null;
    const [hop] = this.#recent.splice(index, 1);
    return hop?.id ?? null;
  }

  /** For a bodiless request: is it the hop of a page request already recorded? */
  isHop(span: Span): boolean {
    return span.bodyless && !span.viaServiceWorker && this.#recent.some((page) => page.viaServiceWorker && nested(span, page));
  }

  remember(span: Span): void {
    this.#recent.push(span);
    if (this.#recent.length > REMEMBERED) this.#recent.shift();
  }
}

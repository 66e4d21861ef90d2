import type { CaptureEvent } from '../protocol/capture.ts';

type ExchangeEvent = Extract<CaptureEvent, { kind: 'exchange' }>;

/**
 * A Service Worker that passes a request through (`respondWith(fetch(event.request))`) makes a second
 * request, and Chrome lists both in the page's DevTools: the page's own (answered "via Service Worker")
 * and the worker's network hop. DevTools can read the body of only one of them, which one depends on
 * its settings. The page made one request, so it gets one row: the two are paired by their place (the
 * same method and URL, the hop started while the page's request was open), and the row shows the page's
 * request with whichever body DevTools gave.
 */
export interface Half {
  readonly method: string;
  readonly url: string;
  readonly start: number;
  readonly end: number;
  /** Chrome's `_fetchedViaServiceWorker`: this is the page's request, answered by its worker. */
  readonly viaServiceWorker: boolean;
}

export interface RecordedHalf extends Half {
  readonly event: ExchangeEvent;
}

/**
 * The hop starts while the page's request is open (the worker fetches after the page asked, and answers
 * before the page is done); its end is no test, since the page's and the worker's clocks differ by a few
 * milliseconds and the page may finish reading just before the hop's record closes.
 */
const SLACK_MS = 5;
/** The halves are reported within moments of each other; a few dozen recent rows are enough. */
const REMEMBERED = 64;

const within = (hop: Half, page: Half): boolean =>
  hop.method === page.method && hop.url === page.url && hop.start >= page.start - SLACK_MS && hop.start <= page.end + SLACK_MS;

export class ServiceWorkerHops {
  readonly #recent: RecordedHalf[] = [];

  /** The recorded other half of this request's pair, if any (forgotten: a pair is folded once). */
  takePartner(half: Half): RecordedHalf | null {
    const index = this.#recent.findIndex((other) =>
      other.viaServiceWorker !== half.viaServiceWorker && (half.viaServiceWorker ? within(other, half) : within(half, other)),
    );
    return index < 0 ? null : (this.#recent.splice(index, 1)[0] ?? null);
  }

  remember(half: RecordedHalf): void {
    this.#recent.push(half);
    if (this.#recent.length > REMEMBERED) this.#recent.shift();
  }
}

/** The one row of a pair: the page's request, with the body (and what the capture said of it) of whichever half has one. */
export function foldPair(page: ExchangeEvent, hop: ExchangeEvent, id: string): ExchangeEvent {
  const withBody = page.exchange.body !== null || hop.exchange.body === null ? page : hop;
  return {
    kind: 'exchange',
    id,
    exchange: { ...page.exchange, body: withBody.exchange.body },
    captureNote: withBody.captureNote,
    captureTag: withBody.captureTag,
    update: true,
  };
}

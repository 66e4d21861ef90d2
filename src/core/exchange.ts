/**
 * An exchange is one finished HTTP request/response pair, as the capture layer (DevTools HAR entry)
 * or the CLI (a HAR file) sees it. It is the only input of the decoding engine.
 */
export interface HttpHeader {
  readonly name: string;
  readonly value: string;
}

export interface ExchangeBody {
  readonly text: string;
  /** `base64` when `text` holds base64 (binary bodies, as `getContent()` and HAR report them). */
  readonly encoding?: 'base64' | undefined;
}

export interface Exchange {
  readonly method: string;
  readonly url: string;
  readonly requestHeaders: readonly HttpHeader[];
  readonly requestBody?: string | null | undefined;
  readonly status: number;
  readonly statusText?: string | undefined;
  readonly responseHeaders: readonly HttpHeader[];
  /** null when the body is empty or was not available (e.g. evicted from DevTools' cache). */
  readonly body: ExchangeBody | null;
  readonly mimeType: string;
  /**
   * Epoch milliseconds at which the response was received. Every delay is measured from here, not
   * from "now", so decoding a week-old HAR gives the same answer as decoding it live.
   */
  readonly receivedAt: number;
  /**
   * Epoch milliseconds at which the request started (HAR `startedDateTime`), when known. Lists are
   * ordered by it, as DevTools orders its Network panel: a slow request started first stays first.
   */
  readonly startedAt?: number | undefined;
  /** The phases of the request as the browser timed them (HAR `timings`, ms; -1 where one does not apply), when known. */
  readonly timings?: HarTimings | undefined;
  /** The browser's own failure marker for this request (Chrome's HAR `_error`, e.g. `net::ERR_FAILED`), when it gave one. */
  readonly transportError?: string | undefined;
  /** What kind of request this was (Chrome's HAR `_resourceType`: `fetch`, `xhr`, `document`…), when known. */
  readonly resourceType?: string | undefined;
}

/** Chrome's resource type of a `sendBeacon` (or `<a ping>`) request, which the browser completes even after the page left. */
export const BEACON_RESOURCE_TYPE = 'ping';

/** HAR 1.2 `timings`: send, wait and receive always; the connection phases when they applied. */
export interface HarTimings {
  readonly blocked?: number;
  readonly dns?: number;
  readonly connect?: number;
  readonly ssl?: number;
  readonly send: number;
  readonly wait: number;
  readonly receive: number;
}

/** Case-insensitive header lookup; repeated headers are joined with ", " as RFC 9110 allows. */
export type HeaderMap = ReadonlyMap<string, string>;

export function headerMap(headers: readonly HttpHeader[]): HeaderMap {
  const map = new Map<string, string>();
  for (const { name, value } of headers) {
    const key = name.toLowerCase();
    const previous = map.get(key);
    map.set(key, previous === undefined ? value : `${previous}, ${value}`);
  }
  return map;
}

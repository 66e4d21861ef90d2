import type { Exchange, HarTimings, HttpHeader } from '../exchange.ts';

/**
 * What exchangeFromHarEntry reads: a validated HAR entry (see har.ts), or the entries DevTools hands
 * extensions (which the capture layer types without headers). Kept apart from the HAR file schema so
 * the devtools page, which only maps DevTools' own entries, does not load zod.
 */
export interface HarEntryLike {
  readonly startedDateTime: string;
  readonly time: number;
  /** Read leniently (see harTimings): a HAR with odd timings still opens, without them. */
  readonly timings?: unknown;
  readonly request: {
    readonly method: string;
    readonly url: string;
    readonly headers?: readonly HttpHeader[];
    readonly postData?: { readonly text?: string | undefined } | undefined;
  };
  readonly response: {
    readonly status: number;
    readonly statusText?: string | undefined;
    readonly headers?: readonly HttpHeader[];
    readonly content?: { readonly text?: string | undefined; readonly encoding?: string | undefined; readonly mimeType?: string | undefined; readonly _file?: string | undefined } | undefined;
    /** Chrome's failure marker (`net::ERR_FAILED`…), empty or absent when the request did not fail. */
    readonly _error?: string | null | undefined;
    /** Playwright's recordHar: the same failure text, e.g. `net::ERR_FAILED`. */
    readonly _failureText?: string | null | undefined;
  };
  /** Chrome's resource type (`fetch`, `xhr`, `document`, `preflight`…). */
  readonly _resourceType?: string | undefined;
}

const PHASES = ['blocked', 'dns', 'connect', 'ssl', 'send', 'wait', 'receive'] as const;

/** The entry's timings when they are HAR's numbers (send, wait and receive at least), else none. */
function harTimings(value: unknown): HarTimings | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const timings: Record<string, number> = {};
  for (const phase of PHASES) {
    const ms = record[phase];
    if (typeof ms === 'number' && Number.isFinite(ms)) timings[phase] = ms;
  }
  const { send, wait, receive } = timings;
  if (send === undefined || wait === undefined || receive === undefined) return undefined;
  return { ...timings, send, wait, receive };
}

/** The exchange a HAR entry records; receivedAt is when the response finished (start + total time). */
export function exchangeFromHarEntry(entry: HarEntryLike): Exchange {
  const { request, response } = entry;
  const content = response.content;
  const started = Date.parse(entry.startedDateTime);
  const elapsed = Number.isFinite(entry.time) && entry.time > 0 ? entry.time : 0;
  const text = content?.text;
  const timings = harTimings(entry.timings);
  return {
    method: request.method,
    url: request.url,
    requestHeaders: request.headers ?? [],
    requestBody: request.postData?.text ?? null,
    status: response.status,
    statusText: response.statusText,
    responseHeaders: response.headers ?? [],
    body: text === undefined || text === '' ? null : { text, encoding: content?.encoding === 'base64' ? 'base64' : undefined },
    mimeType: content?.mimeType ?? '',
    // An unparseable start (only DevTools' own entries reach here unvalidated) counts from the epoch, never from "now".
    receivedAt: (Number.isFinite(started) ? started : 0) + elapsed,
    ...optionalText('transportError', response._error ?? response._failureText),
    // Firefox gives no resource type; a ws:// or wss:// URL says it all the same.
    ...optionalText('resourceType', entry._resourceType ?? (/^wss?:/i.test(request.url) ? 'websocket' : undefined)),
    ...(Number.isFinite(started) ? { startedAt: started } : {}),
    ...(timings === undefined ? {} : { timings }),
  };
}

/** `{ [key]: value }` for a non-empty string, else nothing: exchanges leave unknown optional fields out. */
function optionalText<K extends string>(key: K, value: unknown): Partial<Record<K, string>> {
  return typeof value === 'string' && value !== '' ? ({ [key]: value } as Partial<Record<K, string>>) : {};
}

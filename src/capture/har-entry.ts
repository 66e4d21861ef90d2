import type { Exchange, HttpHeader } from '../core/exchange.ts';

/**
 * What exchangeFromHarEntry reads: a validated HAR entry (see har.ts), or the entries DevTools hands
 * extensions (which the capture layer types without headers). Kept apart from the HAR file schema so
 * the devtools page, which only maps DevTools' own entries, does not load zod.
 */
export interface HarEntryLike {
  readonly startedDateTime: string;
  readonly time: number;
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
    readonly content?: { readonly text?: string | undefined; readonly encoding?: string | undefined; readonly mimeType?: string | undefined } | undefined;
  };
}

/** The exchange a HAR entry records; receivedAt is when the response finished (start + total time). */
export function exchangeFromHarEntry(entry: HarEntryLike): Exchange {
  const { request, response } = entry;
  const content = response.content;
  const started = Date.parse(entry.startedDateTime);
  const elapsed = Number.isFinite(entry.time) && entry.time > 0 ? entry.time : 0;
  const text = content?.text;
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
    ...(Number.isFinite(started) ? { startedAt: started } : {}),
  };
}

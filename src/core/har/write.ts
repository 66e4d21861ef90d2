/**
 * "Export HAR": the exchanges the panel retained, as a HAR 1.2 log that DevTools, HAR viewers and the
 * `faultline` CLI read back. A HAR is attached to bug reports, so credentials are redacted unless the
 * user opts in: Authorization and API-key headers, Cookie/Set-Cookie values, secret query parameters,
 * and secret members and JWTs in request and response bodies (src/core/redact.ts).
 */
import type { Exchange, HarTimings, HttpHeader } from '../exchange.ts';
import type { DecodedError } from '../model.ts';
import { REDACTED, isSecretParam, redactBody, redactHeaders, redactJwts, redactUrl } from '../redact.ts';

export interface HarExportItem {
  readonly exchange: Exchange;
  /** What Faultline decoded, kept in the entry's `_faultline` member (HAR allows `_`-prefixed custom fields). */
  readonly error?: DecodedError | null;
}

export interface HarExportOptions {
  /** Keep credentials as they were sent and received. Off by default. */
  readonly includeSecrets?: boolean;
  /** Version written as the log's creator. */
  readonly version: string;
}

interface HarNameValue {
  readonly name: string;
  readonly value: string;
}

/** The members of HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) Faultline can fill in. */
export interface HarEntry {
  readonly startedDateTime: string;
  readonly time: number;
  readonly request: {
    readonly method: string;
    readonly url: string;
    readonly httpVersion: string;
    readonly cookies: readonly HarNameValue[];
    readonly headers: readonly HttpHeader[];
    readonly queryString: readonly HarNameValue[];
    readonly postData?: { readonly mimeType: string; readonly text: string };
    readonly headersSize: -1;
    readonly bodySize: number;
  };
  readonly response: {
    readonly status: number;
    readonly statusText: string;
    readonly httpVersion: string;
    readonly cookies: readonly HarNameValue[];
    readonly headers: readonly HttpHeader[];
    readonly content: { readonly size: number; readonly mimeType: string; readonly text?: string; readonly encoding?: 'base64' };
    readonly redirectURL: string;
    readonly headersSize: -1;
    readonly bodySize: -1;
  };
  readonly cache: Record<string, never>;
  readonly timings: HarTimings;
  readonly _faultline?: {
    readonly format: string;
    readonly code: string | null;
    readonly message: string;
    readonly requestId: string | null;
    readonly advice: string;
  };
}

export interface HarLog {
  readonly log: {
    readonly version: '1.2';
    readonly creator: { readonly name: 'Faultline'; readonly version: string };
    readonly entries: readonly HarEntry[];
  };
}

function headerValue(headers: readonly HttpHeader[], name: string): string | null {
  const found = headers.find((h) => h.name.toLowerCase() === name);
  return found === undefined ? null : found.value;
}

function byteLength(value: string): number {
  return new TextEncoder().encode(value).length;
}

/** `a=1; b=2` (Cookie) → name/value pairs. */
function requestCookies(headers: readonly HttpHeader[]): HarNameValue[] {
  const cookies: HarNameValue[] = [];
  for (const h of headers) {
    if (h.name.toLowerCase() !== 'cookie') continue;
    for (const pair of h.value.split(';')) {
      const eq = pair.indexOf('=');
      if (eq > 0) cookies.push({ name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() });
    }
  }
  return cookies;
}

/** `id=abc; Path=/; HttpOnly` (one Set-Cookie each) → the cookie's name and value. */
function responseCookies(headers: readonly HttpHeader[]): HarNameValue[] {
  const cookies: HarNameValue[] = [];
  for (const h of headers) {
    if (h.name.toLowerCase() !== 'set-cookie') continue;
    const first = h.value.split(';', 1)[0] ?? '';
    const eq = first.indexOf('=');
    if (eq > 0) cookies.push({ name: first.slice(0, eq).trim(), value: first.slice(eq + 1).trim() });
  }
  return cookies;
}

function decodeComponent(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/** The query of a URL as HAR's decoded name/value list. */
function queryString(url: string): HarNameValue[] {
  const queryAt = url.indexOf('?');
  if (queryAt === -1) return [];
  const hashAt = url.indexOf('#', queryAt);
  const query = url.slice(queryAt + 1, hashAt === -1 ? undefined : hashAt);
  if (query === '') return [];
  return query.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    return eq === -1 ? { name: decodeComponent(pair), value: '' } : { name: decodeComponent(pair.slice(0, eq)), value: decodeComponent(pair.slice(eq + 1)) };
  });
}

const redactCookie = ({ name }: HarNameValue): HarNameValue => ({ name, value: REDACTED });
const redactParam = ({ name, value }: HarNameValue): HarNameValue => ({ name, value: isSecretParam(name) ? REDACTED : redactJwts(value) });

function harEntry({ exchange, error }: HarExportItem, includeSecrets: boolean): HarEntry {
  const contentType = headerValue(exchange.requestHeaders, 'content-type') ?? '';
  const requestBody = exchange.requestBody ?? '';
  const body = exchange.body;
  const responseMime = exchange.mimeType || (headerValue(exchange.responseHeaders, 'content-type') ?? '');
  // A base64 body is binary (an image, a protobuf): there is no text in it to redact.
  const responseText = body === null ? null : includeSecrets || body.encoding === 'base64' ? body.text : redactBody(body.text, responseMime);
  const keep = <T>(value: T, redact: (value: T) => T): T => (includeSecrets ? value : redact(value));
  const started = exchange.startedAt ?? exchange.receivedAt;
  const date = new Date(started);
  // The total is what the browser measured: start to the end of the response.
  const time = Math.max(0, exchange.receivedAt - started);
  return {
    startedDateTime: Number.isFinite(date.getTime()) ? date.toISOString() : new Date(0).toISOString(),
    time: Number.isFinite(time) ? time : 0,
    request: {
      method: exchange.method,
      url: keep(exchange.url, redactUrl),
      httpVersion: 'HTTP/1.1',
      cookies: keep(requestCookies(exchange.requestHeaders), (list) => list.map(redactCookie)),
      headers: keep(exchange.requestHeaders, redactHeaders),
      queryString: keep(queryString(exchange.url), (list) => list.map(redactParam)),
      ...(requestBody === '' ? {} : { postData: { mimeType: contentType, text: keep(requestBody, (text) => redactBody(text, contentType)) } }),
      headersSize: -1,
      bodySize: byteLength(requestBody),
    },
    response: {
      status: exchange.status,
      statusText: exchange.statusText ?? '',
      httpVersion: 'HTTP/1.1',
      cookies: keep(responseCookies(exchange.responseHeaders), (list) => list.map(redactCookie)),
      headers: keep(exchange.responseHeaders, redactHeaders),
      content: {
        size: body === null ? 0 : body.encoding === 'base64' ? Math.floor((body.text.length * 3) / 4) : byteLength(body.text),
        mimeType: responseMime,
        ...(responseText === null ? {} : { text: responseText }),
        ...(body?.encoding === 'base64' ? { encoding: 'base64' as const } : {}),
      },
      redirectURL: keep(headerValue(exchange.responseHeaders, 'location') ?? '', redactUrl),
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    // The browser's own phases when it timed them; otherwise the whole time counts as waiting, so
    // viewers still draw the request as long as it took.
    timings: exchange.timings ?? { send: 0, wait: Number.isFinite(time) ? time : 0, receive: 0 },
    ...(error === undefined || error === null
      ? {}
      : {
          _faultline: {
            format: error.format,
            code: error.code,
            message: keep(error.message, redactJwts),
            requestId: error.requestId,
            advice: error.advice,
          },
        }),
  };
}

/** When an item's request started, which orders a HAR (DevTools writes entries by request start). */
const startOf = ({ exchange }: HarExportItem): number => exchange.startedAt ?? exchange.receivedAt;

/**
 * The exchanges as a HAR 1.2 log in the order their requests started (a stable sort: items given in that
 * order, such as an imported HAR's, keep it), credentials redacted unless `includeSecrets`.
 */
export function buildHar(items: readonly HarExportItem[], options: HarExportOptions): HarLog {
  const includeSecrets = options.includeSecrets === true;
  return {
    log: {
      version: '1.2',
      creator: { name: 'Faultline', version: options.version },
      entries: [...items].sort((a, b) => startOf(a) - startOf(b)).map((item) => harEntry(item, includeSecrets)),
    },
  };
}

/** `faultline-2026-11-22T12-00-00.har`: sortable, and valid on every file system (no colons). */
export function harFileName(now: number): string {
  return `faultline-${new Date(now).toISOString().slice(0, 19).replace(/:/g, '-')}.har`;
}

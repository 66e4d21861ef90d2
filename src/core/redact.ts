/**
 * The one sanitizer: what may leave Faultline in anything a user copies, exports or pastes (copy as
 * cURL / fetch, the support report, the HAR export, the popup's recent errors, the CLI). Default-deny
 * headers, one URL sanitizer, body sanitizers by shape, and a value scan for known token formats;
 * everything hidden is replaced by the visible marker [REDACTED], names are never hidden. The pieces
 * live in src/core/redact/; this module is the only door to them.
 */
import type { Exchange } from './exchange.ts';
import { httpUrl } from './json.ts';
import type { DecodedError } from './model.ts';
import { redactExchangeBody } from './redact/body.ts';
import { redactHeaders } from './redact/headers.ts';
import { redactTokens } from './redact/scan.ts';
import { redactUrl } from './redact/url.ts';

export { REDACTED } from './redact/marker.ts';
export { redactBody } from './redact/body.ts';
export { isSafeHeader, redactHeaderValue, redactHeaders } from './redact/headers.ts';
export { redactTokens } from './redact/scan.ts';
export { redactUrl } from './redact/url.ts';

function contentType(headers: Exchange['requestHeaders']): string {
  return headers.find((h) => h.name.toLowerCase() === 'content-type')?.value ?? '';
}

type RequestPart = Pick<Exchange, 'url' | 'requestHeaders' | 'requestBody'>;

/** The request as it may leave Faultline: URL, headers and body sanitized. */
export function redactRequest<T extends RequestPart>(request: T): T {
  const body = request.requestBody;
  return {
    ...request,
    url: redactUrl(request.url),
    requestHeaders: redactHeaders(request.requestHeaders),
    requestBody: body === undefined || body === null || body === '' ? body : redactExchangeBody({ text: body }, contentType(request.requestHeaders)).text,
  };
}

/** The exchange as it may leave Faultline: URL, headers, request and response bodies sanitized. */
export function redactExchange(exchange: Exchange): Exchange {
  return {
    ...redactRequest(exchange),
    statusText: exchange.statusText === undefined ? undefined : redactTokens(exchange.statusText),
    responseHeaders: redactHeaders(exchange.responseHeaders),
    body: exchange.body === null ? null : redactExchangeBody(exchange.body, exchange.mimeType || contentType(exchange.responseHeaders)),
  };
}

/**
 * A docs link as it may be shown or shared: http(s) only, with its real host. Userinfo is dropped
 * (`http://docs.vendor.com:443@evil.example/` is a link to evil.example, and now reads like one),
 * `//evil.example` and backslashes come out resolved by the URL parser, and credentials in the query
 * (a relative problem `type` resolved against a URL with `?key=…`) are redacted.
 */
export function docsLink(url: string | null): string | null {
  const honest = honestLink(url);
  return honest === null ? null : redactUrl(honest);
}

/** A docs link with its real host (http(s) only, userinfo dropped), credentials in its query kept: for a report that includes secrets. */
export function honestLink(url: string | null): string | null {
  const href = httpUrl(url);
  if (href === null) return null;
  const parsed = new URL(href);
  parsed.username = '';
  parsed.password = '';
  return parsed.href;
}

/** The decoded error as it may leave Faultline: known token formats out of every text, the docs link honest and sanitized. */
export function redactError(error: DecodedError): DecodedError {
  const orNull = (value: string | null): string | null => (value === null ? null : redactTokens(value));
  return {
    ...error,
    code: orNull(error.code),
    subcode: orNull(error.subcode),
    title: orNull(error.title),
    message: redactTokens(error.message),
    fieldErrors: error.fieldErrors.map((f) => ({ ...f, path: redactTokens(f.path), message: redactTokens(f.message) })),
    requestId: orNull(error.requestId),
    docsUrl: docsLink(error.docsUrl),
    advice: redactTokens(error.advice),
    bodyNote: orNull(error.bodyNote),
  };
}

/**
 * Headers, default-deny: a value leaves only when its header is known to be safe and useful for
 * diagnosis. Everything else, including every vendor's API-key header we have never heard of
 * (`Ocp-Apim-Subscription-Key`, `x-functions-key`, `DD-APPLICATION-KEY`…), is replaced by the
 * marker; the name always stays, since which headers were sent is often the clue.
 */
import type { HttpHeader } from '../exchange.ts';
import { REDACTED } from './marker.ts';
import { redactUrl } from './url.ts';
import { redactTokens } from './scan.ts';

/** Safe headers by exact name: content negotiation, caching, conditional requests, security policy, server identity, errors. */
const SAFE = new Set([
  'accept', 'accept-encoding', 'accept-language', 'accept-ranges', 'accept-patch', 'accept-post', 'age', 'allow', 'alt-svc',
  'cache-control', 'cache-status', 'connection', 'content-disposition', 'content-encoding', 'content-language', 'content-length',
  'content-range', 'content-security-policy', 'content-security-policy-report-only', 'content-type', 'date', 'deprecation', 'dnt',
  'etag', 'expect', 'expires', 'host', 'if-match', 'if-modified-since', 'if-none-match', 'if-range', 'if-unmodified-since',
  'keep-alive', 'last-modified', 'pragma', 'priority', 'range', 'referrer-policy', 'server', 'server-timing', 'strict-transport-security',
  'sunset', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'user-agent', 'vary', 'via', 'warning', 'x-content-type-options',
  'x-frame-options', 'x-powered-by', 'x-requested-with', 'x-xss-protection', 'permissions-policy', 'timing-allow-origin',
  'traceparent', 'tracestate', 'baggage',
  // How a server says why authentication failed (RFC 6750 `error="invalid_token"`): the clue for every 401.
  'www-authenticate', 'proxy-authenticate',
  // Idempotency keys are random request ids, and whether a retry is safe depends on them.
  'idempotency-key', 'x-idempotency-key', 'chargebee-idempotency-key',
  // gRPC status trailers and vendors' error and retry hints that the decoder reads.
  'grpc-status', 'grpc-message', 'grpc-retry-pushback-ms', 'grpc-encoding', 'x-amzn-errortype', 'x-should-retry', 'stripe-should-retry',
  'cf-ray', 'cf-cache-status', 'cf-error-code', 'cf-error-details', 'x-cache', 'x-served-by', 'x-timer', 'x-envoy-upstream-service-time',
  'stripe-version', 'anthropic-version', 'openai-version', 'openai-processing-ms', 'x-github-media-type', 'x-github-api-version-selected',
  'x-cloud-trace-context', 'x-amz-cf-id', 'x-amz-cf-pop', 'x-amz-id-2',
  // Rate-limit dialects that are not named after rate limits (Meta's usage headers, Shopify's call limit, Salesforce).
  'x-app-usage', 'x-business-use-case-usage', 'x-ad-account-usage', 'x-shopify-shop-api-call-limit', 'x-shopify-stage', 'sforce-limit-info',
]);

/**
 * Safe headers by family: every rate-limit and retry dialect (`RateLimit-*`, `X-RateLimit-*`,
 * `anthropic-ratelimit-*-tokens-*`, `Retry-After-Ms`…), request and trace ids, CORS, fetch metadata
 * and client hints, and the HTTP/2 pseudo-headers but `:path` (a URL, handled below).
 */
const SAFE_FAMILY = /ratelimit|rate-limit|retry-after|quota|request-?id$|trace-?id$|correlation-?id$|span-?id$|^access-control-|^sec-fetch-|^sec-ch-|^:(?:authority|method|scheme|status|protocol)$/;

/** Headers whose value is a URL (or an origin): they pass, through the URL sanitizer. */
const URL_VALUED = new Set(['referer', 'location', 'content-location', 'origin', ':path', 'access-control-allow-origin', 'refresh']);

/** `Link: <https://…?page=2&token=…>; rel="next"` → each URL sanitized. */
function redactLinkList(value: string): string {
  return value.replace(/<([^<>]*)>/g, (_, url: string) => `<${redactUrl(url)}>`);
}

/** `name=value; other=value` → names kept, values hidden (which cookie was sent is often the clue). */
function redactCookieList(value: string): string {
  return value
    .split(';')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq === -1 ? pair : `${pair.slice(0, eq)}=${REDACTED}`;
    })
    .join(';');
}

/** `Set-Cookie: id=abc; Path=/; HttpOnly` → only the cookie value hidden, attributes kept. */
function redactSetCookie(value: string): string {
  const semi = value.indexOf(';');
  const first = semi === -1 ? value : value.slice(0, semi);
  const eq = first.indexOf('=');
  return eq === -1 ? REDACTED : `${first.slice(0, eq)}=${REDACTED}${semi === -1 ? '' : value.slice(semi)}`;
}

/** Whether the header's value may leave as it is (apart from the value scan). */
export function isSafeHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return SAFE.has(lower) || SAFE_FAMILY.test(lower);
}

/** The value of a header as it may leave Faultline. */
export function redactHeaderValue(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (lower === 'cookie') return redactCookieList(value);
  if (lower === 'set-cookie') return redactSetCookie(value);
  if (lower === 'authorization' || lower === 'proxy-authorization') {
    // The scheme says what kind of credential was sent (`Bearer`, `Basic`, `AWS4-HMAC-SHA256`), never the credential.
    const scheme = /^\s*([A-Za-z][A-Za-z0-9._~+-]*)\s+\S/.exec(value);
    return scheme === null ? REDACTED : `${scheme[1] ?? ''} ${REDACTED}`;
  }
  if (URL_VALUED.has(lower)) return redactUrl(value);
  if (lower === 'link') return redactLinkList(value);
  return isSafeHeader(lower) ? redactTokens(value) : REDACTED;
}

export function redactHeaders(headers: readonly HttpHeader[]): HttpHeader[] {
  return headers.map(({ name, value }) => ({ name, value: redactHeaderValue(name, value) }));
}

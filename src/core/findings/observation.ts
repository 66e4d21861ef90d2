import { idempotencyKeyOf } from '../advice/idempotency.ts';
import { corsBlock, type CorsBlock } from '../cors.ts';
import { headerMap, type Exchange } from '../exchange.ts';
import type { Analysis, DecodedError, RateLimitState } from '../model.ts';
import { fingerprintOf, type Fingerprint } from './fingerprint.ts';

/**
 * What the findings need to know of one request, without its bodies: the panel keeps these for
 * successes too (quota use is read from them) while it keeps full exchanges for errors only.
 */
export interface Observation {
  /** The caller's name for this request: a HAR entry index, a panel row key. Findings cite these. */
  readonly ref: number;
  readonly method: string;
  readonly url: string;
  readonly host: string;
  /** Method, URL and a digest of the body: equal keys mean the same request sent again. */
  readonly requestKey: string;
  /** A digest of the credentials sent (Authorization, API-key headers): a retry with a new token is a changed request. */
  readonly credentialKey: string;
  /** The Idempotency-Key (or the vendor's equivalent) the request carried, else null. */
  readonly idempotencyKey: string | null;
  /** When the request was sent (epoch ms); the response's time when the recorder did not say. */
  readonly sentAt: number;
  readonly receivedAt: number;
  readonly status: number;
  readonly error: DecodedError | null;
  readonly fingerprint: Fingerprint | null;
  readonly rateLimit: RateLimitState | null;
  /** Set when the browser hid this response from the page (CORS). */
  readonly cors: CorsBlock | null;
  // Verdicts the findings read, worked out once per request (the findings run over thousands of them,
  // twice a second during a burst):
  /** The request failed as the page saw it: an error status or body, a CORS block, or a network failure. */
  readonly failed: boolean;
  /** When the server said a retry may come (Retry-After, a rate-limit reset, a body hint), else null. */
  readonly serverRetryAt: number | null;
  /** The error says the same request will fail the same way (validation, auth, not found, forbidden). */
  readonly failsAgainUnchanged: boolean;
  /** The client cannot know whether the server acted on it (a 5xx, a timeout, a failure on the wire). */
  readonly outcomeUnknown: boolean;
}

/** The delay the server itself gave, as an instant; a backoff Faultline suggested is no server delay. */
function serverRetryAt(error: DecodedError | null): number | null {
  const retry = error?.retry;
  if (retry === undefined || retry.retryAt === null || retry.source === null || retry.source === 'backoff') return null;
  return retry.afterMs !== null && retry.afterMs > 0 ? retry.retryAt : null;
}

/**
 * The engine judged the error not retryable and gave no delay after which it could pass (a quota that
 * resets is retry-before-delay's business, not this); 429s and 5xx are never "fails again unchanged".
 */
function failsAgainUnchanged(error: DecodedError | null): boolean {
  if (error === null || error.status < 400 || error.status >= 500 || error.status === 429) return false;
  return !error.retry.retryable && error.retry.retryAt === null;
}

/**
 * After a 5xx or a timeout the work may have been done before the failure; after a failure on the wire
 * the response never reached the page. A 4xx refused the request before doing anything.
 */
function outcomeUnknown(status: number, transportError: string | null): boolean {
  return status >= 500 || status === 408 || status === 0 || transportError !== null;
}

/** Headers that carry who is asking: a retry that changes them is not "unchanged". */
const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'x-api-key', 'api-key', 'x-auth-token'] as const;

/** FNV-1a over UTF-16 code units: a cheap digest to compare request bodies without keeping them. */
export function digest(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${text.length.toString(36)}.${(hash >>> 0).toString(36)}`;
}

export function observe(ref: number, exchange: Exchange, analysis: Analysis): Observation {
  const request = headerMap(exchange.requestHeaders);
  const method = exchange.method.toUpperCase();
  const credentials = CREDENTIAL_HEADERS.map((name) => request.get(name) ?? '').join('\n');
  let host = '';
  try {
    host = new URL(exchange.url).host;
  } catch {
    // an unparseable URL has no host; it still has a request key
  }
  const error = analysis.error;
  const cors = corsBlock(exchange);
  const transportError = exchange.transportError ?? null;
  return {
    ref,
    method,
    url: exchange.url,
    host,
    requestKey: `${method} ${exchange.url} ${digest(exchange.requestBody ?? '')}`,
    credentialKey: credentials.trim() === '' ? '' : digest(credentials),
    idempotencyKey: idempotencyKeyOf(request),
    sentAt: Math.min(exchange.startedAt ?? exchange.receivedAt, exchange.receivedAt),
    receivedAt: exchange.receivedAt,
    status: exchange.status,
    error,
    fingerprint: error === null ? null : fingerprintOf(exchange, error),
    rateLimit: analysis.rateLimit,
    cors,
    failed: error !== null || exchange.status >= 400 || cors !== null || transportError !== null,
    serverRetryAt: serverRetryAt(error),
    failsAgainUnchanged: failsAgainUnchanged(error),
    outcomeUnknown: outcomeUnknown(exchange.status, transportError),
  };
}

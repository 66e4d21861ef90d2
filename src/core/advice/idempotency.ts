/**
 * Whether retrying could apply a request twice: POST and PATCH are not idempotent
 * unless they carry an idempotency key the server honours.
 */
import type { HeaderMap } from '../exchange.ts';

/** The draft's `Idempotency-Key` and the vendor look-alikes it lists. */
const IDEMPOTENCY_HEADERS = ['idempotency-key', 'x-idempotency-key', 'chargebee-idempotency-key', 'paypal-request-id'] as const;

const NON_IDEMPOTENT_METHODS = new Set(['POST', 'PATCH']);

export function hasIdempotencyKey(requestHeaders: HeaderMap): boolean {
  return IDEMPOTENCY_HEADERS.some((name) => (requestHeaders.get(name)?.trim() ?? '') !== '');
}

export function mayApplyTwice(method: string, requestHeaders: HeaderMap): boolean {
  return NON_IDEMPOTENT_METHODS.has(method.toUpperCase()) && !hasIdempotencyKey(requestHeaders);
}

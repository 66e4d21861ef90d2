/**
 * Whether retrying could apply a request twice: POST and PATCH are not idempotent
 * unless they carry an idempotency key the server honours.
 */
import type { HeaderMap } from '../exchange.ts';

/** The draft's `Idempotency-Key` and the vendor look-alikes it lists. */
const IDEMPOTENCY_HEADERS = ['idempotency-key', 'x-idempotency-key', 'chargebee-idempotency-key', 'paypal-request-id'] as const;

const NON_IDEMPOTENT_METHODS = new Set(['POST', 'PATCH']);

/** The key the request carried, under whichever of those names; null when none. */
export function idempotencyKeyOf(requestHeaders: HeaderMap): string | null {
  for (const name of IDEMPOTENCY_HEADERS) {
    const value = requestHeaders.get(name)?.trim() ?? '';
    if (value !== '') return value;
  }
  return null;
}

export function hasIdempotencyKey(requestHeaders: HeaderMap): boolean {
  return idempotencyKeyOf(requestHeaders) !== null;
}

/** POST and PATCH: sending one twice may do it twice (RFC 9110 defines the other methods as idempotent). */
export function isNonIdempotent(method: string): boolean {
  return NON_IDEMPOTENT_METHODS.has(method.toUpperCase());
}

export function mayApplyTwice(method: string, requestHeaders: HeaderMap): boolean {
  return isNonIdempotent(method) && !hasIdempotencyKey(requestHeaders);
}

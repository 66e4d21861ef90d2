import { isNonIdempotent } from '../../advice/idempotency.ts';
import type { Observation } from '../observation.ts';
import { refsOf, requestLabel, times } from '../attempts.ts';
import type { Finding } from '../types.ts';

function what(observation: Observation): string {
  return observation.status === 0 ? 'a network failure' : `a ${observation.status}`;
}

/** The finding about one request sent more than once (its attempts in the order sent), or null. */
export function unsafeRetry(attempts: readonly Observation[]): Finding | null {
  const cited = new Set<Observation>();
  let unsafe = 0;
  let first: Observation | null = null;
  for (let i = 1; i < attempts.length; i++) {
    const previous = attempts[i - 1];
    const next = attempts[i];
    if (previous === undefined || next === undefined || !isNonIdempotent(next.method) || !previous.outcomeUnknown) continue;
    // The same key on both is the safe retry; a fresh key per attempt is as bad as none.
    if (next.idempotencyKey !== null && next.idempotencyKey === previous.idempotencyKey) continue;
    first ??= previous;
    unsafe++;
    cited.add(previous).add(next);
  }
  if (first === null) return null;
  const keyed = first.idempotencyKey !== null;
  return {
    kind: 'unsafe-retry',
    severity: 'error',
    entries: refsOf(cited),
    message: `${requestLabel(first)} was sent again ${times(unsafe)} after ${what(first)} ${keyed ? 'with a different Idempotency-Key' : 'without an Idempotency-Key'}: if the first attempt reached the server, it may have been applied twice.`,
    advice: 'Send an Idempotency-Key (Stripe, Adyen; PayPal-Request-Id at PayPal): a UUID made once per operation and reused on every retry of it, so the server applies it once. Without one, do not retry a POST or PATCH automatically.',
  };
}

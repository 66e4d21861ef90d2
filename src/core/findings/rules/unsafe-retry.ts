import { isNonIdempotent } from '../../advice/idempotency.ts';
import type { Observation } from '../observation.ts';
import { refsOf, repeatedRequests, requestLabel, times } from '../attempts.ts';
import type { Finding } from '../types.ts';

/**
 * A failure after which the client cannot know whether the server acted: a 5xx or a timeout (the work
 * may have been done before the failure), or a failure on the wire (the response never reached the
 * page). A 4xx refused the request before doing anything, so resending one is safe (if pointless).
 */
function outcomeUnknown(observation: Observation): boolean {
  return observation.status >= 500 || observation.status === 408 || observation.status === 0 || observation.transportError !== null;
}

function what(observation: Observation): string {
  return observation.status === 0 ? 'a network failure' : `a ${observation.status}`;
}

export function unsafeRetry(observations: readonly Observation[]): Finding[] {
  const found: Finding[] = [];
  for (const attempts of repeatedRequests(observations)) {
    const cited = new Set<Observation>();
    let unsafe = 0;
    let first: Observation | null = null;
    for (let i = 1; i < attempts.length; i++) {
      const previous = attempts[i - 1];
      const next = attempts[i];
      if (previous === undefined || next === undefined || !isNonIdempotent(next.method) || !outcomeUnknown(previous)) continue;
      // The same key on both is the safe retry; a fresh key per attempt is as bad as none.
      if (next.idempotencyKey !== null && next.idempotencyKey === previous.idempotencyKey) continue;
      first ??= previous;
      unsafe++;
      cited.add(previous).add(next);
    }
    if (first === null) continue;
    const keyed = first.idempotencyKey !== null;
    found.push({
      kind: 'unsafe-retry',
      severity: 'error',
      entries: refsOf(cited),
      message: `${requestLabel(first)} was sent again ${times(unsafe)} after ${what(first)} ${keyed ? 'with a different Idempotency-Key' : 'without an Idempotency-Key'}: if the first attempt reached the server, it may have been applied twice.`,
      advice: 'Send an Idempotency-Key (Stripe, Adyen; PayPal-Request-Id at PayPal): a UUID made once per operation and reused on every retry of it, so the server applies it once. Without one, do not retry a POST or PATCH automatically.',
    });
  }
  return found;
}

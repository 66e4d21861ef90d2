import type { HeaderMap } from '../exchange.ts';
import type { DelaySource, RateLimitState } from '../model.ts';

/** A delay before which retrying is pointless, measured from the moment the response was received. */
export interface DelayReading {
  readonly afterMs: number;
  readonly source: DelaySource;
  /** False when the unit was inferred or the delay was read from a sentence. */
  readonly exact: boolean;
}

export interface DelayInput {
  readonly status: number;
  readonly headers: HeaderMap;
  readonly receivedAt: number;
  /** The parsed body (for generic hints such as `retry_after`, `retryAfterSeconds`, `retry_after_ms`). */
  readonly json: unknown;
  /** The decoded human message (for "Please retry in 20.7s", "Try again in 3 minutes"). */
  readonly message: string | null;
  /** A delay the family read from its own structure (Google RetryInfo, Kubernetes retryAfterSeconds). */
  readonly familyDelayMs: number | null;
  readonly rateLimit: RateLimitState | null;
}

/** Reads the rate-limit state of any header dialect (envelopes.md §C2–C3), or null when none is present. */
export function readRateLimit(_headers: HeaderMap, _receivedAt: number): RateLimitState | null {
  return null;
}

/** When may the client retry? Precedence of envelopes.md §C5 step 7. */
export function readRetryDelay(_input: DelayInput): DelayReading | null {
  return null;
}

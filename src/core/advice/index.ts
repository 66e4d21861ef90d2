import type { HeaderMap } from '../exchange.ts';
import type { FamilyId, FieldError, RateLimitState, RetryVerdict } from '../model.ts';
import type { DelayReading } from '../ratelimit/index.ts';

export interface AdviceInput {
  readonly status: number;
  readonly method: string;
  readonly requestHeaders: HeaderMap;
  readonly format: FamilyId;
  readonly errorIn2xx: boolean;
  readonly code: string | null;
  readonly subcode: string | null;
  readonly message: string;
  readonly fieldErrors: readonly FieldError[];
  readonly missingScope: string | null;
  readonly throttled: boolean;
  readonly notRetryable: boolean;
  readonly delay: DelayReading | null;
  readonly rateLimit: RateLimitState | null;
  readonly receivedAt: number;
}

export interface Advice {
  readonly retry: RetryVerdict;
  /** One or two specific sentences a developer can act on. */
  readonly advice: string;
}

/** Retry verdict and advice for a decoded error (envelopes.md §D). */
export function advise(input: AdviceInput): Advice {
  const retryable = input.status >= 500 || input.status === 429;
  return {
    retry: {
      retryable,
      afterMs: input.delay?.afterMs ?? null,
      retryAt: input.delay === null ? null : input.receivedAt + input.delay.afterMs,
      source: input.delay?.source ?? null,
      exact: input.delay?.exact ?? false,
      backoff: null,
      idempotencyWarning: false,
    },
    advice: retryable ? 'Retry later.' : 'Do not retry as is.',
  };
}

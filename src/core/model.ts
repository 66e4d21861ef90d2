/**
 * The normalized model every envelope family decodes into (docs/engine.md says how).
 */
import type { PipelineFamilyId } from './analyze.ts';
import type { RegisteredFamilyId } from './families/index.ts';

/**
 * Stable ids of the envelope families; they are what the CLI prints as `format`. Derived from the registry
 * (families/index.ts: each family's id and declared variants) plus the ids the pipeline itself reports (analyze.ts).
 */
export type FamilyId = RegisteredFamilyId | PipelineFamilyId;

export interface FieldError {
  /** JSON Pointer into the request (`/items/0/qty`), or the API's own path string when no pointer fits. */
  readonly path: string;
  readonly message: string;
  readonly code?: string | undefined;
}

/** Where a retry delay came from, and so how far to trust it. */
export type DelaySource =
  | 'retry-after'
  | 'retry-after-ms'
  | 'body'
  | 'ratelimit-header'
  | 'reset-header'
  | 'vendor-duration'
  | 'message-text'
  /** Computed: (cost − points available) ÷ the refill rate a points bucket in the body states. */
  | 'refill-rate'
  | 'backoff';

export interface RateLimitState {
  /** The bucket this state belongs to: header dialect + bucket/resource/policy name when the API gives one. */
  readonly bucket: string;
  readonly limit: number | null;
  readonly remaining: number | null;
  /** Epoch ms at which the window resets, on the server's clock corrected to the receiver's. */
  readonly resetAt: number | null;
  /** Window length in seconds when the API says it (`w=60`, `;window=60`). */
  readonly windowSeconds: number | null;
  /** The header dialect that produced this (e.g. `x-ratelimit`, `ratelimit-structured`, `github`, `openai`). */
  readonly dialect: string;
}

export interface RetryVerdict {
  readonly retryable: boolean;
  /** Delay in ms, measured from `receivedAt`, before which a retry is pointless; null when none is known. */
  readonly afterMs: number | null;
  /** Epoch ms = receivedAt + afterMs, the instant the countdown runs to. */
  readonly retryAt: number | null;
  readonly source: DelaySource | null;
  /** True when the delay is exact (server said so) rather than inferred from a unit guess or a sentence. */
  readonly exact: boolean;
  /** How to retry when the server gave no delay (backoff plan), or null when retrying is wrong. */
  readonly backoff: BackoffPlan | null;
  /** The request was not idempotent and carried no Idempotency-Key: retrying may apply it twice. */
  readonly idempotencyWarning: boolean;
}

export interface BackoffPlan {
  readonly strategy: 'full-jitter';
  readonly baseMs: number;
  readonly capMs: number;
  readonly maxAttempts: number;
}

export interface DecodedError {
  readonly format: FamilyId;
  /** Runner-up family when two fitted (UI: "also looks like"). */
  readonly alsoLike: FamilyId | null;
  readonly status: number;
  /** True for errors carried by a 1xx–3xx response (GraphQL errors, Slack ok:false, JSON-RPC error…). */
  readonly errorIn2xx: boolean;
  /** Machine code as a string (numeric codes stringified), or null. */
  readonly code: string | null;
  /** Second-level code (Stripe decline_code, Google ErrorInfo.reason under status, OData innererror…). */
  readonly subcode: string | null;
  readonly title: string | null;
  /** The best single human sentence. Never empty: falls back to the status phrase. */
  readonly message: string;
  readonly fieldErrors: readonly FieldError[];
  readonly requestId: string | null;
  /** Only http(s) URLs; never about:blank. */
  readonly docsUrl: string | null;
  readonly rateLimit: RateLimitState | null;
  readonly retry: RetryVerdict;
  /** One or two sentences a developer can act on. */
  readonly advice: string;
  /** Why the body could not be fully read (too large, binary, invalid UTF-8, nested too deep…), else null. */
  readonly bodyNote: string | null;
}

/** What the engine says about one exchange: an error (or not), and any rate-limit state it revealed. */
export interface Analysis {
  readonly error: DecodedError | null;
  /** Rate-limit state seen on this response, error or not (the panel learns limits from successes too). */
  readonly rateLimit: RateLimitState | null;
  /** Set for "not ready yet" answers (202 + retry_after, 202 + Retry-After): pending, not an error. */
  readonly pending: { readonly retryAt: number | null } | null;
}

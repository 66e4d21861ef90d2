/**
 * Rate-limit state and retry delays from any header dialect (envelopes.md §C). Everything is measured
 * from the moment the response was received, on the server's clock corrected to the receiver's, so a
 * HAR decoded a week later gives the same answers.
 */
import type { HeaderMap } from '../exchange.ts';
import type { RateLimitState } from '../model.ts';
import { readBodyHint } from './body-hints.ts';
import type { DelayReading } from './delay.ts';
import { readMetaUsage } from './dialects/meta-usage.ts';
import { readNamedDimensions } from './dialects/named-dimensions.ts';
import { readRateLimitDraft } from './dialects/ratelimit-draft.ts';
import { readShopify } from './dialects/shopify.ts';
import { readStructured } from './dialects/structured.ts';
import { readXRateLimit } from './dialects/x-ratelimit.ts';
import { readMessageDelay } from './message-text.ts';
import { bindingLimits, latestReset, pickForDisplay } from './pick.ts';
import type { Dialect, LimitReading, ResetSource } from './reading.ts';
import { readRetryAfter } from './retry-after.ts';
import { clampDelay } from './values.ts';

export type { DelayReading } from './delay.ts';

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
}

/** Dialects in the order their readings win ties: the IETF fields first, vendor spellings after. */
const DIALECTS: readonly Dialect[] = [readStructured, readRateLimitDraft, readXRateLimit, readNamedDimensions, readShopify, readMetaUsage];

/** §C5 step 7.3–7.5: which kinds of reset count as a retry delay, in precedence order. */
const RESET_PRECEDENCE: readonly ResetSource[] = ['ratelimit-header', 'reset-header', 'vendor-duration'];

function readAllLimits(headers: HeaderMap, receivedAt: number): LimitReading[] {
  const companionMs = readRetryAfter(headers, receivedAt)?.afterMs ?? null;
  return DIALECTS.flatMap((dialect) => dialect({ headers, receivedAt, companionMs }));
}

/** Reads the rate-limit state of any header dialect (envelopes.md §C2–C3), or null when none is present. */
export function readRateLimit(headers: HeaderMap, receivedAt: number): RateLimitState | null {
  return pickForDisplay(readAllLimits(headers, receivedAt))?.state ?? null;
}

function fromFamily(ms: number | null): DelayReading | null {
  return ms === null || !Number.isFinite(ms) ? null : { afterMs: clampDelay(ms), source: 'body', exact: true };
}

/** A reset is a retry delay only for a limit that is exhausted (or, on a 429, any limit). */
function fromLimits(input: DelayInput): DelayReading | null {
  const binding = bindingLimits(readAllLimits(input.headers, input.receivedAt), input.status);
  for (const source of RESET_PRECEDENCE) {
    const reading = latestReset(binding.filter((r) => r.resetSource === source));
    const resetAt = reading?.state.resetAt ?? null;
    if (reading !== null && resetAt !== null) return { afterMs: clampDelay(resetAt - input.receivedAt), source, exact: reading.resetExact };
  }
  return null;
}

/** When may the client retry? Precedence of envelopes.md §C5 step 7. */
export function readRetryDelay(input: DelayInput): DelayReading | null {
  return (
    readRetryAfter(input.headers, input.receivedAt) ??
    fromFamily(input.familyDelayMs) ??
    readBodyHint(input.json, input.headers, input.receivedAt) ??
    fromLimits(input) ??
    readMessageDelay(input.message)
  );
}

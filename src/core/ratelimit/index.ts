/**
 * Rate-limit state and retry delays from any header dialect (docs/engine.md, "Rate limits"). Everything is measured
 * from the moment the response was received, on the server's clock corrected to the receiver's, so a
 * HAR decoded a week later gives the same answers.
 */
import type { HeaderMap } from '../exchange.ts';
import type { RateLimitState } from '../model.ts';
import { readBodyHint } from './body-hints.ts';
import { readBodyQuotas } from './body-quota.ts';
import type { DelayReading } from './delay.ts';
import { metaUsage } from './dialects/meta-usage.ts';
import { namedDimensions } from './dialects/named-dimensions.ts';
import { rateLimitDraft } from './dialects/ratelimit-draft.ts';
import { shopify } from './dialects/shopify.ts';
import { structured } from './dialects/structured.ts';
import { xRateDashLimit, xRateLimit } from './dialects/x-ratelimit.ts';
import { vendorPrefixed } from './dialects/vendor-prefixed.ts';
import { readMessageDelay } from './message-text.ts';
import { readRefillWait } from './refill.ts';
import { bindingLimits, latestReset, pickForDisplay } from './pick.ts';
import type { Dialect, LimitReading, ResetSource } from './reading.ts';
import { RETRY_HEADER_NAMES, readRetryAfter } from './retry-after.ts';
import { clampDelay } from './values.ts';

export type { DelayReading } from './delay.ts';

/**
 * Everything the rate-limit headers of one response say, read once: the limits of every dialect, the
 * explicit retry delay (Retry-After and siblings) and the state to display. The displayed state, the
 * retry delay of an error and the "not ready yet" time of a 202 all derive from this one report.
 */
export interface RateLimitReport {
  readonly limits: readonly LimitReading[];
  readonly retryAfter: DelayReading | null;
  readonly state: RateLimitState | null;
}

export interface DelayInput {
  readonly status: number;
  readonly report: RateLimitReport;
  readonly headers: HeaderMap;
  readonly receivedAt: number;
  /** The parsed body (for generic hints such as `retry_after`, `retryAfterSeconds`, `retry_after_ms`). */
  readonly json: unknown;
  /** The decoded human message (for "Please retry in 20.7s", "Try again in 3 minutes", "try after <time>"). */
  readonly message: string | null;
  /** A delay the family read from its own structure (Google RetryInfo, Kubernetes retryAfterSeconds). */
  readonly familyDelayMs: number | null;
}

/** Dialects in the order their readings win ties: the IETF fields first, vendor spellings after. */
const DIALECTS: readonly Dialect[] = [structured, rateLimitDraft, xRateLimit, xRateDashLimit, namedDimensions, shopify, metaUsage, vendorPrefixed];

/** Any header name a dialect or the retry headers read: most responses have none, and their report is read in one pass over the names. */
const ANY_LIMIT_HEADER = new RegExp([...DIALECTS.map((d) => d.names), RETRY_HEADER_NAMES].map((names) => `(?:${names.source})`).join('|'));

const EMPTY_REPORT: RateLimitReport = { limits: [], retryAfter: null, state: null };

function hasHeader(headers: HeaderMap, names: RegExp): boolean {
  for (const name of headers.keys()) if (names.test(name)) return true;
  return false;
}

/** Which kinds of reset count as a retry delay, in precedence order: `RateLimit t`/`Reset-After`, a `*-Reset` header, a vendor duration. */
const RESET_PRECEDENCE: readonly ResetSource[] = ['ratelimit-header', 'reset-header', 'vendor-duration'];

function reportOf(limits: readonly LimitReading[], retryAfter: DelayReading | null): RateLimitReport {
  return { limits, retryAfter, state: pickForDisplay(limits)?.state ?? null };
}

/** Reads the rate-limit headers of a response, every dialect, once. */
export function readRateLimitReport(headers: HeaderMap, receivedAt: number): RateLimitReport {
  if (!hasHeader(headers, ANY_LIMIT_HEADER)) return EMPTY_REPORT;
  const retryAfter = hasHeader(headers, RETRY_HEADER_NAMES) ? readRetryAfter(headers, receivedAt) : null;
  const companionMs = retryAfter?.afterMs ?? null;
  return reportOf(
    DIALECTS.flatMap((dialect) => (hasHeader(headers, dialect.names) ? dialect.read({ headers, receivedAt, companionMs }) : [])),
    retryAfter,
  );
}

/** The report with the quota objects an error body states (limit / remaining / reset) added to the header limits. */
export function withBodyQuotas(report: RateLimitReport, json: unknown, headers: HeaderMap, receivedAt: number): RateLimitReport {
  const quotas = readBodyQuotas(json, headers, receivedAt);
  return quotas.length === 0 ? report : reportOf([...report.limits, ...quotas], report.retryAfter);
}

/** The rate-limit state of any header dialect, or null when none is present. */
export function readRateLimit(headers: HeaderMap, receivedAt: number): RateLimitState | null {
  return readRateLimitReport(headers, receivedAt).state;
}

function fromFamily(ms: number | null): DelayReading | null {
  return ms === null || !Number.isFinite(ms) ? null : { afterMs: clampDelay(ms), source: 'body', exact: true };
}

/** A reset is a retry delay only for a limit that is exhausted (or, on a 429, any limit). */
function fromLimits(input: DelayInput): DelayReading | null {
  const binding = bindingLimits(input.report.limits, input.status);
  for (const source of RESET_PRECEDENCE) {
    const reading = latestReset(binding.filter((r) => r.resetSource === source));
    const resetAt = reading?.state.resetAt ?? null;
    if (reading !== null && resetAt !== null) return { afterMs: clampDelay(resetAt - input.receivedAt), source, exact: reading.resetExact };
  }
  return null;
}

/**
 * When may the client retry? The server's explicit retry header first, then a delay the family read from its
 * own structure, a retry hint in the body, the reset of an exhausted limit, the time a points bucket in the body
 * needs to refill to the request's cost, and last a sentence in the message.
 */
export function readRetryDelay(input: DelayInput): DelayReading | null {
  const stated = input.report.retryAfter ?? fromFamily(input.familyDelayMs);
  if (stated !== null) return stated;
  const hint = readBodyHint(input.json, input.headers, input.receivedAt);
  const reset = fromLimits(input);
  // A body hint whose unit was guessed (`retry_after: 19`, seconds or ms?) yields to an exact reset header.
  if (hint !== null && (hint.exact || reset === null || !reset.exact)) return hint;
  return reset ?? readRefillWait(input.json) ?? readMessageDelay(input.message, input.headers, input.receivedAt);
}

/** When a "not ready yet" answer (a 202) says to ask again: its retry header or a body hint, or null. */
export function readPendingDelay(report: RateLimitReport, json: unknown, headers: HeaderMap, receivedAt: number): DelayReading | null {
  return report.retryAfter ?? readBodyHint(json, headers, receivedAt);
}

/**
 * Explicit retry headers: `Retry-After` as delta seconds (decimals
 * tolerated) or an HTTP-date, and its millisecond siblings, which win when both are present because
 * the OpenAI, Anthropic and Azure SDKs read them first.
 */
import type { HeaderMap } from '../exchange.ts';
import { toReceiverClock } from './clock.ts';
import { parseAbsoluteTime } from './dates.ts';
import type { DelayReading } from './delay.ts';
import { clampDelay, parseDecimal } from './values.ts';

/** Non-standard headers that always carry delta milliseconds, in the order SDKs consult them. */
const MS_HEADERS = ['retry-after-ms', 'x-ms-retry-after-ms', 'x-amz-retry-after', 'grpc-retry-pushback-ms'] as const;

/** The names of every header read here: a response without one has no explicit retry delay. */
export const RETRY_HEADER_NAMES = /retry/;

/** NestJS named throttlers suffix the header (`Retry-After-short`); MailerLite sends `X-RateLimit-Retry-After`. */
const SUFFIXED_RETRY_AFTER = /^retry-after-(?!ms$)[a-z0-9_-]+$/;

function fromMsHeaders(headers: HeaderMap): DelayReading | null {
  for (const name of MS_HEADERS) {
    const ms = parseDecimal(headers.get(name));
    // gRPC pushback: a negative value means "do not retry", not "retry now"; it is no delay at all.
    if (ms === null || (ms < 0 && name === 'grpc-retry-pushback-ms')) continue;
    return { afterMs: clampDelay(ms), source: 'retry-after-ms', exact: true };
  }
  return null;
}

/** One `Retry-After`-style value: delta seconds or an absolute time (delay = time − server's `Date`). */
function fromRetryAfterValue(value: string | undefined, headers: HeaderMap, receivedAt: number): number | null {
  if (value === undefined) return null;
  const seconds = parseDecimal(value);
  if (seconds !== null) return clampDelay(seconds * 1000);
  // RFC 9110 allows an HTTP-date; some APIs send ISO 8601 instead (Zoom's daily limit), which means the same.
  const date = parseAbsoluteTime(value, receivedAt);
  return date === null ? null : clampDelay(toReceiverClock(date, headers, receivedAt) - receivedAt);
}

/** Suffixed variants: when several named throttlers answer, the longest wait governs. */
function fromSuffixedHeaders(headers: HeaderMap, receivedAt: number): number | null {
  let longest: number | null = null;
  for (const [name, value] of headers) {
    if (!SUFFIXED_RETRY_AFTER.test(name) && name !== 'x-ratelimit-retry-after') continue;
    const ms = fromRetryAfterValue(value, headers, receivedAt);
    if (ms !== null && (longest === null || ms > longest)) longest = ms;
  }
  return longest;
}

/** The delay the explicit retry headers state, or null when there are none (or none parse). */
export function readRetryAfter(headers: HeaderMap, receivedAt: number): DelayReading | null {
  const ms = fromMsHeaders(headers);
  if (ms !== null) return ms;
  const plain = fromRetryAfterValue(headers.get('retry-after'), headers, receivedAt) ?? fromSuffixedHeaders(headers, receivedAt);
  return plain === null ? null : { afterMs: plain, source: 'retry-after', exact: true };
}

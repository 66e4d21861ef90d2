/**
 * Backoff plans for when the server gave no delay: full jitter,
 * `sleep = random(0, min(cap, base · 2^attempt))`, with a bounded number of attempts.
 */
import type { BackoffPlan } from '../model.ts';
import { formatDuration } from './duration.ts';

/** Transient server errors: Restore Hub's "retry with jitter, max 3 attempts"; botocore and the OpenAI SDK also stop at 3. */
export const TRANSIENT_BACKOFF: BackoffPlan = { strategy: 'full-jitter', baseMs: 500, capMs: 20_000, maxAttempts: 3 };

/** Throttling without a stated delay (AWS codes, bodiless 429s): slower start, more patience. */
export const THROTTLE_BACKOFF: BackoffPlan = { strategy: 'full-jitter', baseMs: 1000, capMs: 60_000, maxAttempts: 5 };

/** The origin itself is down (Cloudflare 521–523): retrying in milliseconds only adds load. */
export const ORIGIN_DOWN_BACKOFF: BackoffPlan = { strategy: 'full-jitter', baseMs: 5000, capMs: 120_000, maxAttempts: 3 };

/** A hosting bandwidth quota (509) refills in hours. */
export const HOURS_BACKOFF: BackoffPlan = { strategy: 'full-jitter', baseMs: 15 * 60_000, capMs: 6 * 3_600_000, maxAttempts: 3 };

export function describeBackoff(plan: BackoffPlan): string {
  return `retry with exponential backoff and full jitter (a random wait up to ${formatDuration(plan.baseMs)}, doubling to at most ${formatDuration(plan.capMs)}), at most ${plan.maxAttempts} attempts`;
}

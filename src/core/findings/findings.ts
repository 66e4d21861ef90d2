import { repeatedRequests } from './attempts.ts';
import type { Observation } from './observation.ts';
import { corsHidden } from './rules/cors-hidden.ts';
import { noBackoff } from './rules/no-backoff.ts';
import { quotaBurn } from './rules/quota-burn.ts';
import { retriedNonRetryable } from './rules/retried-non-retryable.ts';
import { retryBeforeDelay } from './rules/retry-before-delay.ts';
import { unsafeRetry } from './rules/unsafe-retry.ts';
import { severityRank, type Finding } from './types.ts';

const RULES = [retryBeforeDelay, unsafeRetry, noBackoff, retriedNonRetryable, corsHidden, quotaBurn] as const;

/**
 * What the client did wrong, read from a timeline of requests (successes included): the most severe
 * first, then in the order of the first request each cites. Linear in the timeline but for sorting.
 */
export function findingsOf(observations: readonly Observation[]): Finding[] {
  const timeline = { observations, repeated: repeatedRequests(observations) };
  const found = RULES.flatMap((rule) => rule(timeline));
  return found.sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || (a.entries[0] ?? 0) - (b.entries[0] ?? 0));
}

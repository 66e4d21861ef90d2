import { repeatedRequests } from './attempts.ts';
import type { Observation } from './observation.ts';
import { corsHidden } from './rules/cors-hidden.ts';
import { noBackoff } from './rules/no-backoff.ts';
import { quotaBurn } from './rules/quota-burn.ts';
import { retriedNonRetryable } from './rules/retried-non-retryable.ts';
import { retryBeforeDelay } from './rules/retry-before-delay.ts';
import { unsafeRetry } from './rules/unsafe-retry.ts';
import { severityRank, type Finding } from './types.ts';

/** Rules about one request sent more than once, given its attempts in the order sent. */
const PER_REQUEST = [retryBeforeDelay, unsafeRetry, noBackoff, retriedNonRetryable] as const;
/** Rules over the whole timeline. */
const OVER_TIMELINE = [corsHidden, quotaBurn] as const;

/**
 * The findings about each repeated request, kept from one run to the next while its attempts stay the
 * same: a live timeline re-runs the findings as requests arrive, and most requests did not change.
 */
export type FindingsMemo = Map<string, { readonly signature: string; readonly findings: readonly Finding[] }>;

/** Names a set of attempts: refs only grow, so a request that gained or lost one has another signature. */
function signatureOf(attempts: readonly Observation[]): string {
  let sum = 0;
  for (const attempt of attempts) sum += attempt.ref;
  return `${attempts.length}:${attempts[0]?.ref ?? ''}:${attempts.at(-1)?.ref ?? ''}:${sum}`;
}

/**
 * What the client did wrong, read from a timeline of requests (successes included): the most severe
 * first, then in the order of the first request each cites. Linear in the timeline but for sorting;
 * with a memo, the rules run again only for the requests whose attempts changed.
 */
export function findingsOf(observations: readonly Observation[], memo?: FindingsMemo): Finding[] {
  const found: Finding[] = [];
  const kept: FindingsMemo = new Map();
  for (const attempts of repeatedRequests(observations)) {
    const key = attempts[0]?.requestKey ?? '';
    const signature = signatureOf(attempts);
    const known = memo?.get(key);
    const findings = known?.signature === signature ? known.findings : PER_REQUEST.flatMap((rule) => rule(attempts) ?? []);
    kept.set(key, { signature, findings });
    found.push(...findings);
  }
  if (memo !== undefined) {
    memo.clear();
    for (const [key, value] of kept) memo.set(key, value);
  }
  for (const rule of OVER_TIMELINE) found.push(...rule(observations));
  return found.sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || (a.entries[0] ?? 0) - (b.entries[0] ?? 0));
}

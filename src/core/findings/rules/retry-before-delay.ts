import { delaySourceLabels } from '../../delay-source.ts';
import type { Observation } from '../observation.ts';
import { duration, refsOf, requestLabel, statusLabel, times } from '../attempts.ts';
import type { Finding } from '../types.ts';

/** Clocks of one recording agree, but the server rounds its delay: a retry this close to the end is on time. */
const ON_TIME_SLACK_MS = 50;

/** The finding about one request sent more than once (its attempts in the order sent), or null. */
export function retryBeforeDelay(attempts: readonly Observation[]): Finding | null {
  const cited = new Set<Observation>();
  let early = 0;
  let first: { gap: number; wait: number; after: Observation } | null = null;
  for (let i = 1; i < attempts.length; i++) {
    const previous = attempts[i - 1];
    const next = attempts[i];
    if (previous === undefined || next === undefined) continue;
    const retryAt = previous.serverRetryAt;
    if (retryAt === null || next.sentAt >= retryAt - ON_TIME_SLACK_MS) continue;
    early++;
    cited.add(previous).add(next);
    first ??= { gap: next.sentAt - previous.receivedAt, wait: retryAt - previous.receivedAt, after: previous };
  }
  if (first === null) return null;
  const source = first.after.error?.retry.source;
  const named = source === null || source === undefined ? '' : ` (${delaySourceLabels[source]})`;
  return {
    kind: 'retry-before-delay',
    severity: 'error',
    entries: refsOf(cited),
    message: `${requestLabel(first.after)} was sent again ${times(early)} before the server\u2019s delay had passed: ${duration(first.gap)} after a ${statusLabel(first.after)} that asked to wait ${duration(first.wait)}${named}.`,
    advice: 'Wait out the delay the response gives (Retry-After, the rate-limit reset, or the body\u2019s retry hint) before sending the request again: an early retry fails too, uses up the limit, and some APIs (Discord, GitHub) lengthen the block or ban for it.',
  };
}

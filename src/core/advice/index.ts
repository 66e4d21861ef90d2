/**
 * Retry verdict and advice for a decoded error: whether to retry, when (the
 * server's delay, or a bounded full-jitter backoff), whether a retry could apply the request twice,
 * and one or two sentences a developer can act on.
 */
import type { HeaderMap } from '../exchange.ts';
import { delaySourceLabels } from '../delay-source.ts';
import type { FamilyId, FieldError, RateLimitState, RetryVerdict } from '../model.ts';
import type { DelayReading } from '../ratelimit/index.ts';
import { describeBackoff } from './backoff.ts';
import { formatDuration } from './duration.ts';
import { mayApplyTwice } from './idempotency.ts';
import { judge, throttleNote, type Judgement } from './judge.ts';
import { QUOTA_WINDOW_MS } from './situations.ts';
import type { ServerRetryDirective } from './server-directive.ts';

export interface AdviceInput {
  readonly status: number;
  readonly method: string;
  readonly requestHeaders: HeaderMap;
  /** The failed request was itself a token refresh (`grant_type=refresh_token`), so the refresh token is what failed. */
  readonly refreshGrant: boolean;
  /** The response headers (WWW-Authenticate, Allow) the advice names. */
  readonly responseHeaders: HeaderMap;
  readonly format: FamilyId;
  readonly errorIn2xx: boolean;
  readonly code: string | null;
  readonly subcode: string | null;
  readonly message: string;
  readonly fieldErrors: readonly FieldError[];
  readonly missingScope: string | null;
  readonly throttled: boolean;
  readonly notRetryable: boolean;
  /** The server's own word on retrying (Stripe-Should-Retry, x-should-retry), which overrides ours. */
  readonly serverRetry: ServerRetryDirective | null;
  readonly delay: DelayReading | null;
  readonly rateLimit: RateLimitState | null;
  readonly receivedAt: number;
}

export interface Advice {
  readonly retry: RetryVerdict;
  /** One or two specific sentences a developer can act on. */
  readonly advice: string;
}

function capitalize(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/**
 * The wait, relative to the retry countdown every surface shows next to the advice (the panel and the
 * popup tick it down, the CLI prints it): a duration written here would be frozen at the response and
 * contradict the countdown a minute later. A far reset is given as a clock time, which stays true however
 * late it is read.
 */
function waitClause(delay: DelayReading, receivedAt: number): string {
  const label = delaySourceLabels[delay.source];
  if (delay.afterMs > QUOTA_WINDOW_MS) {
    const at = new Date(receivedAt + delay.afterMs).toISOString().replace('T', ' ').replace(/:\d{2}\.\d{3}Z$/, ' UTC');
    return `don't auto-retry: the limit resets at ${at} (${formatDuration(delay.afterMs)} after the response, ${label}), a quota window rather than a short throttle`;
  }
  if (delay.afterMs === 0) return `the server allows retrying now (${label}), but wait a second and back off if it fails again`;
  return `wait until the retry countdown ends (${label}${delay.exact ? '' : ', estimated'}), then retry`;
}

function timingSentence(input: AdviceInput, judgement: Judgement, warnTwice: boolean): string {
  const clauses = [input.delay === null ? describeBackoff(judgement.plan) : waitClause(input.delay, input.receivedAt)];
  if (judgement.throttled) clauses.push(throttleNote(input));
  if (warnTwice) clauses.push(`this ${input.method.toUpperCase()} carried no Idempotency-Key, so a retry may apply it twice`);
  return `${capitalize(clauses.join('; '))}.`;
}

function adviceText(input: AdviceInput, judgement: Judgement, warnTwice: boolean): string {
  if (!judgement.retryable) return judgement.lead ?? capitalize(`${throttleNote(input)}.`);
  const timing = timingSentence(input, judgement, warnTwice);
  return judgement.lead === null ? timing : `${judgement.lead} ${timing}`;
}

/** Retry verdict and advice for a decoded error. */
export function advise(input: AdviceInput): Advice {
  const judgement = judge(input);
  const { delay, receivedAt } = input;
  const retryable = judgement.retryable;
  // A refused request (4xx, 429, an error in a 2xx) was not applied: only a server failure may have been.
  const warnTwice = retryable && input.status >= 500 && mayApplyTwice(input.method, input.requestHeaders);
  const backoff = retryable && delay === null ? judgement.plan : null;
  return {
    retry: {
      retryable,
      afterMs: delay?.afterMs ?? null,
      retryAt: delay === null ? null : receivedAt + delay.afterMs,
      source: delay?.source ?? (backoff === null ? null : 'backoff'),
      exact: delay?.exact ?? false,
      backoff,
      idempotencyWarning: warnTwice,
    },
    advice: adviceText(input, judgement, warnTwice),
  };
}

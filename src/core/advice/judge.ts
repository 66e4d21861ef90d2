/**
 * Decides whether an error is worth retrying and what to say first, from the most specific signal
 * down: the body saying waiting won't help, the code catalog, gRPC codes,
 * throttling hidden behind 400/403, vendor-specific retry rules, then the status.
 */
import { findCode } from '../catalog/index.ts';
import type { BackoffPlan } from '../model.ts';
import { THROTTLE_BACKOFF, TRANSIENT_BACKOFF } from './backoff.ts';
import { grpcCodeOf } from './grpc-codes.ts';
import { hasIdempotencyKey, mayApplyTwice } from './idempotency.ts';
import type { AdviceInput } from './index.ts';
import { QUOTA_WINDOW_MS, recognizeSituation, saysThrottled } from './situations.ts';
import { statusRule, type StatusRetry } from './status-rules.ts';


/** Discord's docs: these 5xx "should be retried with a backoff", counting attempts in X-Failed-Requests (seed 003). */
const DISCORD_RETRY_STATUSES = new Set([502, 504, 507, 522, 523, 524]);

export interface Judgement {
  readonly retryable: boolean;
  /** How to retry when the server states no delay. */
  readonly plan: BackoffPlan;
  /** The first sentence of the advice; null when the advice should lead with the wait (plain throttling). */
  readonly lead: string | null;
  /** Throttling: the advice leads with the wait. */
  readonly throttled: boolean;
}

const NOT_RETRYABLE = 'Waiting will not help: the account\'s quota, plan or billing limit is used up; check usage and billing, or raise the limit.';
const QUOTA_EXHAUSTED =
  'The quota is exhausted (RESOURCE_EXHAUSTED) and the server gave no retry delay: it may take hours to refill and retries may be billed, so check the quota and request more instead of retrying.';

/** Throttling: a 429, the family's word, the message's words, or an exhausted limit next to an error. */
function isThrottled(input: AdviceInput): boolean {
  if (input.throttled || input.status === 429) return true;
  return input.rateLimit?.remaining === 0 || saysThrottled(input);
}

function statusAllows(retry: StatusRetry, input: AdviceInput): boolean {
  switch (retry) {
    case 'yes':
      return true;
    case 'if-delay':
      return input.delay !== null;
    case 'if-idempotent':
      return !mayApplyTwice(input.method, input.requestHeaders);
    case 'if-keyed':
      return hasIdempotencyKey(input.requestHeaders);
    default:
      return false;
  }
}

/** What the limit state adds to a throttling sentence, e.g. that a 403 is a limit, not a permission problem. */
export function throttleNote(input: AdviceInput): string {
  const state = input.rateLimit;
  const left = state?.remaining === null || state?.remaining === undefined ? null : `${state.remaining}${state.limit === null ? '' : ` of ${state.limit}`} left in ${state.bucket}`;
  const disguise = input.status === 429 ? null : `this ${input.status} is a rate limit, not ${input.status === 403 ? 'a permissions problem' : 'a bad request'}`;
  const parts = [left, disguise].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join('; ') : 'retrying sooner fails again and can prolong the limit';
}

/** The server's retry header decides; our own reasoning follows it where it agrees (overruled, it would argue the other way). */
function obeyServer(judgement: Judgement, input: AdviceInput): Judgement {
  const directive = input.serverRetry;
  if (directive === null) return judgement;
  const applied = input.status >= 500 ? ': it may already have been applied, so check its outcome before sending it again' : '';
  const said = directive.retry
    ? `The server says to retry this request (${directive.header}: true).`
    : `The server says not to retry this request (${directive.header}: false)${applied}.`;
  const agrees = directive.retry === judgement.retryable;
  const lead = agrees && judgement.lead !== null ? `${said} ${judgement.lead}` : said;
  return { ...judgement, retryable: directive.retry, lead, throttled: directive.retry && judgement.throttled };
}

export function judge(input: AdviceInput): Judgement {
  return obeyServer(judgeByClient(input), input);
}

function judgeByClient(input: AdviceInput): Judgement {
  const rule = statusRule(input.status);
  const throttled = isThrottled(input);
  const plan = throttled ? THROTTLE_BACKOFF : (rule.backoff ?? TRANSIENT_BACKOFF);
  const entry = input.code === null ? null : findCode(input.code, { format: input.format, status: input.status });
  // A body that names the missing scope is more specific than the catalog's text about the code.
  const catalogAdvice = entry === null || entry.advice.trim() === '' || input.missingScope !== null ? null : entry.advice.trim();
  // The fields themselves are in the field table next to the advice; the advice does not repeat them.
  const catalogLead = catalogAdvice;
  const lead = (fallback: string): string => catalogLead ?? fallback;

  if (input.notRetryable) return { retryable: false, plan, lead: lead(NOT_RETRYABLE), throttled: false };
  const situation = recognizeSituation(input);
  if (situation !== null) return situation;
  // gRPC-family codes decide from their one table, before any catalog entry or status rule.
  const grpc = grpcCodeOf(input.format, input.code, input.subcode);
  if (grpc?.grpcRetry === 'with-delay') {
    const retryable = input.delay !== null && input.delay.afterMs <= QUOTA_WINDOW_MS;
    return { retryable, plan, lead: retryable ? 'The quota or rate limit is exhausted (RESOURCE_EXHAUSTED).' : QUOTA_EXHAUSTED, throttled: retryable };
  }
  if (grpc !== null && grpc.number !== 0) return { retryable: grpc.grpcRetry !== 'no', plan: TRANSIENT_BACKOFF, lead: grpc.advice, throttled: false };
  if (entry !== null && entry.retry !== 'conditional') {
    return { retryable: entry.retry !== 'no', plan, lead: lead(rule.guidance(input)), throttled };
  }

  if (throttled) return { retryable: true, plan, lead: catalogLead, throttled: true };
  if (input.format === 'discord' && DISCORD_RETRY_STATUSES.has(input.status)) {
    const guidance = 'Discord asks for this to be retried with backoff, sending the X-Failed-Requests request header with the number of failed attempts so far.';
    return { retryable: true, plan: TRANSIENT_BACKOFF, lead: lead(guidance), throttled: false };
  }
  return { retryable: statusAllows(rule.retry, input), plan, lead: lead(rule.guidance(input)), throttled: false };
}

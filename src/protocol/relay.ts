import type { DecodedError, DelaySource, FieldError, RateLimitState, RetryVerdict } from '../core/model.ts';
import { asFields, isBoolean, isNumber, isString, numberOrNull, stringOrNull } from './validate.ts';

/**
 * The popup relay's messages (src/capture/recent-relay.ts carries them over a BroadcastChannel):
 *
 *   popup → panels  ask    {session}                 "I am open: send me your errors"
 *   panel → popups  errors {panel, errors}           a panel's latest errors, newest first (on ask, then on change)
 *   popup → panels  bye    {session}                 the popup closed: stop pushing for it
 *   panel → popups  gone   {panel}                   the panel closed: forget its errors
 */

/**
 * A kind of error the open DevTools panels decoded (one per fingerprint, as the panel groups them), as
 * the extension relays it to the popup: the newest one, how many there were and since when.
 */
export interface RecentError {
  readonly url: string;
  readonly method: string;
  readonly status: number;
  readonly decoded: DecodedError;
  readonly count: number;
  /** Epoch ms of the first of them. */
  readonly firstAt: number;
}

/** Receives the whole current list on every delivery, the most recently seen first. */
export type RecentErrorsListener = (errors: readonly RecentError[]) => void;

/** Errors a panel relays and the popup shows: the popup's list is as long as one panel's. */
export const RECENT_LIMIT = 20;

/** A recent error with the instant its response arrived, to merge several panels' lists newest first. */
export interface RelayedError extends RecentError {
  readonly at: number;
}

export type RelayMessage =
  | { readonly kind: 'ask'; readonly session: string }
  | { readonly kind: 'bye'; readonly session: string }
  | { readonly kind: 'errors'; readonly panel: string; readonly errors: readonly RelayedError[] }
  | { readonly kind: 'gone'; readonly panel: string };



/** Every delay source, so that the popup's label lookup can never miss. */
const delaySources: Readonly<Record<DelaySource, true>> = {
  'retry-after': true,
  'retry-after-ms': true,
  body: true,
  'ratelimit-header': true,
  'reset-header': true,
  'vendor-duration': true,
  'message-text': true,
  'refill-rate': true,
  backoff: true,
};
const isDelaySource = (value: unknown): value is DelaySource => isString(value) && Object.hasOwn(delaySources, value);

function isFieldError(value: unknown): value is FieldError {
  const f = asFields(value);
  return f !== null && isString(f['path']) && isString(f['message']) && (f['code'] === undefined || isString(f['code']));
}

function isRateLimit(value: unknown): value is RateLimitState {
  const f = asFields(value);
  return (
    f !== null &&
    isString(f['bucket']) &&
    isString(f['dialect']) &&
    numberOrNull(f['limit']) &&
    numberOrNull(f['remaining']) &&
    numberOrNull(f['resetAt']) &&
    numberOrNull(f['windowSeconds'])
  );
}

function isRetry(value: unknown): value is RetryVerdict {
  const f = asFields(value);
  if (f === null) return false;
  const backoff = f['backoff'] === null ? null : asFields(f['backoff']);
  const backoffOk =
    f['backoff'] === null ||
    (backoff !== null && backoff['strategy'] === 'full-jitter' && isNumber(backoff['baseMs']) && isNumber(backoff['capMs']) && isNumber(backoff['maxAttempts']));
  return (
    backoffOk &&
    isBoolean(f['retryable']) &&
    isBoolean(f['exact']) &&
    isBoolean(f['idempotencyWarning']) &&
    numberOrNull(f['afterMs']) &&
    numberOrNull(f['retryAt']) &&
    (f['source'] === null || isDelaySource(f['source']))
  );
}

/** Family ids are checked as strings: a newer build may know families this one does not, and they are shown as text. */
function isDecodedError(value: unknown): value is DecodedError {
  const f = asFields(value);
  return (
    f !== null &&
    isString(f['format']) &&
    stringOrNull(f['alsoLike']) &&
    isNumber(f['status']) &&
    isBoolean(f['errorIn2xx']) &&
    stringOrNull(f['code']) &&
    stringOrNull(f['subcode']) &&
    stringOrNull(f['title']) &&
    isString(f['message']) &&
    Array.isArray(f['fieldErrors']) &&
    f['fieldErrors'].every(isFieldError) &&
    stringOrNull(f['requestId']) &&
    stringOrNull(f['docsUrl']) &&
    (f['rateLimit'] === null || isRateLimit(f['rateLimit'])) &&
    isRetry(f['retry']) &&
    isString(f['advice']) &&
    stringOrNull(f['bodyNote'])
  );
}

function isRelayedError(value: unknown): value is RelayedError {
  const f = asFields(value);
  return (
    f !== null &&
    isString(f['url']) &&
    isString(f['method']) &&
    isNumber(f['status']) &&
    isNumber(f['at']) &&
    Number.isInteger(f['count']) &&
    (f['count'] as number) > 0 &&
    isNumber(f['firstAt']) &&
    isDecodedError(f['decoded'])
  );
}

/** A relay message, checked (see validate.ts); null for anything else. */
export function asRelayMessage(data: unknown): RelayMessage | null {
  const f = asFields(data);
  if (f === null) return null;
  const { kind, session, panel, errors } = f;
  if ((kind === 'ask' || kind === 'bye') && isString(session)) return { kind, session };
  if (kind === 'gone' && isString(panel)) return { kind, panel };
  if (kind === 'errors' && isString(panel) && Array.isArray(errors) && errors.length <= RECENT_LIMIT && errors.every(isRelayedError)) {
    return { kind, panel, errors };
  }
  return null;
}


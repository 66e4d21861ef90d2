import { fingerprintOf } from '../core/findings/index.ts';
import { redactError, redactUrl } from '../core/redact.ts';
import type { DecodedError, DelaySource, FieldError, RateLimitState, RetryVerdict } from '../core/model.ts';
import type { TimelineEntry } from '../ui/panel/entries.ts';
import type { RecentError, RecentErrorsListener } from '../ui/popup/types.ts';

/**
 * The toolbar popup shows the last errors the open DevTools panels decoded, without a background page
 * or a permission: every extension page shares the extension's origin, so one BroadcastChannel reaches
 * them all (in Chrome and Firefox alike).
 *
 *   popup → panels  ask    {session}                 "I am open: send me your errors"
 *   panel → popups  errors {panel, errors}           a panel's latest errors, newest first (on ask, then on change)
 *   popup → panels  bye    {session}                 the popup closed: stop pushing for it
 *   panel → popups  gone   {panel}                   the panel closed: forget its errors
 *
 * Panels push only while some popup is open, so a busy panel costs nothing when nobody looks.
 */
export const RECENT_CHANNEL = 'faultline-recent';

/** Errors a panel relays and the popup shows: the popup's list is as long as one panel's. */
export const RECENT_LIMIT = 20;

/** Coalesces a burst of panel updates into one message. */
const PUSH_DELAY_MS = 50;

/** A recent error with the instant its response arrived, to merge several panels' lists newest first. */
export interface RelayedError extends RecentError {
  readonly at: number;
}

type Message =
  | { readonly kind: 'ask'; readonly session: string }
  | { readonly kind: 'bye'; readonly session: string }
  | { readonly kind: 'errors'; readonly panel: string; readonly errors: readonly RelayedError[] }
  | { readonly kind: 'gone'; readonly panel: string };

/**
 * The `limit` kinds of error (fingerprints) seen last in a panel's timeline (oldest first), the most
 * recently seen first: each its newest error, URL redacted, with how many there were and since when.
 */
export function recentFromTimeline(entries: readonly TimelineEntry[], limit = RECENT_LIMIT): RelayedError[] {
  const groups = new Map<string, { newest: RelayedError; count: number; firstAt: number }>();
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (entry?.kind !== 'error') continue;
    const { exchange, error, fingerprint } = entry;
    const group = groups.get(fingerprint.key);
    if (group !== undefined) {
      group.count++;
      group.firstAt = Math.min(group.firstAt, exchange.receivedAt);
    } else if (groups.size < limit) {
      // What crosses to another page goes through the sanitizer: the popup has no use for an api_key in a query string.
      const newest = { url: redactUrl(exchange.url), method: exchange.method, status: error.status, decoded: redactError(error), at: exchange.receivedAt, count: 1, firstAt: exchange.receivedAt };
      groups.set(fingerprint.key, { newest, count: 1, firstAt: exchange.receivedAt });
    }
  }
  return [...groups.values()].map(({ newest, count, firstAt }) => ({ ...newest, count, firstAt }));
}

/** Several panels' lists as one: the same kind of error seen by two panels is one entry, its counts added. */
function mergeGroups(lists: Iterable<readonly RelayedError[]>): RelayedError[] {
  const merged = new Map<string, RelayedError>();
  for (const list of lists) {
    for (const item of list) {
      const key = fingerprintOf(item, item.decoded).key;
      const seen = merged.get(key);
      if (seen === undefined) merged.set(key, item);
      else merged.set(key, { ...(item.at > seen.at ? item : seen), count: seen.count + item.count, firstAt: Math.min(seen.firstAt, item.firstAt) });
    }
  }
  return [...merged.values()].sort((a, b) => b.at - a.at);
}

// ---- validation: messages come from any page of the extension, possibly another build of it ----

type Fields = Record<string, unknown>;

const asFields = (value: unknown): Fields | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : null;
const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const orNull =
  <T>(check: (value: unknown) => value is T) =>
  (value: unknown): value is T | null =>
    value === null || check(value);
const stringOrNull = orNull(isString);
const numberOrNull = orNull(isNumber);

/** Every delay source, so that the popup's label lookup can never miss. */
const delaySources: Readonly<Record<DelaySource, true>> = {
  'retry-after': true,
  'retry-after-ms': true,
  body: true,
  'ratelimit-header': true,
  'reset-header': true,
  'vendor-duration': true,
  'message-text': true,
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

function asMessage(data: unknown): Message | null {
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

// ---- the two sides ----

export interface RecentErrorsServer {
  /** The panel's errors changed: open popups get the new list shortly. */
  changed(): void;
  /** Tells open popups to forget this panel's errors, and closes the channel. */
  stop(): void;
}

/** Panel side: answers popups with `current()` and pushes it again on `changed()` while a popup is open. */
export function serveRecentErrors(channel: BroadcastChannel, current: () => readonly RelayedError[]): RecentErrorsServer {
  const panel = crypto.randomUUID();
  const listening = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const send = (message: Message): void => channel.postMessage(message);
  const push = (): void => {
    clearTimeout(timer);
    timer = undefined;
    send({ kind: 'errors', panel, errors: current() });
  };
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const message = asMessage(event.data);
    if (message?.kind === 'ask') {
      listening.add(message.session);
      push();
    } else if (message?.kind === 'bye') {
      listening.delete(message.session);
    }
  };
  return {
    changed() {
      if (listening.size > 0) timer ??= setTimeout(push, PUSH_DELAY_MS);
    },
    stop() {
      clearTimeout(timer);
      send({ kind: 'gone', panel });
      channel.close();
    },
  };
}

/** Popup side: every open panel's errors merged by kind, the most recently seen first, on every change. Returns the unsubscribe. */
export function subscribeToRecentErrors(channel: BroadcastChannel, listener: RecentErrorsListener): () => void {
  const session = crypto.randomUUID();
  const byPanel = new Map<string, readonly RelayedError[]>();
  const deliver = (): void => {
    listener(mergeGroups(byPanel.values()).slice(0, RECENT_LIMIT));
  };
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const message = asMessage(event.data);
    if (message?.kind === 'errors') byPanel.set(message.panel, message.errors);
    else if (message?.kind !== 'gone' || !byPanel.delete(message.panel)) return;
    deliver();
  };
  channel.postMessage({ kind: 'ask', session } satisfies Message);
  return () => {
    channel.postMessage({ kind: 'bye', session } satisfies Message);
    channel.close();
  };
}

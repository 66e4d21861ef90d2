/**
 * Delays stated in prose: "Please retry in 20.7s" (Gemini), "Please try again in
 * 2.5s" / "in 84ms" / "in 6m0s" (OpenAI), "Try again in 3 minutes" (Reddit), "Expected available in
 * 5 seconds" (DRF). Always inexact: a sentence is not a contract.
 */
import type { HeaderMap } from '../exchange.ts';
import { toReceiverClock } from './clock.ts';
import { parseAbsoluteTime } from './dates.ts';
import type { DelayReading } from './delay.ts';
import { clampDelay, parseDuration } from './values.ts';

/** Only the start of a message is searched; a hint buried in a 4 MB body is not one. */
const MAX_MESSAGE_CHARS = 2000;

const LEAD = String.raw`\b(?:retry|try(?: it)? again|available|wait)\s+(?:(?:in|after|for)\s+)?(?:about\s+|approximately\s+|~\s*)?`;
const COMPACT = new RegExp(`${LEAD}((?:\\d+(?:\\.\\d+)?(?:h|ms|m|s))+)\\b`, 'i');
const WORDED = new RegExp(`${LEAD}(\\d+(?:\\.\\d+)?)\\s*(milliseconds?|msecs?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?)\\b`, 'i');

const WORD_UNIT_MS: readonly (readonly [RegExp, number])[] = [
  [/^(?:milliseconds?|msecs?)$/i, 1],
  [/^(?:seconds?|secs?)$/i, 1000],
  [/^(?:minutes?|mins?)$/i, 60_000],
  [/^(?:hours?|hrs?)$/i, 3_600_000],
  [/^days?$/i, 86_400_000],
];

function fromWords(message: string): number | null {
  const match = WORDED.exec(message);
  if (match === null) return null;
  const unit = WORD_UNIT_MS.find(([pattern]) => pattern.test(match[2] ?? ''));
  return unit === undefined ? null : Number(match[1]) * unit[1];
}

/**
 * "Please try after 2026-11-22T12:01:30Z" (Akamai), "retry after Sun, 22 Nov 2026 12:01:30 GMT", "available
 * again at …", "blocked until …": an absolute time after a retry word, on the server's clock.
 */
const AT_TIME = new RegExp(
  String.raw`\b(?:retry|try(?: it)? again|try|wait|available(?: again)?|blocked|banned|locked|suspended|unavailable|resets?)\b[^.;]{0,40}?\b(?:after|until|till|at|on)\s+` +
    String.raw`(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?\s*(?:Z|[+-]\d{2}:?\d{2})?|[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT)`,
  'i',
);

function fromTime(message: string, headers: HeaderMap, receivedAt: number): number | null {
  const found = AT_TIME.exec(message)?.[1];
  const at = found === undefined ? null : parseAbsoluteTime(found, receivedAt);
  return at === null ? null : toReceiverClock(at, headers, receivedAt) - receivedAt;
}

/**
 * A `key=value;key=value` message whose retry or reset member is a delta (Allo's
 * `limit=1000;type=DAILY;reset_in=3600`): seconds unless the key or the value says milliseconds.
 */
const KEY_VALUE_DELAY = /(?:^|[;,&\s])(?:reset|retry|wait)[_-]?(?:in|after|after[_-]?seconds|seconds|secs|ms|after[_-]?ms|millis)?\s*=\s*(\d{1,12}(?:\.\d{1,3})?)(ms|s)?(?=$|[;,&\s])/i;

function fromKeyValues(message: string): number | null {
  const match = KEY_VALUE_DELAY.exec(message);
  if (match === null) return null;
  const millis = match[2]?.toLowerCase() === 'ms' || /ms|millis/i.test(match[0].split('=')[0] ?? '');
  return Number(match[1]) * (millis ? 1 : 1000);
}

/** The delay a message states, or null. */
export function readMessageDelay(message: string | null, headers: HeaderMap, receivedAt: number): DelayReading | null {
  if (message === null) return null;
  const head = message.slice(0, MAX_MESSAGE_CHARS);
  const compact = COMPACT.exec(head);
  const ms = (compact === null ? null : parseDuration(compact[1] ?? '')) ?? fromWords(head) ?? fromTime(head, headers, receivedAt) ?? fromKeyValues(head);
  return ms === null ? null : { afterMs: clampDelay(ms), source: 'message-text', exact: false };
}

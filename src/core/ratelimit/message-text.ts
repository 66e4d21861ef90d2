/**
 * Delays stated in prose (envelopes.md §C4): "Please retry in 20.7s" (Gemini), "Please try again in
 * 2.5s" / "in 84ms" / "in 6m0s" (OpenAI), "Try again in 3 minutes" (Reddit), "Expected available in
 * 5 seconds" (DRF). Always inexact: a sentence is not a contract.
 */
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

/** The delay a message states, or null. */
export function readMessageDelay(message: string | null): DelayReading | null {
  if (message === null) return null;
  const head = message.slice(0, MAX_MESSAGE_CHARS);
  const compact = COMPACT.exec(head);
  const ms = (compact === null ? null : parseDuration(compact[1] ?? '')) ?? fromWords(head);
  return ms === null ? null : { afterMs: clampDelay(ms), source: 'message-text', exact: false };
}

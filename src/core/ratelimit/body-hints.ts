/**
 * Delays stated in a response body: the ad-hoc keys `retry_after`, `retryAfter`,
 * `retryAfterSeconds`, `retry_after_ms`, `wait_seconds`… and `reset_at`, at the top level or one level
 * down under `error` / `details`. The unit comes from the key's suffix; without one it is seconds, and
 * the reading is marked inexact because that unit was a guess.
 */
import type { HeaderMap } from '../exchange.ts';
import { prop } from '../json.ts';
import { toReceiverClock } from './clock.ts';
import { parseAbsoluteTime } from './dates.ts';
import type { DelayReading } from './delay.ts';
import { clampDelay, numberOf, parseDuration, validEpoch } from './values.ts';

type Unit = 'ms' | 'seconds' | 'guess';

/** Keys in the order they are trusted: explicit units first. */
const DELAY_KEYS: readonly (readonly [string, Unit])[] = [
  ['retry_after_ms', 'ms'],
  ['retryAfterMs', 'ms'],
  ['retry_after_seconds', 'seconds'],
  ['retryAfterSeconds', 'seconds'],
  ['wait_seconds', 'seconds'],
  ['retry_after', 'guess'],
  ['retryAfter', 'guess'],
];

const CONTAINERS = ['error', 'details'] as const;

/** A duration string (`"20s"`) carries its unit; a number or numeric string takes the key's. */
function delayOf(value: unknown, unit: Unit): DelayReading | null {
  if (typeof value === 'string') {
    const duration = parseDuration(value);
    if (duration !== null) return { afterMs: clampDelay(duration), source: 'body', exact: true };
  }
  const number = numberOf(value);
  if (number === null) return null;
  return { afterMs: clampDelay(unit === 'ms' ? number : number * 1000), source: 'body', exact: unit !== 'guess' };
}

/** Epoch seconds (≥ 1e9) or ms (≥ 1e12) classifies them; smaller numbers are no instant. */
function epochOf(number: number): number | null {
  if (number >= 1e12) return validEpoch(number);
  return number >= 1e9 ? validEpoch(number * 1000) : null;
}

/** `reset_at`: an absolute time (epoch, ISO, HTTP-date) on the server's clock. */
function resetAtOf(value: unknown, headers: HeaderMap, receivedAt: number): DelayReading | null {
  const number = numberOf(value);
  const serverInstant = number !== null ? epochOf(number) : typeof value === 'string' ? parseAbsoluteTime(value, receivedAt) : null;
  if (serverInstant === null) return null;
  return { afterMs: clampDelay(toReceiverClock(serverInstant, headers, receivedAt) - receivedAt), source: 'body', exact: true };
}

/**
 * Other keys that state a wait, by what their names say: `estimated_time` (Hugging Face's model loading),
 * `wait_time`, `cooldown`, `backoff_ms`, `retry_in`, `retryDelay`… The unit comes from the name's suffix; without
 * one it is a guess of seconds.
 */
const DELAY_KEY = /^(?:retry(?:after|in|delay|wait)?|wait(?:time|for)?|waitingtime|backoff|cooldown|cooldowntime|estimatedtime|estimatedwait|estimatedwaittime|tryagainin|delay)(ms|millis|milliseconds|s|sec|secs|seconds)?$/;

function byPattern(level: unknown): DelayReading | null {
  if (typeof level !== 'object' || level === null || Array.isArray(level)) return null;
  for (const key of Object.keys(level).slice(0, 100)) {
    const found = DELAY_KEY.exec(key.toLowerCase().replace(/[_-]/g, ''));
    if (found === null) continue;
    const suffix = found[1];
    const reading = delayOf(prop(level, key), suffix === undefined ? 'guess' : /^m/.test(suffix) ? 'ms' : 'seconds');
    if (reading !== null) return reading;
  }
  return null;
}

function readLevel(level: unknown, headers: HeaderMap, receivedAt: number): DelayReading | null {
  for (const [key, unit] of DELAY_KEYS) {
    const reading = delayOf(prop(level, key), unit);
    if (reading !== null) return reading;
  }
  const named = byPattern(level);
  if (named !== null) return named;
  return resetAtOf(prop(level, 'reset_at'), headers, receivedAt);
}

/** The delay a body hints at, or null. */
export function readBodyHint(json: unknown, headers: HeaderMap, receivedAt: number): DelayReading | null {
  const top = readLevel(json, headers, receivedAt);
  if (top !== null) return top;
  for (const container of CONTAINERS) {
    const nested = readLevel(prop(json, container), headers, receivedAt);
    if (nested !== null) return nested;
  }
  return null;
}

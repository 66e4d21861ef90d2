/**
 * Reads a rate-limit reset value whose format the header name does not fix: a date, a Go duration, epoch ms, epoch seconds (Discord's with decimals) or a delta whose unit
 * (seconds or Prisjakt-style ms) is decided against companion values and the policy window.
 */
import type { HeaderMap } from '../exchange.ts';
import { toReceiverClock } from './clock.ts';
import { parseAbsoluteTime } from './dates.ts';
import { MAX_DELAY_MS, MAX_VALUE_CHARS, parseDecimal, parseDuration, validEpoch } from './values.ts';

/** What the header name says about a small number: its unit is known, or must be inferred. */
export type DeltaUnit = 'seconds' | 'ms' | 'infer';

export interface ResetContext {
  readonly headers: HeaderMap;
  readonly receivedAt: number;
  readonly deltaUnit: DeltaUnit;
  /** The policy window in seconds (`w=`, `;window=`, vendor default), or null when unknown. */
  readonly windowSeconds: number | null;
  /** A delay in ms stated elsewhere in the same response (Retry-After, Reset-After, `t`), or null. */
  readonly companionMs: number | null;
}

export interface ResetReading {
  /** Epoch ms on the receiver's clock. */
  readonly resetAt: number;
  /** False when the unit of a bare number had to be guessed. */
  readonly exact: boolean;
}

const EPOCH_MS_FLOOR = 1e12;
const EPOCH_SECONDS_FLOOR = 1e9;
const ONE_DAY_SECONDS = 86_400;

/** A reset `ms` after the response was received (negative → now, huge → capped). */
export function resetAfter(ms: number, receivedAt: number, exact: boolean): ResetReading {
  return { resetAt: receivedAt + Math.min(Math.max(ms, 0), MAX_DELAY_MS), exact };
}

function absolute(serverInstant: number | null, context: ResetContext): ResetReading | null {
  if (serverInstant === null) return null;
  return { resetAt: toReceiverClock(serverInstant, context.headers, context.receivedAt), exact: true };
}

/** A companion agrees with a reading when within 2 s or 10 %, whichever is larger. */
function agrees(readingMs: number, companionMs: number): boolean {
  return Math.abs(readingMs - companionMs) <= Math.max(2000, companionMs * 0.1);
}

/** seconds or milliseconds? Closest to a companion; else the one that fits the window. */
function inferDeltaUnit(value: number, context: ResetContext): ResetReading {
  const asSeconds = value * 1000;
  const asMs = value;
  const { companionMs, receivedAt } = context;
  if (companionMs !== null) {
    const best = Math.abs(asSeconds - companionMs) <= Math.abs(asMs - companionMs) ? asSeconds : asMs;
    return resetAfter(best, receivedAt, agrees(best, companionMs));
  }
  const windowMs = (context.windowSeconds ?? ONE_DAY_SECONDS) * 1000;
  if (asSeconds > windowMs && asMs <= windowMs) return resetAfter(asMs, receivedAt, false);
  return resetAfter(asSeconds, receivedAt, false);
}

function fromNumber(value: number, context: ResetContext): ResetReading | null {
  if (value >= EPOCH_MS_FLOOR) return absolute(validEpoch(value), context);
  if (value >= EPOCH_SECONDS_FLOOR) return absolute(validEpoch(value * 1000), context);
  if (context.deltaUnit === 'ms') return resetAfter(value, context.receivedAt, true);
  if (context.deltaUnit === 'seconds' || value <= 0) return resetAfter(value * 1000, context.receivedAt, true);
  return inferDeltaUnit(value, context);
}

/** The reset instant a header value denotes, or null when it is not a time at all. */
export function readResetValue(raw: string | undefined, context: ResetContext): ResetReading | null {
  if (raw === undefined || raw.length > MAX_VALUE_CHARS) return null;
  const number = parseDecimal(raw);
  if (number !== null) return fromNumber(number, context);
  const duration = parseDuration(raw);
  if (duration !== null) return resetAfter(duration, context.receivedAt, true);
  return absolute(parseAbsoluteTime(raw, context.receivedAt), context);
}

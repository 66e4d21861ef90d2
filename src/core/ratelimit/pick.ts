/**
 * Choosing among several limits of one response: OpenAI requests vs tokens,
 * Anthropic's four, IETF multi-policy lists, a response that speaks two dialects at once.
 */
import type { LimitReading } from './reading.ts';

const isExhausted = (reading: LimitReading): boolean => reading.state.remaining === 0;

/** The reading whose reset comes last (unknown resets count as earliest). */
export function latestReset(readings: readonly LimitReading[]): LimitReading | null {
  let latest: LimitReading | null = null;
  for (const reading of readings) {
    if (latest === null || (reading.state.resetAt ?? -Infinity) > (latest.state.resetAt ?? -Infinity)) latest = reading;
  }
  return latest;
}

/** Share of the quota left, or Infinity when it cannot be computed (such a reading sorts last). */
function shareLeft(reading: LimitReading): number {
  const { limit, remaining } = reading.state;
  return limit === null || remaining === null ? Infinity : remaining / limit;
}

/**
 * The limit to show: an exhausted one (the latest to reset, since all must reset before a request
 * passes), else the one closest to exhaustion. Ties keep dialect order.
 */
export function pickForDisplay(readings: readonly LimitReading[]): LimitReading | null {
  const exhausted = readings.filter(isExhausted);
  if (exhausted.length > 0) return latestReset(exhausted);
  let closest: LimitReading | null = null;
  for (const reading of readings) {
    if (closest === null || shareLeft(reading) < shareLeft(closest)) closest = reading;
  }
  return closest;
}

/**
 * The limits that explain a failed request: the exhausted ones; on a 429 with none exhausted, every
 * limit (the caller then waits for the latest reset, as the remaining counts are unknown or stale).
 */
export function bindingLimits(readings: readonly LimitReading[], status: number): readonly LimitReading[] {
  const exhausted = readings.filter(isExhausted);
  return exhausted.length > 0 || status !== 429 ? exhausted : readings;
}

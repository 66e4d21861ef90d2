/**
 * Total parsers for the scalar values rate-limit headers and bodies carry. Header values are hostile:
 * anything unparsable, non-finite or absurdly long reads as null, never as an exception.
 */

/** Header values longer than this are not rate-limit values; they are ignored rather than scanned. */
export const MAX_VALUE_CHARS = 4096;

/**
 * The longest delay reported (a year). A larger value (`Retry-After: 99999999999`) still means "not
 * soon", so it is capped rather than dropped, and the capped instant stays a valid Date.
 */
export const MAX_DELAY_MS = 366 * 24 * 3600 * 1000;

/** The latest instant a JS Date can hold; epoch values beyond it are garbage. */
const MAX_EPOCH_MS = 8.64e15;

const DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;

/** A plain decimal number (`12`, `2.0`, `-3`, `1741000003.512`); no exponents, hex or words. */
export function parseDecimal(value: string | undefined): number | null {
  if (value === undefined || value.length > MAX_VALUE_CHARS) return null;
  const trimmed = value.trim();
  if (!DECIMAL.test(trimmed)) return null;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : null;
}

/** A JSON number or a numeric string, as body hints carry them. */
export function numberOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return typeof value === 'string' ? parseDecimal(value) : null;
}

/** A delay in ms, clamped to [0, MAX_DELAY_MS] (negative → 0, RFC-violating but seen in the wild). */
export function clampDelay(ms: number): number {
  if (Number.isNaN(ms)) return 0;
  return Math.round(Math.min(Math.max(ms, 0), MAX_DELAY_MS));
}

/** An epoch-ms instant, or null when it lies outside what a Date can represent. */
export function validEpoch(ms: number): number | null {
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_EPOCH_MS ? Math.round(ms) : null;
}

const GO_DURATION = /^(?:\d+(?:\.\d+)?(?:h|ms|m|s|us|µs|μs|ns))+$/;
const GO_PART = /(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|μs|ns)/g;
const UNIT_MS: Readonly<Record<string, number>> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 1e-3, µs: 1e-3, μs: 1e-3, ns: 1e-6 };

/**
 * A Go `time.Duration` string (`6m0s`, `12ms`, `2m59.56s`, OpenAI's reset headers) or a proto3 JSON
 * Duration (`13s`, `0.500s`, Google RetryInfo), in ms.
 */
export function parseDuration(value: string): number | null {
  const trimmed = value.trim();
  if (trimmed.length > 64 || !GO_DURATION.test(trimmed)) return null;
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(GO_PART)) total += Number(amount) * (UNIT_MS[unit ?? ''] ?? Number.NaN);
  return Number.isFinite(total) ? total : null;
}

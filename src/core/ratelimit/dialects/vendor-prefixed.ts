/**
 * Vendor-prefixed limit headers no other dialect names, found by the shape of their names rather than by a
 * list of vendors: `X-<Vendor>-Limit` (or `-RateLimit`, `-Quota`) with `-Remaining`/`-Left`/`-Status` and
 * `-Reset`/`-Reset-Timestamp`/`-Reset-At` siblings — Bybit's `X-Bapi-Limit`, `X-Bapi-Limit-Status`,
 * `X-Bapi-Limit-Reset-Timestamp`, and any API spelling the same three counters under its own prefix.
 */
import type { HeaderMap } from '../../exchange.ts';
import { makeReading, type Dialect, type LimitReading } from '../reading.ts';
import { readResetValue } from '../reset-value.ts';
import { parseDecimal } from '../values.ts';

/** `x-<vendor>-limit`, `x-<vendor>-ratelimit`, `x-<vendor>-quota`: the base name the counters hang from. */
const BASE = /^(x-[a-z0-9]+(?:-[a-z0-9]+)?-(?:rate-?limit|limit|quota))(?:-limit)?$/;
/** Prefixes the named dialects already read. */
const KNOWN = /^x-(?:rate-?limit|ratelimit)/;

const REMAINING_SUFFIXES = ['-remaining', '-left', '-status', '-available'];
const RESET_SUFFIXES = ['-reset', '-reset-timestamp', '-reset-time', '-reset-at', '-resets-at'];

function first(headers: HeaderMap, base: string, suffixes: readonly string[]): string | undefined {
  for (const suffix of suffixes) {
    const value = headers.get(base + suffix);
    if (value !== undefined) return value;
  }
  return undefined;
}

export const readVendorPrefixed: Dialect = (input) => {
  const out: LimitReading[] = [];
  for (const name of input.headers.keys()) {
    const base = BASE.exec(name)?.[1];
    if (base === undefined || KNOWN.test(name)) continue;
    const remaining = parseDecimal(first(input.headers, base, REMAINING_SUFFIXES));
    // Without a remaining count, `X-Foo-Limit` may be any setting (a page size, a body limit).
    if (remaining === null) continue;
    const reading = makeReading({
      dialect: base.replace(/^x-/, ''),
      limit: parseDecimal(input.headers.get(name)),
      remaining,
      reset: readResetValue(first(input.headers, base, RESET_SUFFIXES), { ...input, windowSeconds: null, deltaUnit: 'infer' }),
      resetSource: 'reset-header',
    });
    if (reading !== null) out.push(reading);
  }
  return out;
};

/**
 * Vendor-prefixed limit headers no other dialect names, found by the shape of their names rather than by a
 * list of vendors: `X-<Vendor>-Limit` (or `-RateLimit`, `-Quota`) with `-Remaining`/`-Left`/`-Status` and
 * `-Reset`/`-Reset-Timestamp`/`-Reset-At` siblings — Bybit's `X-Bapi-Limit`, `X-Bapi-Limit-Status`,
 * `X-Bapi-Limit-Reset-Timestamp`, Contentful's per-dimension `X-Contentful-RateLimit-Second-Limit` with
 * `-Second-Remaining` and one `X-Contentful-RateLimit-Reset`, and any API spelling the same counters under its prefix.
 */
import type { HeaderMap } from '../../exchange.ts';
import { makeReading, type Dialect, type DialectInput, type DialectReader, type LimitReading } from '../reading.ts';
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

/** `x-<vendor>-ratelimit-<dimension>-limit` (Contentful's `X-Contentful-RateLimit-Second-Limit`): one limit per dimension. */
const DIMENSION_LIMIT = /^(x-[a-z0-9]+-(?:rate-?limit|quota))-([a-z0-9]+)-limit$/;

function readDimensions(input: DialectInput, out: LimitReading[]): void {
  for (const name of input.headers.keys()) {
    const found = DIMENSION_LIMIT.exec(name);
    if (found === null || KNOWN.test(name)) continue;
    const [, base = '', dimension = ''] = found;
    const remaining = parseDecimal(first(input.headers, `${base}-${dimension}`, REMAINING_SUFFIXES));
    if (remaining === null) continue;
    // The reset is per dimension or, as Contentful sends it, one for the vendor's limits as a whole (delta seconds).
    const rawReset = first(input.headers, `${base}-${dimension}`, RESET_SUFFIXES) ?? first(input.headers, base, RESET_SUFFIXES);
    const reading = makeReading({
      dialect: base.replace(/^x-/, ''),
      name: dimension,
      limit: parseDecimal(input.headers.get(name)),
      remaining,
      reset: readResetValue(rawReset, { ...input, windowSeconds: null, deltaUnit: 'infer' }),
      resetSource: 'reset-header',
    });
    if (reading !== null) out.push(reading);
  }
}

const readVendorPrefixed: DialectReader = (input) => {
  const out: LimitReading[] = [];
  readDimensions(input, out);
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

export const vendorPrefixed: Dialect = { names: /^x-.+(?:limit|quota)$/, read: readVendorPrefixed };

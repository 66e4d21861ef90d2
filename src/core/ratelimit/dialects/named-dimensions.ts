/**
 * Dialects with one header triple per named dimension:
 * - OpenAI and compatibles: `x-ratelimit-{limit,remaining,reset}-{requests,tokens}`, resets as Go durations;
 * - NestJS named throttlers and Kong: `x-ratelimit-remaining-short`, `x-ratelimit-limit-minute`, delta seconds;
 * - Linear: `x-ratelimit-requests-remaining`;
 * - Anthropic: `anthropic-ratelimit-{requests,tokens,input-tokens,output-tokens}-{limit,remaining,reset}`, RFC 3339.
 */
import type { HeaderMap } from '../../exchange.ts';
import { makeReading, type Dialect, type DialectReader, type DialectInput, type LimitReading, type ResetSource } from '../reading.ts';
import { readResetValue } from '../reset-value.ts';
import { parseDecimal, parseDuration } from '../values.ts';

type Role = 'limit' | 'remaining' | 'reset';

interface Dimension {
  limit?: string;
  remaining?: string;
  reset?: string;
}

const ROLE_FIRST = /^x-ratelimit-(limit|remaining|reset)-([a-z0-9_-]+)$/;
const ROLE_LAST = /^x-ratelimit-([a-z0-9_-]+)-(limit|remaining|reset)$/;
const ANTHROPIC = /^anthropic-ratelimit-([a-z0-9_-]+)-(limit|remaining|reset)$/;
/** Suffixes of the single-dimension X-RateLimit dialects (Discord's `-reset-after`), not dimension names. */
const NOT_A_DIMENSION = new Set(['after']);
const OPENAI_DIMENSIONS = new Set(['requests', 'tokens']);
/** Kong names its dimensions after the window (`X-RateLimit-Remaining-Minute`). */
const WINDOW_NAMES: Readonly<Record<string, number>> = { second: 1, minute: 60, hour: 3600, day: 86_400, month: 2_592_000, year: 31_536_000 };

function collect(headers: HeaderMap, match: (name: string) => { role: Role; dimension: string } | null): Map<string, Dimension> {
  const dimensions = new Map<string, Dimension>();
  for (const [name, value] of headers) {
    const found = match(name);
    if (found === null || NOT_A_DIMENSION.has(found.dimension)) continue;
    const dimension = dimensions.get(found.dimension) ?? {};
    dimension[found.role] = value;
    dimensions.set(found.dimension, dimension);
  }
  return dimensions;
}

function readDimensions(dimensions: Map<string, Dimension>, dialectOf: (names: readonly string[]) => string, input: DialectInput): LimitReading[] {
  const dialect = dialectOf([...dimensions.keys()]);
  const readings: LimitReading[] = [];
  for (const [name, dimension] of dimensions) {
    const windowSeconds = WINDOW_NAMES[name] ?? null;
    const reset = readResetValue(dimension.reset, { ...input, windowSeconds, deltaUnit: 'seconds' });
    // A Go duration (`6m0s`) is OpenAI's "time until full reset": a vendor duration in the precedence.
    const resetSource: ResetSource = dimension.reset !== undefined && parseDuration(dimension.reset) !== null ? 'vendor-duration' : 'reset-header';
    const reading = makeReading({
      dialect,
      name,
      limit: parseDecimal(dimension.limit),
      remaining: parseDecimal(dimension.remaining),
      reset,
      resetSource,
      windowSeconds,
    });
    if (reading !== null) readings.push(reading);
  }
  return readings;
}

function xRateLimitRole(name: string): { role: Role; dimension: string } | null {
  const first = ROLE_FIRST.exec(name);
  if (first !== null) return { role: first[1] as Role, dimension: first[2] ?? '' };
  const last = ROLE_LAST.exec(name);
  return last === null ? null : { role: last[2] as Role, dimension: last[1] ?? '' };
}

function anthropicRole(name: string): { role: Role; dimension: string } | null {
  const match = ANTHROPIC.exec(name);
  return match === null ? null : { role: match[2] as Role, dimension: match[1] ?? '' };
}

const readNamedDimensions: DialectReader = (input) => [
  ...readDimensions(
    collect(input.headers, xRateLimitRole),
    (names) => (names.every((n) => OPENAI_DIMENSIONS.has(n)) ? 'openai' : 'x-ratelimit-named'),
    input,
  ),
  ...readDimensions(collect(input.headers, anthropicRole), () => 'anthropic', input),
];

export const namedDimensions: Dialect = { names: /^(?:x|anthropic)-ratelimit-/, read: readNamedDimensions };

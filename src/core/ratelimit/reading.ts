/**
 * What each header dialect reader produces: one rate-limit state per dimension (bucket, resource,
 * policy, requests vs tokens…) plus where its reset sits in the retry precedence
 */
import type { HeaderMap } from '../exchange.ts';
import type { RateLimitState } from '../model.ts';
import type { ResetReading } from './reset-value.ts';
import { MAX_VALUE_CHARS, parseDecimal } from './values.ts';

/** The precedence step a reset belongs to: `RateLimit t`/`Reset-After`, a `*-Reset` header, or a vendor duration. */
export type ResetSource = 'ratelimit-header' | 'reset-header' | 'vendor-duration';

export interface LimitReading {
  readonly state: RateLimitState;
  readonly resetSource: ResetSource | null;
  /** False when the reset unit was inferred. */
  readonly resetExact: boolean;
}

export interface DialectInput {
  readonly headers: HeaderMap;
  readonly receivedAt: number;
  /** The explicit retry delay of the same response (Retry-After and siblings), to cross-check reset units. */
  readonly companionMs: number | null;
}

/**
 * A header dialect: the names of the headers it reads, and its reader. Most responses carry no rate-limit
 * header at all, so a dialect runs only when one of the response's header names matches `names`: for them
 * the whole report costs one test of each name.
 */
export interface Dialect {
  /** Matches a (lower-case) header name without which this dialect finds nothing. */
  readonly names: RegExp;
  /** Every dimension it finds, or none. */
  readonly read: DialectReader;
}

export type DialectReader = (input: DialectInput) => readonly LimitReading[];

export interface ReadingParts {
  readonly dialect: string;
  /** Bucket, resource or policy name within the dialect, when the API gives one. */
  readonly name?: string | null | undefined;
  readonly limit: number | null;
  readonly remaining: number | null;
  readonly reset: ResetReading | null;
  readonly resetSource: ResetSource;
  readonly windowSeconds?: number | null | undefined;
}

/**
 * Builds a reading, or null when the parts carry nothing. A non-positive limit is a placeholder
 * (Azure OpenAI sends `-1`/`0`), so the counts next to it are not trusted either.
 */
export function makeReading(parts: ReadingParts): LimitReading | null {
  const placeholder = parts.limit !== null && parts.limit <= 0;
  const limit = placeholder ? null : parts.limit;
  const remaining = placeholder || parts.remaining === null || parts.remaining < 0 ? null : parts.remaining;
  if (limit === null && remaining === null && parts.reset === null) return null;
  const windowSeconds = parts.windowSeconds !== undefined && parts.windowSeconds !== null && parts.windowSeconds > 0 ? parts.windowSeconds : null;
  return {
    state: {
      bucket: parts.name === undefined || parts.name === null || parts.name === '' ? parts.dialect : `${parts.dialect}:${parts.name}`,
      limit,
      remaining,
      resetAt: parts.reset?.resetAt ?? null,
      windowSeconds,
      dialect: parts.dialect,
    },
    resetSource: parts.reset === null ? null : parts.resetSource,
    resetExact: parts.reset?.exact ?? false,
  };
}

export interface QuotaList {
  /** The first member: the quota currently closest to exhaustion. */
  readonly first: number | null;
  /** Window of the first policy member with the same quota (or of the first with a window), in seconds. */
  readonly windowSeconds: number | null;
}

const WINDOW_PARAM = /;\s*(?:w|window)\s*=\s*(\d+(?:\.\d+)?)/i;

/**
 * A count that may be a polli-draft quota list (`100, 100;w=10`, Whoop's `100, 100;window=60,
 * 10000;window=86400`) or a plain number. Parsed by hand: these lists predate Structured Fields.
 */
export function parseQuotaList(value: string | undefined): QuotaList {
  if (value === undefined || value.length > MAX_VALUE_CHARS) return { first: null, windowSeconds: null };
  const members = value.split(',');
  const quotaOf = (member: string): number | null => parseDecimal(member.split(';')[0]);
  const first = quotaOf(members[0] ?? '');
  let windowSeconds: number | null = null;
  for (const member of members) {
    const window = WINDOW_PARAM.exec(member);
    if (window === null) continue;
    const seconds = Number(window[1]);
    if (quotaOf(member) === first) return { first, windowSeconds: seconds };
    windowSeconds ??= seconds;
  }
  return { first, windowSeconds };
}


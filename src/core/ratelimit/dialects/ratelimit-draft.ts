/**
 * The pre-Structured-Fields IETF drafts (polli-00 … ietf-06): `RateLimit-Limit`
 * (possibly a policy list `100, 100;w=10`), `RateLimit-Remaining`, `RateLimit-Reset`, and GitLab's
 * same-named headers, whose Reset is epoch seconds "despite the IETF name", plus its
 * `RateLimit-ResetTime` HTTP-date and `RateLimit-Name`.
 */
import { makeReading, parseQuotaList, type Dialect, type DialectReader } from '../reading.ts';
import { readResetValue } from '../reset-value.ts';
import { parseDecimal } from '../values.ts';

/** GitLab throttles per minute unless it says otherwise (its documented default). */
const GITLAB_WINDOW_SECONDS = 60;

const readRateLimitDraft: DialectReader = ({ headers, receivedAt, companionMs }) => {
  const limitList = parseQuotaList(headers.get('ratelimit-limit'));
  const remaining = parseDecimal(headers.get('ratelimit-remaining'));
  const isGitLab = headers.has('ratelimit-observed') || headers.has('ratelimit-resettime') || headers.has('ratelimit-name');
  const windowSeconds = limitList.windowSeconds ?? parseQuotaList(headers.get('ratelimit-policy')).windowSeconds ?? (isGitLab ? GITLAB_WINDOW_SECONDS : null);
  const context = { headers, receivedAt, companionMs, windowSeconds, deltaUnit: 'seconds' } as const;
  // Magnitude decides between the drafts' delta seconds and GitLab's epoch seconds; the HTTP-date
  // sibling covers GitLab responses whose numeric Reset is missing.
  const reset = readResetValue(headers.get('ratelimit-reset'), context) ?? readResetValue(headers.get('ratelimit-resettime'), context);
  const reading = makeReading({
    dialect: isGitLab ? 'gitlab' : 'ratelimit-draft',
    name: headers.get('ratelimit-name')?.trim(),
    limit: limitList.first,
    remaining,
    reset,
    resetSource: 'reset-header',
    windowSeconds,
  });
  return reading === null ? [] : [reading];
};

export const rateLimitDraft: Dialect = { names: /^ratelimit-(?:limit|remaining|reset|resettime)$/, read: readRateLimitDraft };

/**
 * The `X-RateLimit-*` family and its `X-Rate-Limit-*` spelling: GitHub (`-used`,
 * `-resource`), Discord (`-reset-after`, `-bucket`, `-scope`, `-global`), Reddit (`-used`, no limit),
 * Laravel, express, Jira ISO resets, Whoop policy lists, Twitter epochs and Prisjakt delta-ms resets.
 * The reset unit is the trap, so it goes through the classifier with the vendor's window.
 */
import type { HeaderMap } from '../../exchange.ts';
import { makeReading, parseQuotaList, type Dialect, type DialectInput, type LimitReading } from '../reading.ts';
import { readResetValue, resetAfter, type ResetReading } from '../reset-value.ts';
import { parseDecimal } from '../values.ts';

/** Windows the vendors document, for deciding a bare reset number's unit. */
const VENDOR_WINDOW_SECONDS: Readonly<Record<string, number>> = { github: 3600, reddit: 600 };

function dialectOf(headers: HeaderMap, prefix: string): string {
  if (prefix === 'x-rate-limit-') return 'x-rate-limit';
  if (headers.has(`${prefix}resource`)) return 'github';
  if (['reset-after', 'bucket', 'scope', 'global'].some((suffix) => headers.has(prefix + suffix))) return 'discord';
  if (headers.has(`${prefix}used`) && !headers.has(`${prefix}limit`)) return 'reddit';
  return 'x-ratelimit';
}

/** Discord: the global limit is one bucket; otherwise the opaque shared-bucket hash names it. */
function discordBucket(headers: HeaderMap): string | undefined {
  const global = headers.get('x-ratelimit-global')?.trim().toLowerCase() === 'true' || headers.get('x-ratelimit-scope')?.trim().toLowerCase() === 'global';
  return global ? 'global' : headers.get('x-ratelimit-bucket')?.trim();
}

/** Discord's Reset-After (float seconds) beats its epoch Reset: it is immune to clock drift. */
function discordResetAfter(headers: HeaderMap, receivedAt: number): ResetReading | null {
  const seconds = parseDecimal(headers.get('x-ratelimit-reset-after'));
  return seconds === null ? null : resetAfter(seconds * 1000, receivedAt, true);
}

function readPrefix(prefix: 'x-ratelimit-' | 'x-rate-limit-', input: DialectInput): LimitReading[] {
  const { headers, receivedAt } = input;
  const dialect = dialectOf(headers, prefix);
  const limitList = parseQuotaList(headers.get(`${prefix}limit`));
  const remaining = parseDecimal(headers.get(`${prefix}remaining`));
  const used = parseDecimal(headers.get(`${prefix}used`));
  // GitHub documents limit = used + remaining; Reddit sends no limit at all.
  const limit = limitList.first ?? (used !== null && remaining !== null ? used + remaining : null);
  const windowSeconds = limitList.windowSeconds ?? VENDOR_WINDOW_SECONDS[dialect] ?? null;
  const resetAfterReading = dialect === 'discord' ? discordResetAfter(headers, receivedAt) : null;
  // Akamai names the instant of the next allowed request `-Next` instead of `-Reset`.
  const rawReset = headers.get(`${prefix}reset`) ?? headers.get(`${prefix}next`);
  const reset = resetAfterReading ?? readResetValue(rawReset, { ...input, windowSeconds, deltaUnit: 'infer' });
  const reading = makeReading({
    dialect,
    name: dialect === 'github' ? headers.get(`${prefix}resource`)?.trim() : dialect === 'discord' ? discordBucket(headers) : null,
    limit,
    remaining,
    reset,
    resetSource: resetAfterReading === null ? 'reset-header' : 'ratelimit-header',
    windowSeconds,
  });
  return reading === null ? [] : [reading];
}

export const xRateLimit: Dialect = { names: /^x-ratelimit-/, read: (input) => readPrefix('x-ratelimit-', input) };
export const xRateDashLimit: Dialect = { names: /^x-rate-limit-/, read: (input) => readPrefix('x-rate-limit-', input) };

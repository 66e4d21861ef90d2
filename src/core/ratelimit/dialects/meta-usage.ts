/**
 * Meta Graph API usage headers: JSON values that give each counter as a
 * percent of its limit. `X-App-Usage: {"call_count":28,"total_time":25,"total_cputime":25}`,
 * `X-Business-Use-Case-Usage: {"<id>":[{"type":"ads_management","call_count":95,…,
 * "estimated_time_to_regain_access":19}]}` (minutes), `X-Ad-Account-Usage: {"acc_id_util_pct":9.67,…}`.
 * Each becomes a limit of 100 (percent) with what is left of the counter closest to it; a use case with
 * time to wait before access comes back is throttled now, whatever its counters say.
 */
import { isRecord, parseJson, prop } from '../../json.ts';
import { makeReading, type Dialect, type DialectReader, type LimitReading } from '../reading.ts';
import { resetAfter } from '../reset-value.ts';
import { MAX_VALUE_CHARS, numberOf } from '../values.ts';

const FULL = 100;
const USAGE_COUNTERS = ['call_count', 'total_time', 'total_cputime'] as const;

function headerJson(value: string | undefined): unknown {
  return value === undefined || value.length > MAX_VALUE_CHARS ? undefined : parseJson(value);
}

/** The percent used of the counter closest to its limit, or null when none is a number. */
function mostUsed(usage: unknown, counters: readonly string[]): number | null {
  const used = counters.map((counter) => numberOf(prop(usage, counter))).filter((n): n is number => n !== null);
  return used.length === 0 ? null : Math.max(...used);
}

function percentReading(name: string, used: number | null, resetMs: number | null, receivedAt: number): LimitReading | null {
  if (used === null && resetMs === null) return null;
  const blocked = resetMs !== null && resetMs > 0;
  return makeReading({
    dialect: 'meta',
    name,
    limit: FULL,
    remaining: blocked ? 0 : used === null ? null : Math.max(FULL - used, 0),
    // Meta calls it an estimate, in minutes: a reset, not an exact instant.
    reset: blocked ? resetAfter(resetMs, receivedAt, false) : null,
    resetSource: 'reset-header',
  });
}

function businessUseCases(value: unknown, receivedAt: number): LimitReading[] {
  if (!isRecord(value)) return [];
  const readings: LimitReading[] = [];
  for (const [business, useCases] of Object.entries(value)) {
    if (!Array.isArray(useCases)) continue;
    for (const useCase of useCases) {
      const type = prop(useCase, 'type');
      const minutes = numberOf(prop(useCase, 'estimated_time_to_regain_access'));
      const reading = percentReading(
        `${typeof type === 'string' ? type : 'business'}:${business}`,
        mostUsed(useCase, USAGE_COUNTERS),
        minutes === null ? null : minutes * 60_000,
        receivedAt,
      );
      if (reading !== null) readings.push(reading);
    }
  }
  return readings;
}

const readMetaUsage: DialectReader = ({ headers, receivedAt }) => {
  const app = percentReading('app', mostUsed(headerJson(headers.get('x-app-usage')), USAGE_COUNTERS), null, receivedAt);
  const adAccount = percentReading('ad_account', mostUsed(headerJson(headers.get('x-ad-account-usage')), ['acc_id_util_pct']), null, receivedAt);
  const readings = [app, adAccount, ...businessUseCases(headerJson(headers.get('x-business-use-case-usage')), receivedAt)];
  return readings.filter((reading): reading is LimitReading => reading !== null);
};

export const metaUsage: Dialect = { names: /^x-(?:app|ad-account|business-use-case)-usage$/, read: readMetaUsage };

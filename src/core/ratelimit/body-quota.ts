/**
 * Quota objects inside an error body (`"limit": {"total": 6, "remaining": 0, "reset": 1735689600}` from
 * Vercel, `{"quota": {"limit": 1000, "used": 1000, "resets_at": "…"}}`): the same limit / remaining / reset a
 * header dialect carries, read by the names of the members, with the reset measured from the moment the
 * response was received like every header reset.
 */
import type { HeaderMap } from '../exchange.ts';
import { isRecord, type JsonRecord } from '../json.ts';
import { makeReading, type LimitReading } from './reading.ts';
import { readResetValue, resetAfter, type ResetReading } from './reset-value.ts';
import { numberOf } from './values.ts';

/** Levels searched below the root: quota objects sit next to the error, not deep in payload. */
const MAX_DEPTH = 3;
/** Keys looked at per object. */
const MAX_KEYS = 50;

const norm = (key: string): string => key.toLowerCase().replace(/[_-]/g, '');

const LIMIT_KEYS = new Set(['limit', 'total', 'max', 'quota', 'allowed', 'capacity', 'ratelimit', 'ratelimitlimit']);
const REMAINING_KEYS = new Set(['remaining', 'left', 'available', 'remainingquota', 'ratelimitremaining']);
const USED_KEYS = new Set(['used', 'consumed', 'count', 'usage']);
/** Reset keys and the unit their name gives to a small number. */
const RESET_KEYS: ReadonlyMap<string, 'seconds' | 'ms' | 'infer'> = new Map([
  ['reset', 'infer'],
  ['resetat', 'infer'],
  ['resetsat', 'infer'],
  ['resettime', 'infer'],
  ['resetsin', 'seconds'],
  ['resetin', 'seconds'],
  ['resetafter', 'seconds'],
  ['resetseconds', 'seconds'],
  ['resetms', 'ms'],
  ['resetinms', 'ms'],
  ['resetatms', 'ms'],
  ['ratelimitreset', 'infer'],
]);

function readObject(node: JsonRecord, headers: HeaderMap, receivedAt: number): LimitReading | null {
  let limit: number | null = null;
  let remaining: number | null = null;
  let used: number | null = null;
  let reset: ResetReading | null = null;
  let resetIsMs = false;
  for (const key of Object.keys(node).slice(0, MAX_KEYS)) {
    const name = norm(key);
    const value = node[key];
    if (LIMIT_KEYS.has(name)) limit ??= numberOf(value);
    else if (REMAINING_KEYS.has(name)) remaining ??= numberOf(value);
    else if (USED_KEYS.has(name)) used ??= numberOf(value);
    const unit = RESET_KEYS.get(name);
    if (unit === undefined || (reset !== null && !(unit === 'ms' && !resetIsMs))) continue;
    const number = numberOf(value);
    const found =
      number !== null && unit === 'ms' && number < 1e12
        ? resetAfter(number, receivedAt, true)
        : readResetValue(typeof value === 'number' ? String(value) : typeof value === 'string' ? value : undefined, {
            headers,
            receivedAt,
            deltaUnit: unit,
            windowSeconds: null,
            companionMs: null,
          });
    if (found !== null) {
      reset = found;
      resetIsMs = unit === 'ms';
    }
  }
  remaining ??= limit !== null && used !== null ? Math.max(limit - used, 0) : null;
  // A quota object states a remaining count (or how much was used of a limit); a lone `limit` is a setting.
  if (remaining === null) return null;
  return makeReading({ dialect: 'body', limit, remaining, reset, resetSource: 'reset-header' });
}

/** Every quota object in the first levels of a body. */
export function readBodyQuotas(json: unknown, headers: HeaderMap, receivedAt: number): LimitReading[] {
  const out: LimitReading[] = [];
  let level: unknown[] = [json];
  for (let depth = 0; depth <= MAX_DEPTH && level.length > 0 && out.length === 0; depth++) {
    const next: unknown[] = [];
    for (const node of level.slice(0, MAX_KEYS)) {
      if (!isRecord(node)) continue;
      const reading = readObject(node, headers, receivedAt);
      if (reading !== null) out.push(reading);
      for (const key of Object.keys(node).slice(0, MAX_KEYS)) {
        if (isRecord(node[key])) next.push(node[key]);
      }
    }
    level = next;
  }
  return out;
}

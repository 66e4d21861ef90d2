/**
 * A throttle that refills at a known rate: a points bucket (leaky or token bucket) whose state the body gives as
 * what the request costs, what is available now and how fast points come back. Shopify's GraphQL Admin API puts
 * it in `extensions.cost` (`requestedQueryCost` next to `throttleStatus {currentlyAvailable, restoreRate}`); other
 * cost-based APIs spell it their own way. The wait is the shortfall divided by the rate. Keys are found by what
 * their names say (available/remaining, restore/refill/leak rate, requested/required cost), never by vendor.
 */
import type { DelayReading } from './delay.ts';
import { clampDelay, numberOf } from './values.ts';

const AVAILABLE = /^(?:currently)?(?:available|remaining)(?:points|credits|tokens|cost|budget|complexity)?$/;
/** A refill rate; per second unless the name says per minute. */
const RATE = /^(?:restore|refill|leak|drip|regeneration)(?:rate)?(persecond|persec|perminute|permin)?$/;
const COST = /^(?:requested(?:query)?cost|(?:query|request)cost|cost|required(?:points|credits|cost)?)$/;

/** Bounds on the walk: the bucket sits a few levels down (`extensions.cost.throttleStatus`), never deeper. */
const MAX_DEPTH = 4;
const MAX_KEYS = 50;

type JsonObject = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The first number under a key of `level` whose normalized name matches. */
function numberNamed(level: JsonObject, pattern: RegExp): { value: number; match: RegExpExecArray } | null {
  for (const key of Object.keys(level).slice(0, MAX_KEYS)) {
    const match = pattern.exec(key.toLowerCase().replace(/[_-]/g, ''));
    const value = match === null ? null : numberOf(level[key]);
    if (match !== null && value !== null) return { value, match };
  }
  return null;
}

/** The wait a bucket at `level` implies, with the cost stated beside it or one level up. */
function waitAt(level: JsonObject, parent: JsonObject | null): number | null {
  const available = numberNamed(level, AVAILABLE);
  const rate = available === null ? null : numberNamed(level, RATE);
  if (available === null || rate === null || !(rate.value > 0)) return null;
  const cost = numberNamed(level, COST) ?? (parent === null ? null : numberNamed(parent, COST));
  if (cost === null) return null;
  const perSecond = /min/.test(rate.match[1] ?? '') ? rate.value / 60 : rate.value;
  const shortfall = cost.value - available.value;
  return shortfall > 0 ? (shortfall / perSecond) * 1000 : null;
}

function search(level: JsonObject, parent: JsonObject | null, depth: number): number | null {
  const here = waitAt(level, parent);
  if (here !== null || depth >= MAX_DEPTH) return here;
  for (const key of Object.keys(level).slice(0, MAX_KEYS)) {
    const child = level[key];
    const found = isObject(child) ? search(child, level, depth + 1) : null;
    if (found !== null) return found;
  }
  return null;
}

/** The wait until a points bucket the body describes holds what the request costs, or null. */
export function readRefillWait(json: unknown): DelayReading | null {
  if (!isObject(json)) return null;
  const ms = search(json, null, 0);
  // Computed from the server's figures, but the rate's unit is assumed: an estimate, shown as one.
  return ms === null ? null : { afterMs: clampDelay(Math.ceil(ms)), source: 'refill-rate', exact: false };
}

import type { Observation } from '../observation.ts';
import { duration, refsOf } from '../attempts.ts';
import type { Finding } from '../types.ts';

/** Fewer readings than this, or fewer requests used, is not a rate. */
const MIN_READINGS = 3;
const MIN_USED = 2;
/** Running out this close to the reset is the limit working as meant, not a burn. */
const MARGIN_MS = 1000;

interface Reading {
  readonly observation: Observation;
  readonly remaining: number;
  readonly limit: number | null;
  readonly resetAt: number;
  readonly bucket: string;
}

/** The readings of the current window of each limit: the newest run in which the remaining count never went up. */
function currentWindows(observations: readonly Observation[]): Reading[][] {
  const byLimit = new Map<string, Reading[]>();
  for (const observation of observations) {
    const state = observation.rateLimit;
    if (state === null || state.remaining === null || state.resetAt === null) continue;
    const key = `${observation.host} ${state.bucket}`;
    const reading = { observation, remaining: state.remaining, limit: state.limit, resetAt: state.resetAt, bucket: state.bucket };
    const list = byLimit.get(key);
    if (list === undefined) byLimit.set(key, [reading]);
    else list.push(reading);
  }
  const windows: Reading[][] = [];
  for (const readings of byLimit.values()) {
    readings.sort((a, b) => a.observation.receivedAt - b.observation.receivedAt || a.observation.ref - b.observation.ref);
    let start = readings.length - 1;
    while (start > 0 && (readings[start - 1]?.remaining ?? -1) >= (readings[start]?.remaining ?? 0)) start--;
    windows.push(readings.slice(start));
  }
  return windows;
}

function clock(at: number): string {
  return `${new Date(at).toISOString().slice(11, 19)} UTC`;
}

export function quotaBurn(observations: readonly Observation[]): Finding[] {
  const found: Finding[] = [];
  for (const window of currentWindows(observations)) {
    const first = window[0];
    const last = window.at(-1);
    if (first === undefined || last === undefined || window.length < MIN_READINGS) continue;
    const used = first.remaining - last.remaining;
    const span = last.observation.receivedAt - first.observation.receivedAt;
    if (used < MIN_USED || span <= 0) continue;
    const perMs = used / span;
    const runsOutAt = last.observation.receivedAt + last.remaining / perMs;
    if (runsOutAt >= last.resetAt - MARGIN_MS) continue;
    const perMinute = Math.round(perMs * 60_000);
    const left = `${last.remaining}${last.limit === null ? '' : ` of ${last.limit}`} left`;
    const when = last.remaining === 0 ? `ran out at ${clock(last.observation.receivedAt)}` : `runs out in about ${duration(runsOutAt - last.observation.receivedAt)} (${clock(runsOutAt)})`;
    found.push({
      kind: 'quota-burn',
      severity: last.remaining === 0 ? 'warn' : 'info',
      entries: refsOf(window.map((r) => r.observation)),
      message: `At the current rate (${perMinute} a minute), the ${last.bucket} limit of ${last.observation.host} (${left}) ${when}, ${duration(last.resetAt - runsOutAt)} before it resets.`,
      advice: `Spread the requests out (at most ${Math.max(1, Math.floor((last.remaining / Math.max(1, last.resetAt - last.observation.receivedAt)) * 60_000))} a minute would last until the reset), cache or batch them, and read the remaining count to slow down before it reaches 0.`,
    });
  }
  return found;
}

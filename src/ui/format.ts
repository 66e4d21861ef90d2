import { formatCountdown } from '../core/advice/duration.ts';
import type { RateLimitState, RetryVerdict } from '../core/model.ts';

export { formatCountdown, formatDuration } from '../core/advice/duration.ts';

/**
 * How the retry verdict reads at `now`: "wait" while the server's retry time is ahead, "over" once it
 * passed (neutral: the request failed, the wait being over is no success), "backoff" with no time, "stop".
 */
export type RetryTone = 'wait' | 'over' | 'backoff' | 'stop';

/**
 * What the retry cell says at `now`: a countdown to the server's retry time, "wait over" once it passed,
 * or the verdict when there is no time ("backoff": retry with jittered backoff; "don't retry").
 */
export function retryLabel(retry: RetryVerdict, now: number): { readonly text: string; readonly tone: RetryTone } {
  if (retry.retryAt !== null) {
    const left = retry.retryAt - now;
    return left > 0 ? { text: `retry in ${formatCountdown(left)}`, tone: 'wait' } : { text: 'wait over', tone: 'over' };
  }
  if (!retry.retryable) return { text: "don't retry", tone: 'stop' };
  return { text: 'backoff', tone: 'backoff' };
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** Local wall-clock time with milliseconds, like the Network panel's timing columns. */
export function formatTime(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/**
 * How a limit reads at `now`: "error" when nothing is left, "warn" at ≤ 10 % of the limit, "unknown" once
 * its window reset (the remaining count learnt before the reset is stale, and nothing newer is known).
 */
export type LimitTone = 'ok' | 'warn' | 'error' | 'unknown';

export function limitTone(state: RateLimitState, now: number): LimitTone {
  if (state.resetAt !== null && state.resetAt <= now) return 'unknown';
  if (state.remaining === null) return 'ok';
  if (state.remaining <= 0) return 'error';
  return state.limit !== null && state.limit > 0 && state.remaining <= state.limit * 0.1 ? 'warn' : 'ok';
}

/** `1 error`, `2 errors`, `1 request`: a count with its noun, singular for exactly one. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

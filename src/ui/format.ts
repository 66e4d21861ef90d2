import type { RateLimitState, RetryVerdict } from '../core/model.ts';

/** `42_000` → `0:42`, `3_725_000` → `1:02:05`; rounds up so a countdown shows 0:01 until it is over. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

export type RetryTone = 'wait' | 'ready' | 'backoff' | 'stop';

/**
 * What the retry cell says at `now`: a countdown to the server's retry time, "ready" once it passed,
 * or the verdict when there is no time ("backoff": retry with jittered backoff; "don't retry").
 */
export function retryLabel(retry: RetryVerdict, now: number): { readonly text: string; readonly tone: RetryTone } {
  if (retry.retryAt !== null) {
    const left = retry.retryAt - now;
    return left > 0 ? { text: `retry in ${formatCountdown(left)}`, tone: 'wait' } : { text: 'ready', tone: 'ready' };
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

export type LimitTone = 'ok' | 'warn' | 'error' | 'reset';

/** Chip style: error when nothing is left, warning at ≤ 10 % of the limit, neutral once the window reset. */
export function limitTone(state: RateLimitState, now: number): LimitTone {
  if (state.resetAt !== null && state.resetAt <= now) return 'reset';
  if (state.remaining === null) return 'ok';
  if (state.remaining <= 0) return 'error';
  return state.limit !== null && state.limit > 0 && state.remaining <= state.limit * 0.1 ? 'warn' : 'ok';
}

import type { ReadonlySignal } from '@preact/signals';
import type { RateLimitState, RetryVerdict } from '../../core/model.ts';
import { formatCountdown, limitTone, retryLabel, type LimitTone, type RetryTone } from '../format.ts';
import { delaySourceLabels, formatDelay } from './format.ts';

interface ClockProps {
  /** The popup clock (epoch ms); reading it here makes only this line re-render each tick. */
  readonly now: ReadonlySignal<number>;
}

const retryToneClass: Readonly<Record<RetryTone, string>> = { wait: 'fl-wait', ready: 'fl-ok', backoff: 'fl-ok', stop: 'fl-no' };
const limitToneClass: Readonly<Record<LimitTone, string | undefined>> = { ok: undefined, reset: undefined, warn: 'fl-wait', error: 'fl-no' };

/** The verdict in the panel's words: "retry in 0:42" → "ready", "backoff", "don't retry". */
export function RetryStatus({ retry, now }: ClockProps & { readonly retry: RetryVerdict }) {
  const { text, tone } = retryLabel(retry, now.value);
  return <span class={`fl-verdict ${retryToneClass[tone]}`}>{text}</span>;
}

/** Where the delay came from and how to retry, next to the verdict. */
export function RetryDetails({ retry }: { readonly retry: RetryVerdict }) {
  const parts: string[] = [];
  if (retry.retryable && retry.source !== null && retry.afterMs !== null) {
    parts.push(`${formatDelay(retry.afterMs)} from the ${delaySourceLabels[retry.source]}${retry.exact ? '' : ' (estimated)'}`);
  }
  if (retry.retryable && retry.backoff !== null) {
    const { baseMs, capMs, maxAttempts } = retry.backoff;
    parts.push(`exponential backoff with full jitter, ${formatDelay(baseMs)} up to ${formatDelay(capMs)}, at most ${maxAttempts} attempts`);
  }
  if (retry.idempotencyWarning) parts.push('not idempotent and sent without an Idempotency-Key: a retry may apply it twice');
  return parts.length === 0 ? null : <span class="fl-muted">{parts.join(' · ')}</span>;
}

/** "0 of 5 left · resets in 0:03 · window 60 s · bucket" for a rate-limit state. */
export function RateLimitLine({ state, now }: ClockProps & { readonly state: RateLimitState }) {
  const parts: string[] = [];
  if (state.remaining !== null || state.limit !== null) parts.push(`${state.remaining ?? '?'} of ${state.limit ?? '?'} left`);
  if (state.resetAt !== null) {
    const left = state.resetAt - now.value;
    parts.push(left > 0 ? `resets in ${formatCountdown(left)}` : 'reset');
  }
  if (state.windowSeconds !== null) parts.push(`window ${formatDelay(state.windowSeconds * 1000)}`);
  parts.push(state.bucket);
  return <span class={limitToneClass[limitTone(state, now.value)]}>{parts.join(' · ')}</span>;
}

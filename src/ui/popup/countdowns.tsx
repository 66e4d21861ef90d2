import type { ReadonlySignal } from '@preact/signals';
import type { RateLimitState, RetryVerdict } from '../../core/model.ts';
import { rateLimitView } from '../error-view.ts';
import { retryLabel } from '../format.ts';

interface ClockProps {
  /** The popup clock (epoch ms); reading it here makes only this line re-render each tick. */
  readonly now: ReadonlySignal<number>;
}

/** The verdict in the panel's words: "retry in 42 s" → "wait over", "backoff", "don't retry". */
export function RetryStatus({ retry, now }: ClockProps & { readonly retry: RetryVerdict }) {
  const { text, tone } = retryLabel(retry, now.value);
  return <span class={`fl-verdict fl-tone-${tone}`}>{text}</span>;
}

/** "0 of 5 left · resets in 3 s · window 1 min · bucket", the line the panel's details show. */
export function RateLimitLine({ state, now }: ClockProps & { readonly state: RateLimitState }) {
  const view = rateLimitView(state, now.value);
  return <span class={`fl-limit-${view.tone}`}>{[view.line, view.bucket].filter((part) => part !== '').join(' · ')}</span>;
}

import type { RetryKind } from '../../core/catalog/index.ts';
import type { DelaySource } from '../../core/model.ts';

/** Milliseconds as a short duration: `500 ms`, `30 s`, `2 min`. */
export function formatDelay(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${Math.round(ms / 1000)} s`;
  return `${Math.round(ms / 60_000)} min`;
}

export const retryKindLabels: Readonly<Record<RetryKind, string>> = {
  yes: 'retry',
  'after-delay': 'retry after a delay',
  conditional: 'retry depends on the cause',
  no: "don't retry",
};

export const delaySourceLabels: Readonly<Record<DelaySource, string>> = {
  'retry-after': 'Retry-After header',
  'retry-after-ms': 'retry-after-ms header',
  body: 'response body',
  'ratelimit-header': 'RateLimit header',
  'reset-header': 'rate-limit reset header',
  'vendor-duration': 'vendor header',
  'message-text': 'message text',
  backoff: 'backoff',
};

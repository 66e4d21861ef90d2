import type { RetryKind } from '../../core/catalog/index.ts';
import type { DelaySource } from '../../core/model.ts';

/** Milliseconds as a countdown: `0:42`, `12:05`, `1:02:03` (rounded up, so it never shows 0:00 early). */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** A whole number of seconds as a short duration: `500 ms`, `30 s`, `2 min`. */
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

/** `https://api.example.test/v2/vps/1?x=1` → `api.example.test/v2/vps/1`; anything unparsable as it is. */
export function shortUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.host === '' ? url : `${parsed.host}${parsed.pathname}`;
  } catch {
    return url;
  }
}

import { redactUrl } from '../../core/redact.ts';
import { RECENT_LIMIT, type RelayedError } from '../../protocol/relay.ts';
import type { TimelineEntry } from './entries.ts';

/** The last `limit` errors of a panel's timeline (oldest first), newest first, URLs redacted. */
export function recentFromTimeline(entries: readonly TimelineEntry[], limit = RECENT_LIMIT): RelayedError[] {
  const recent: RelayedError[] = [];
  for (let i = entries.length - 1; i >= 0 && recent.length < limit; i--) {
    const entry = entries[i];
    if (entry?.kind !== 'error') continue;
    const { exchange, error } = entry;
    // Shown, never copied; still, the popup has no use for an api_key in a query string.
    recent.push({ url: redactUrl(exchange.url), method: exchange.method, status: error.status, decoded: error, at: exchange.receivedAt });
  }
  return recent;
}

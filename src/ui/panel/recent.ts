import { redactError, redactUrl } from '../../core/redact.ts';
import { RECENT_LIMIT, type RelayedError } from '../../protocol/relay.ts';
import type { TimelineEntry } from './entries.ts';

/**
 * The `limit` kinds of error (fingerprints) seen last in a panel's timeline (oldest first), the most
 * recently seen first: each its newest error, URL redacted, with how many there were and since when.
 */
export function recentFromTimeline(entries: readonly TimelineEntry[], limit = RECENT_LIMIT): RelayedError[] {
  const groups = new Map<string, { newest: RelayedError; count: number; firstAt: number }>();
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (entry?.kind !== 'error') continue;
    const { exchange, error, fingerprint } = entry;
    const group = groups.get(fingerprint.key);
    if (group !== undefined) {
      group.count++;
      group.firstAt = Math.min(group.firstAt, exchange.receivedAt);
    } else if (groups.size < limit) {
      // What crosses to another page goes through the sanitizer: the popup has no use for an api_key in a query string.
      const newest = { url: redactUrl(exchange.url), method: exchange.method, status: error.status, decoded: redactError(error), at: exchange.receivedAt, count: 1, firstAt: exchange.receivedAt };
      groups.set(fingerprint.key, { newest, count: 1, firstAt: exchange.receivedAt });
    }
  }
  return [...groups.values()].map(({ newest, count, firstAt }) => ({ ...newest, count, firstAt }));
}

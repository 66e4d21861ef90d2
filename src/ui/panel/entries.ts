import type { Exchange } from '../../core/exchange.ts';
import type { Fingerprint } from '../../core/findings/index.ts';
import type { DecodedError, RateLimitState } from '../../core/model.ts';

/** One decoded error in the timeline. `key` orders rows and names them in the DOM. */
export interface ErrorEntry {
  readonly kind: 'error';
  readonly key: number;
  /** The capture source's request id. */
  readonly id: string;
  readonly exchange: Exchange;
  readonly error: DecodedError;
  readonly captureNote: string | null;
  /** The capture's word for the row (`CORS`, `unread`…), when it has one. */
  readonly captureTag?: string | undefined;
  readonly host: string;
  /** Path and query. */
  readonly path: string;
  /** Last path segment and query, as the Network panel's Name column shows a request (the host for `/`). */
  readonly name: string;
  /** What makes it "the same error" as others: the grouped view has one row per fingerprint. */
  readonly fingerprint: Fingerprint;
}

/** A "navigated to …" separator, kept when Preserve log is on. */
export interface NavigationEntry {
  readonly kind: 'navigation';
  readonly key: number;
  readonly url: string;
  readonly at: number;
}

export type TimelineEntry = ErrorEntry | NavigationEntry;

/** The latest rate-limit state of one host + bucket, learnt from any response (errors and successes). */
export interface RateLimitChip {
  readonly key: string;
  readonly host: string;
  readonly state: RateLimitState;
}

/** When an entry's request started (a separator: when the page navigated); its place in the timeline. */
export function entryStart(entry: TimelineEntry): number {
  return entry.kind === 'navigation' ? entry.at : (entry.exchange.startedAt ?? entry.exchange.receivedAt);
}

/** `/api/v10/channels/1/messages?limit=5` → `messages?limit=5`; `/users/` → `users/`; `/` → the host. */
function nameOf(host: string, pathname: string, search: string): string {
  const segments = pathname.split('/');
  const trailing = pathname.length > 1 && pathname.endsWith('/');
  const last = segments.filter((s) => s !== '').pop();
  return last === undefined ? `${host || pathname}${search}` : `${last}${trailing ? '/' : ''}${search}`;
}

/** Host, path and Name of a request URL; a URL that does not parse is shown whole. */
export function splitUrl(url: string): { readonly host: string; readonly path: string; readonly name: string } {
  try {
    const parsed = new URL(url);
    return { host: parsed.host, path: `${parsed.pathname}${parsed.search}`, name: nameOf(parsed.host, parsed.pathname, parsed.search) };
  } catch {
    return { host: '', path: url, name: url };
  }
}

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
  readonly host: string;
  /** Path and query, as the Network panel's Name column shows it. */
  readonly path: string;
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

/** Host and path of a request URL; a URL that does not parse is shown whole. */
export function splitUrl(url: string): { readonly host: string; readonly path: string } {
  try {
    const parsed = new URL(url);
    return { host: parsed.host, path: `${parsed.pathname}${parsed.search}` };
  } catch {
    return { host: '', path: url };
  }
}

import type { Exchange } from '../core/exchange.ts';
import { asFields, isNumber, isString } from './validate.ts';

/**
 * The panel's only input. The extension implements it over devtools.network (src/capture); tests, the
 * demo harness and screenshots use the fake in src/ui/fake-source.ts. The panel decodes exchanges with
 * src/core (in the engine worker), so a source only reports what happened on the wire.
 */
export type CaptureEvent =
  | {
      readonly kind: 'exchange';
      /** Unique per request for the life of the source; a request is delivered again only as an `update`. */
      readonly id: string;
      readonly exchange: Exchange;
      /** Why the body is missing or partial (truncated at the cap, binary, unavailable), else null. */
      readonly captureNote: string | null;
      /** A word for the row saying the record is not the plain response the page got (`CORS`, `unread`…). */
      readonly captureTag?: string | undefined;
      /**
       * This request was delivered before with the same id, and this is better information (its body
       * arrived later, or it is the page's own request for what looked like one): it replaces that row,
       * or removes it when it no longer decodes to an error.
       */
      readonly update?: true | undefined;
    }
  | {
      /** The inspected page navigated (a top-level load). */
      readonly kind: 'navigated';
      readonly url: string;
      readonly at: number;
    }
  | {
      /**
       * Requests captured before this subscription that the source had to let go (its buffer is capped)
       * and so will never deliver. At most one, and only first in the first batch of a subscription.
       */
      readonly kind: 'evicted';
      readonly count: number;
    };

export type Theme = 'light' | 'dark';

/**
 * Settings the capture layer applies and the panel offers, shared by both through `settings`: the largest
 * response body kept per request, in KB.
 */
export const BODY_CAP_KB_SETTING = 'capture.bodyCapKb';
export const DEFAULT_BODY_CAP_KB = 256;

export interface CaptureSource {
  /**
   * Starts delivery: first everything captured before this call (in order, after an `evicted` count
   * when some of it could not be kept), then live events, in batches. Returns a function that stops
   * delivery.
   */
  subscribe(onEvents: (events: readonly CaptureEvent[]) => void): () => void;
  /**
   * The user cleared the panel: the source drops what it holds (and its evicted count), so a later
   * subscription, such as a reloaded panel, does not bring the cleared requests back.
   */
  forget(): void;
  /** The DevTools theme now, and changes to it when the browser reports them. */
  readonly theme: Theme;
  onThemeChange(listener: (theme: Theme) => void): () => void;
  /** Small persistent settings (filters, preserve log, caps): survives reloads of the panel. */
  readonly settings: {
    get(key: string): Promise<unknown>;
    set(key: string, value: unknown): Promise<void>;
  };
}

/**
 * The capture channel between the devtools page (which records) and the panel (src/capture/channel.ts):
 *
 *   panel  → page   hello  {session}             "send me everything"
 *   page   → panel  replay {session, events}     the whole buffer, for that session only
 *   page   → panel  live   {events}              batches recorded since
 *   panel  → page   forget                       the user cleared: drop the buffer, and batches not sent yet
 */
export type CaptureChannelMessage =
  | { readonly kind: 'hello'; readonly session: string }
  | { readonly kind: 'replay'; readonly session: string; readonly events: readonly CaptureEvent[] }
  | { readonly kind: 'live'; readonly events: readonly CaptureEvent[] }
  | { readonly kind: 'forget' };

/**
 * A capture event, checked as far as the panel relies on it before decoding: its kind and the fields
 * that kind carries. The exchange itself is checked again by the engine, which decodes it.
 */
function isCaptureEvent(value: unknown): value is CaptureEvent {
  const f = asFields(value);
  if (f === null) return false;
  switch (f['kind']) {
    case 'exchange': {
      const exchange = asFields(f['exchange']);
      return isString(f['id']) && (f['captureNote'] === null || isString(f['captureNote'])) && exchange !== null && isString(exchange['url']) && isNumber(exchange['status']) && isNumber(exchange['receivedAt']);
    }
    case 'navigated':
      return isString(f['url']) && isNumber(f['at']);
    case 'evicted':
      return isNumber(f['count']);
    default:
      return false;
  }
}

/** A capture channel message, checked (see validate.ts); null for anything else, including a batch with one bad event. */
export function asCaptureChannelMessage(data: unknown): CaptureChannelMessage | null {
  const f = asFields(data);
  if (f === null) return null;
  const { kind, session, events } = f;
  if (kind === 'hello' && isString(session)) return { kind, session };
  if (kind === 'forget') return { kind };
  if (!Array.isArray(events) || !events.every(isCaptureEvent)) return null;
  if (kind === 'replay' && isString(session)) return { kind, session, events };
  if (kind === 'live') return { kind, events };
  return null;
}

import { readBody } from '../core/body.ts';
import { headerMap, type Exchange } from '../core/exchange.ts';
import { mayCarryErrorInSuccess, mayCarryRateLimit } from '../core/success-gate.ts';
import type { CaptureEvent } from '../protocol/capture.ts';
import { captureDecision, responseMime } from './candidate.ts';
import { exchangeFromHarEntry } from '../core/har/entry.ts';
import type { DevtoolsEntry, DevtoolsNetwork, RawContent } from './network.ts';
import { DEFAULT_BODY_CAP_BYTES, storeBody, type StoredBody } from './stored-body.ts';

export interface RecorderOptions {
  /** Events kept for a panel that opens later (or reopens); the oldest go first. */
  readonly maxEvents?: number;
  /** Total body text kept across the buffer, so 10 000 large bodies cannot exhaust memory. */
  readonly maxBufferedBodyChars?: number;
  /** Read per request, so a changed setting applies to the next request. */
  readonly bodyCapBytes?: () => number;
  /** getContent() has been seen never to answer for cancelled requests: give up after this. */
  readonly contentTimeoutMs?: number;
  readonly now?: () => number;
}

export interface Recorder {
  /** Everything still buffered, oldest first, after an `evicted` count when the cap let requests go. */
  events(): readonly CaptureEvent[];
  /** Drops everything buffered and the evicted count (the user cleared the panel). */
  forget(): void;
  /** Live events, in recording order. Returns a function that stops them. */
  onEvent(listener: (event: CaptureEvent) => void): () => void;
  /** Resolves once everything received so far is recorded (bodies fetched, backfill merged). */
  settled(): Promise<void>;
}

export const DEFAULT_MAX_EVENTS = 10_000;
const DEFAULT_MAX_BUFFERED_BODY_CHARS = 64 * 1024 * 1024;
const DEFAULT_CONTENT_TIMEOUT_MS = 10_000;

/**
 * Identifies a request across getHAR() and onRequestFinished, which describe the same request with
 * separately built but equal HAR entries (DevTools gives extensions no request id).
 */
export function entryKey(entry: DevtoolsEntry): string {
  return `${entry.startedDateTime} ${entry.request.method} ${entry.request.url} ${entry.response.status} ${entry.time}`;
}

interface Prepared {
  readonly key: string;
  readonly entry: DevtoolsEntry;
  readonly stored: StoredBody;
}

interface Buffered {
  readonly event: CaptureEvent;
  readonly key: string | null;
  readonly chars: number;
}

const NO_BODY: StoredBody = { body: null, captureNote: null };

/**
 * A response below 400 with no error envelope and no rate-limit headers can add neither a row nor a
 * chip to the panel, so it takes no slot in the buffer (which then holds far more errors).
 */
function mayShow(exchange: Exchange): boolean {
  if (exchange.status >= 400) return true;
  const headers = headerMap(exchange.responseHeaders);
  return mayCarryRateLimit(headers) || mayCarryErrorInSuccess(readBody(exchange.body).text, headers);
}

/**
 * Records what DevTools sees for one inspected tab, from the moment the devtools page loads: live
 * requests, a getHAR() backfill of what finished before the listener existed, and navigations. Bodies
 * are fetched at once (DevTools evicts them on navigation), but events are recorded in arrival order.
 */
export function startRecorder(network: DevtoolsNetwork, options: RecorderOptions = {}): Recorder {
  const maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
  const maxBodyChars = options.maxBufferedBodyChars ?? DEFAULT_MAX_BUFFERED_BODY_CHARS;
  const bodyCap = options.bodyCapBytes ?? ((): number => DEFAULT_BODY_CAP_BYTES);
  const contentTimeoutMs = options.contentTimeoutMs ?? DEFAULT_CONTENT_TIMEOUT_MS;
  const now = options.now ?? Date.now;

  const buffer: Buffered[] = [];
  const seen = new Set<string>();
  const listeners = new Set<(event: CaptureEvent) => void>();
  let bufferedChars = 0;
  /** Requests evicted by the caps, so a panel opening later can say what it will never see. */
  let evicted = 0;
  let nextId = 0;

  function record(event: CaptureEvent, key: string | null, chars: number): void {
    buffer.push({ event, key, chars });
    bufferedChars += chars;
    if (key !== null) seen.add(key);
    while (buffer.length > 1 && (buffer.length > maxEvents || bufferedChars > maxBodyChars)) {
      const oldest = buffer.shift();
      if (oldest === undefined) break;
      bufferedChars -= oldest.chars;
      if (oldest.key !== null) seen.delete(oldest.key);
      if (oldest.event.kind === 'exchange') evicted++;
    }
    for (const listener of listeners) listener(event);
  }

  function fetchContent(entry: DevtoolsEntry): Promise<RawContent | null> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(null), contentTimeoutMs);
      const done = (raw: RawContent | null): void => {
        clearTimeout(timer);
        resolve(raw);
      };
      try {
        network.getContent(entry).then(done, () => done(null));
      } catch {
        done(null);
      }
    });
  }

  /** Decides and fetches the body now; never rejects (an entry DevTools built oddly is dropped). */
  function prepare(entry: DevtoolsEntry): Promise<Prepared | null> {
    return prepareEntry(entry).catch(() => null);
  }

  async function prepareEntry(entry: DevtoolsEntry): Promise<Prepared | null> {
    const decision = captureDecision(entry);
    const key = entryKey(entry);
    if (decision === 'skip' || seen.has(key)) return null;
    if (decision === 'headers') return { key, entry, stored: NO_BODY };
    const raw = await fetchContent(entry);
    return { key, entry, stored: storeBody(raw, responseMime(entry), bodyCap()) };
  }

  function commit(prepared: Prepared | null): void {
    if (prepared === null || seen.has(prepared.key)) return;
    const exchange = { ...exchangeFromHarEntry(prepared.entry), body: prepared.stored.body };
    if (!mayShow(exchange)) return;
    const { captureNote } = prepared.stored;
    record({ kind: 'exchange', id: `req-${nextId++}`, exchange, captureNote }, prepared.key, prepared.stored.body?.text.length ?? 0);
  }

  // Everything is recorded through one promise chain, so order is arrival order whatever the
  // getContent() latencies; the backfill goes first because it holds the oldest requests.
  let tail: Promise<void> = Promise.resolve();
  const enqueue = (step: () => void | Promise<void>): void => {
    tail = tail.then(step).catch(() => undefined);
  };

  network.onRequestFinished((entry) => {
    const prepared = prepare(entry);
    enqueue(async () => commit(await prepared));
  });
  network.onNavigated((url) => {
    const at = now();
    enqueue(() => record({ kind: 'navigated', url, at }, null, 0));
  });
  const backfill = network.getHar().then(
    (entries) => Promise.all(entries.map(prepare)),
    () => [],
  );
  enqueue(async () => (await backfill).forEach(commit));

  return {
    events() {
      const events = buffer.map((b) => b.event);
      return evicted > 0 ? [{ kind: 'evicted', count: evicted }, ...events] : events;
    },
    forget() {
      buffer.length = 0;
      bufferedChars = 0;
      evicted = 0;
      // Keys only guard against the startup getHAR() backfill repeating a live request.
      seen.clear();
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    settled: () => tail,
  };
}

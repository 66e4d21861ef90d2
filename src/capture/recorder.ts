import { readBody } from '../core/body.ts';
import { headerMap, type Exchange } from '../core/exchange.ts';
import { mayCarryErrorInSuccess, mayCarryRateLimit } from '../core/success-gate.ts';
import type { CaptureEvent } from '../protocol/capture.ts';
import { captureDecision, failedInBrowser, isBeacon, isWebSocketUrl, responseMime } from './candidate.ts';
import { captureRemark, type MissingBodyCause } from './capture-notes.ts';
import { exchangeFromHarEntry } from '../core/har/entry.ts';
import type { DevtoolsEntry, DevtoolsNetwork, RawContent } from './network.ts';
import { RequestLedger, requestKey } from './request-ledger.ts';
import { ServiceWorkerHops, foldPair, type Half } from './service-worker-hop.ts';
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
  /** A body getContent() did not give is asked for once more after this (DevTools often has it a moment later). */
  readonly contentRetryMs?: number;
  /**
   * Where the browser reports a request finished only once the page has read its body (Chrome), the
   * recorder reconciles with getHAR() this often while the inspected page is quiet (and when the panel
   * asks): a request still unreported `unreadAfterMs` after it first appeared there gets a row anyway.
   */
  readonly reconcileEveryMs?: number;
  readonly unreadAfterMs?: number;
  readonly now?: () => number;
}

export interface Recorder {
  /** Everything still buffered, oldest first, after an `evicted` count when the cap let requests go. */
  events(): readonly CaptureEvent[];
  /** Drops everything buffered and the evicted count (the user cleared the panel). */
  forget(): void;
  /** Live events, in recording order. Returns a function that stops them. */
  onEvent(listener: (event: CaptureEvent) => void): () => void;
  /** Compares with getHAR() now (the panel was shown): adds what the browser never reported finished. */
  reconcile(): Promise<void>;
  /** Resolves once everything received so far is recorded (bodies fetched, backfill merged). */
  settled(): Promise<void>;
  /** Stops the periodic reconciliation (tests; the devtools page lives as long as DevTools). */
  stop(): void;
}

export const DEFAULT_MAX_EVENTS = 10_000;
const DEFAULT_MAX_BUFFERED_BODY_CHARS = 64 * 1024 * 1024;
const DEFAULT_CONTENT_TIMEOUT_MS = 10_000;
const DEFAULT_CONTENT_RETRY_MS = 1_000;
const DEFAULT_RECONCILE_EVERY_MS = 2_000;
const DEFAULT_UNREAD_AFTER_MS = 1_500;
/** getContent() of a request the page has not read waits for the read (Chrome): the HAR pass does not wait long. */
const UNREAD_CONTENT_TIMEOUT_MS = 1_500;
/** The page is quiet when nothing finished for this long: a getHAR() pass then competes with no burst. */
const QUIET_MS = 1_000;
/** A getHAR() pass may take at most this share of the time between passes; a longer pass spaces them out. */
const RECONCILE_DUTY = 0.01;
/** How long after a navigation (and a burst) the browser's log holds what the navigation overtook. */
const AFTER_NAVIGATION_MS = 1_500;
/** Requests the ledger remembers; older ones are taken as recorded. */
const LEDGER_KEYS = 20_000;

/**
 * `first`: at startup, for what finished before the listener; `settled`: once the page settled after a
 * navigation, for what the navigation overtook; both take every unreported entry at once. `graced` (Chrome's periodic
 * pass) takes an entry only once it stayed unreported for a while: a body being read is reported within
 * milliseconds.
 */
type PassMode = 'first' | 'settled' | 'graced';

interface HeldReport {
  readonly entry: DevtoolsEntry;
  /** Passes that found the request in the log still without a status. */
  readonly passes: number;
}

/** Passes a Firefox report with status 0 waits for the log to fill the status in. */
const HELD_PASSES = 4;

interface Prepared {
  readonly entry: DevtoolsEntry;
  readonly stored: StoredBody;
  readonly missing: MissingBodyCause | null;
}

interface Buffered {
  event: CaptureEvent;
  chars: number;
}

/**
 * A response below 400 with no error envelope and no rate-limit headers can add neither a row nor a
 * chip to the panel, so it takes no slot in the buffer (which then holds far more errors). Status 0
 * (no status recorded) is kept with a body, as a refused WebSocket handshake, or as a beacon whose
 * answer DevTools lost with the page.
 */
function mayShow(exchange: Exchange, missing: MissingBodyCause | null): boolean {
  if (exchange.status >= 400) return true;
  if (exchange.status === 0) return exchange.body !== null || exchange.resourceType === 'websocket' || missing === 'left-in-flight';
  const headers = headerMap(exchange.responseHeaders);
  return mayCarryRateLimit(headers) || mayCarryErrorInSuccess(readBody(exchange.body).text, headers);
}

function halfOf(entry: DevtoolsEntry): Half {
  const start = Date.parse(entry.startedDateTime);
  return {
    method: entry.request.method,
    url: entry.request.url,
    start,
    end: start + (entry.time > 0 ? entry.time : 0),
    viaServiceWorker: entry.response._fetchedViaServiceWorker === true,
  };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Records what DevTools sees for one inspected tab, from the moment the devtools page loads: live
 * requests, what getHAR() holds that was never reported live (requests from before the listener; in
 * Chrome, responses the page never read), and navigations. Bodies are fetched at once (DevTools
 * evicts them on navigation), but events are recorded in arrival order.
 */
export function startRecorder(network: DevtoolsNetwork, options: RecorderOptions = {}): Recorder {
  const maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
  const maxBodyChars = options.maxBufferedBodyChars ?? DEFAULT_MAX_BUFFERED_BODY_CHARS;
  const bodyCap = options.bodyCapBytes ?? ((): number => DEFAULT_BODY_CAP_BYTES);
  const contentTimeoutMs = options.contentTimeoutMs ?? DEFAULT_CONTENT_TIMEOUT_MS;
  const contentRetryMs = options.contentRetryMs ?? DEFAULT_CONTENT_RETRY_MS;
  const reconcileEveryMs = options.reconcileEveryMs ?? DEFAULT_RECONCILE_EVERY_MS;
  const unreadAfterMs = options.unreadAfterMs ?? DEFAULT_UNREAD_AFTER_MS;
  const now = options.now ?? Date.now;

  const buffer: Buffered[] = [];
  const listeners = new Set<(event: CaptureEvent) => void>();
  const ledger = new RequestLedger(LEDGER_KEYS);
  const hops = new ServiceWorkerHops();
  /**
   * Rows recorded from getHAR(), by request key: the same request reported live later (its body was
   * read, or it finished just after the snapshot) updates its row instead of adding one.
   */
  const snapshotRows = new Map<string, string[]>();
  /** Requests taken from getHAR() not reported live yet, by key: the next live report of each is the same request. */
  const claims = new Map<string, number>();
  /** When each snapshot entry not reported live was first seen (by its name in the snapshot). */
  const firstMissing = new Map<string, number>();
  let bufferedChars = 0;
  /** Requests evicted by the caps, so a panel opening later can say what it will never see. */
  let evicted = 0;
  let nextId = 0;
  let lastNavigationAt = -Infinity;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let lastFinishedAt = -Infinity;

  function record(event: CaptureEvent, chars: number): void {
    buffer.push({ event, chars });
    bufferedChars += chars;
    while (buffer.length > 1 && (buffer.length > maxEvents || bufferedChars > maxBodyChars)) {
      const oldest = buffer.shift();
      if (oldest === undefined) break;
      bufferedChars -= oldest.chars;
      if (oldest.event.kind === 'exchange') evicted++;
    }
    emit(event);
  }

  /** A better version of a recorded request: replaces it in the buffer (a later panel gets it once) and goes out as an update. */
  function update(event: Extract<CaptureEvent, { kind: 'exchange' }>, chars: number): void {
    const index = buffer.findLastIndex((b) => b.event.kind === 'exchange' && b.event.id === event.id);
    const held = buffer[index];
    if (held === undefined) {
      record({ ...event, update: undefined }, chars);
      return;
    }
    bufferedChars += chars - held.chars;
    held.event = { ...event, update: undefined };
    held.chars = chars;
    emit(event);
  }

  function emit(event: CaptureEvent): void {
    for (const listener of listeners) listener(event);
  }

  /** The body, null when DevTools answered without one, undefined when it did not answer in time. */
  function fetchContent(entry: DevtoolsEntry, timeoutMs: number): Promise<RawContent | null | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), timeoutMs);
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

  /**
   * The body of a request reported finished: asked twice, a moment apart, before calling it gone
   * (EventSource and beacon bodies are often there a moment later), unless the browser says the request
   * failed. Then the cause named is the navigation when there was one since the request started.
   */
  async function liveBody(entry: DevtoolsEntry): Promise<Prepared> {
    let raw = await fetchContent(entry, contentTimeoutMs);
    // Asked again only when DevTools answered "nothing": one that never answers (a cancelled request) is not waited for twice.
    if (raw === null && !failedInBrowser(entry)) {
      await sleep(contentRetryMs);
      raw = await fetchContent(entry, contentTimeoutMs);
    }
    if (raw !== null && raw !== undefined) return { entry, stored: storeBody(raw, responseMime(entry), bodyCap()), missing: null };
    return { entry, stored: { body: null, captureNote: null }, missing: Date.parse(entry.startedDateTime) <= lastNavigationAt ? 'navigated' : 'gone' };
  }

  /**
   * A beacon the page left behind (Chrome). The browser completes a beacon after the page navigated away,
   * but Chrome's DevTools records nothing that arrives for the page it left, even with Preserve log on
   * (the protocol still reports it; its log drops it), nor does it report the request finished. A beacon
   * answered before that point is reported live; one answered as the navigation began may be in getHAR()
   * with its status but no body; one answered later stays there with status 0, no failure marker and a
   * getContent() that never answers: its row says its answer was lost. (A fetch left in flight looks the
   * same, but it was cancelled with its page: it gets no row.) A live report, if one ever comes, updates it.
   */
  function leftBehind(entry: DevtoolsEntry): 'answered' | 'in flight' | null {
    if (!network.finishesOnRead || !isBeacon(entry) || Date.parse(entry.startedDateTime) > lastNavigationAt) return null;
    return entry.response.status === 0 && !failedInBrowser(entry) ? 'in flight' : 'answered';
  }

  /**
   * The body of a request found only in getHAR(). Where the browser reports requests once their body is
   * read, one it never reported is one the page has not read (getContent() waits for that read, so the
   * wait is short and the cause is known), or a beacon the page left behind.
   */
  async function snapshotBody(entry: DevtoolsEntry): Promise<Prepared> {
    const left = leftBehind(entry);
    if (left === 'in flight') return { entry, stored: { body: null, captureNote: null }, missing: 'left-in-flight' };
    const raw = await fetchContent(entry, network.finishesOnRead ? UNREAD_CONTENT_TIMEOUT_MS : contentTimeoutMs);
    if (raw !== null && raw !== undefined) return { entry, stored: storeBody(raw, responseMime(entry), bodyCap()), missing: null };
    const missing = left === 'answered' ? 'navigated' : network.finishesOnRead ? 'never-read' : 'gone';
    return { entry, stored: { body: null, captureNote: null }, missing };
  }

  /** Decides and fetches the body now; never rejects (an entry DevTools built oddly is dropped). */
  function prepare(entry: DevtoolsEntry, from: 'live' | 'snapshot'): Promise<Prepared | null> {
    const run = async (): Promise<Prepared | null> => {
      const decision = captureDecision(entry);
      if (decision === 'skip') return null;
      if (decision === 'headers') return { entry, stored: { body: null, captureNote: null }, missing: null };
      return from === 'live' ? liveBody(entry) : snapshotBody(entry);
    };
    return run().catch(() => null);
  }

  /** Records a prepared request; `again` when it is a request taken from getHAR() before, now reported live. */
  function commit(prepared: Prepared | null, from: 'live' | 'snapshot', again = false): void {
    if (prepared === null) return;
    const { entry, stored, missing } = prepared;
    const exchange = { ...exchangeFromHarEntry(entry), body: stored.body };
    const key = requestKey(entry);
    const earlier = again ? snapshotRows.get(key)?.shift() : undefined;
    const remark = captureRemark(exchange, exchange.body === null ? missing : null);
    const event: Extract<CaptureEvent, { kind: 'exchange' }> = {
      kind: 'exchange',
      id: earlier ?? '',
      exchange,
      captureNote: remark?.note ?? stored.captureNote,
      captureTag: remark?.tag ?? stored.captureTag,
    };
    const half = halfOf(entry);
    const partner = earlier === undefined ? hops.takePartner(half) : null;
    if (partner !== null) {
      const folded = half.viaServiceWorker ? foldPair(event, partner.event, partner.event.id) : foldPair(partner.event, event, partner.event.id);
      update(folded, folded.exchange.body?.text.length ?? 0);
      return;
    }
    if (earlier === undefined && !mayShow(exchange, missing)) return;
    const id = earlier ?? `req-${nextId++}`;
    const shown = { ...event, id };
    hops.remember({ ...half, event: shown });
    const chars = stored.body?.text.length ?? 0;
    if (earlier !== undefined) update({ ...shown, update: true }, chars);
    else record(shown, chars);
    if (from === 'snapshot') snapshotRows.set(key, [...(snapshotRows.get(key) ?? []), id]);
  }

  // Everything is recorded through one promise chain, so order is arrival order whatever the
  // getContent() latencies; the first getHAR() pass goes first because it holds the oldest requests.
  let tail: Promise<void> = Promise.resolve();
  const enqueue = (step: () => void | Promise<void>): void => {
    tail = tail.then(step).catch(() => undefined);
  };

  /** Firefox live reports with status 0, by key, held for the next pass: its log fills the status in later. */
  let held = new Map<string, HeldReport[]>();
  // Firefox's network monitor loses requests that arrive while getHAR() builds its log (they never reach
  // its list, its onRequestFinished or a later getHAR(): 4 to 7 of 160 in the demo page's burst), so the
  // pass waits until nothing finished for AFTER_NAVIGATION_MS, however long the page keeps requesting.
  const settleSoon = (afterMs = AFTER_NAVIGATION_MS): void => {
    clearTimeout(settleTimer); // one pass after the last of quick navigations or reports
    settleTimer = setTimeout(() => {
      const quietFor = now() - lastFinishedAt;
      if (quietFor < AFTER_NAVIGATION_MS) settleSoon(AFTER_NAVIGATION_MS - quietFor);
      // A periodic pass under way takes only what stayed unreported for a while: this one goes after it.
      else if (passing !== null) void passing.then(() => settleSoon(0));
      else void reconcile('settled').then(() => held.size > 0 && settleSoon());
    }, afterMs);
  };

  network.onRequestFinished((entry) => {
    lastFinishedAt = now();
    const key = requestKey(entry);
    const claimed = claims.get(key) ?? 0;
    // Firefox may report a request before its log has the status (under load it says 0): the pass reads it then.
    if (!network.finishesOnRead && entry.response.status === 0 && claimed === 0 && !isWebSocketUrl(entry.request.url) && captureDecision(entry) !== 'skip') {
      held.set(key, [...(held.get(key) ?? []), { entry, passes: 0 }]);
      settleSoon();
      return;
    }
    // Decided now, in report order: a live report counts against a getHAR() pass only if it came after it.
    if (claimed > 0) claims.set(key, claimed - 1);
    else if (captureDecision(entry) !== 'skip') ledger.add(entry);
    const prepared = prepare(entry, 'live');
    enqueue(async () => commit(await prepared, 'live', claimed > 0));
  });
  network.onNavigated((url) => {
    const at = now();
    lastNavigationAt = at;
    enqueue(() => record({ kind: 'navigated', url, at }, 0));
    // Neither browser reports live what the navigation overtook, but a log the Network panel keeps holds
    // it once the page settled: Firefox's with status 0 but its body, Chrome's a beacon the page left
    // behind. That pass takes what started before the navigation at once (nothing more will come of it).
    settleSoon();
  });

  /**
   * One pass over getHAR(): entries never reported live are recorded, at once on the first pass (they
   * finished before the listener existed), later only once they have stayed unreported for a while (a
   * body being read is reported within milliseconds).
   */
  let passing: Promise<void> | null = null;
  async function reconcilePass(mode: PassMode): Promise<number> {
    const first = mode === 'first';
    const asOf = ledger.now();
    const began = now();
    const waiting = held;
    held = new Map();
    const snapshot = await network.getHar().catch(() => []);
    const spent = now() - began;
    ledger.prune(snapshot, asOf);
    const listed = new Set(snapshot.map(requestKey));
    for (const key of snapshotRows.keys()) if (!listed.has(key)) snapshotRows.delete(key);
    for (const key of claims.keys()) if (!listed.has(key)) claims.delete(key);
    const due: DevtoolsEntry[] = [];
    const stillMissing = new Set<string>();
    for (const { entry, name } of ledger.unrecorded(snapshot)) {
      if (captureDecision(entry) === 'skip') continue;
      const seen = firstMissing.get(name) ?? began;
      if (mode !== 'graced' || began - seen >= unreadAfterMs) {
        due.push(entry);
        continue;
      }
      stillMissing.add(name);
      firstMissing.set(name, seen);
    }
    for (const name of firstMissing.keys()) if (!stillMissing.has(name)) firstMissing.delete(name);
    const taken: DevtoolsEntry[] = [];
    const unmatched: DevtoolsEntry[] = [];
    for (const entry of due) {
      const key = requestKey(entry);
      const report = waiting.get(key)?.shift();
      if (report !== undefined && entry.response.status === 0) {
        // The log has no status yet either (a busy browser): wait another pass, a few at most.
        if (report.passes + 1 < HELD_PASSES) held.set(key, [...(held.get(key) ?? []), { entry: report.entry, passes: report.passes + 1 }]);
        else unmatched.push(report.entry);
        continue;
      }
      // Firefox reports every request live except one a navigation overtook: an unreported entry that
      // started since the last navigation is still on its way (in a burst the log lists it before the
      // report, often still without a status). Taking it now would count it as recorded, and its live
      // report (under load with status 0 and no body yet) would then find nothing to wait for.
      if (report === undefined && mode === 'settled' && Date.parse(entry.startedDateTime) > lastNavigationAt) continue;
      // A held live report is this request: the log's version (with its status) replaces it.
      if (report === undefined) claims.set(key, (claims.get(key) ?? 0) + 1);
      ledger.add(entry);
      taken.push(entry);
    }
    // Held reports the log no longer lists (it was cleared): recorded as reported, status 0 and all.
    unmatched.push(...[...waiting.values()].flat().map((report) => report.entry));
    for (const entry of unmatched) ledger.add(entry);
    const live = Promise.all(unmatched.map((entry) => prepare(entry, 'live')));
    if (unmatched.length > 0) enqueue(async () => (await live).forEach((each) => commit(each, 'live')));
    const prepared = Promise.all(taken.map((entry) => prepare(entry, 'snapshot')));
    // Queued now, before any live report of these requests: such a report then updates their rows. The
    // first pass holds the oldest requests: its place in the chain was taken when the recorder started.
    if (first) resolveFirstPass(await prepared);
    else if (taken.length > 0) enqueue(async () => (await prepared).forEach((each) => commit(each, 'snapshot')));
    await prepared;
    return spent;
  }

  const reconcile = (mode: PassMode = 'graced'): Promise<void> => {
    passing ??= reconcilePass(mode).then(
      (spent) => {
        passing = null;
        nextGap = Math.max(reconcileEveryMs, spent / RECONCILE_DUTY);
      },
      () => {
        passing = null;
      },
    );
    return passing;
  };

  // Periodic passes only where the browser withholds unread responses (Chrome): elsewhere every
  // request is reported live, and the first pass covers what came before the listener.
  let nextGap = reconcileEveryMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = (): void => {
    const quiet = now() - lastFinishedAt >= QUIET_MS;
    const step = quiet ? reconcile() : Promise.resolve();
    void step.then(() => {
      timer = setTimeout(tick, quiet ? nextGap : QUIET_MS);
    });
  };
  let resolveFirstPass: (prepared: readonly (Prepared | null)[]) => void = () => undefined;
  const firstPass = new Promise<readonly (Prepared | null)[]>((resolve) => (resolveFirstPass = resolve));
  enqueue(async () => (await firstPass).forEach((each) => commit(each, 'snapshot')));
  void reconcile('first').then(() => {
    resolveFirstPass([]); // a no-op after the pass resolved it; if the pass failed, later events must not wait

    if (network.finishesOnRead) timer = setTimeout(tick, nextGap);
  });

  return {
    events() {
      const events = buffer.map((b) => b.event);
      return evicted > 0 ? [{ kind: 'evicted', count: evicted }, ...events] : events;
    },
    forget() {
      buffer.length = 0;
      bufferedChars = 0;
      evicted = 0;
      // The ledger stays: what was cleared must not come back from the next getHAR() pass.
      snapshotRows.clear();
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reconcile: () => reconcile().then(() => tail),
    settled: async () => {
      await passing;
      await tail;
    },
    stop: () => {
      clearTimeout(timer);
      clearTimeout(settleTimer);
    },
  };
}

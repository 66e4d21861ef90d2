import { batch, computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import { observe, type Observation } from '../../core/findings/index.ts';
import type { Analysis } from '../../core/model.ts';
import type { AnalyzeBatch } from '../../protocol/engine.ts';
import type { CaptureEvent } from '../../protocol/capture.ts';
import { entryStart, splitUrl, type ErrorEntry, type RateLimitChip, type TimelineEntry } from './entries.ts';

export const DEFAULT_MAX_ERRORS = 5000;

/**
 * Limits of one batch sent to the decoder. Cloning a batch to the worker, and its answer back, and
 * applying it all run on the panel's thread: bounded batches keep each of those far below a long task.
 */
export const MAX_BATCH_EXCHANGES = 100;
const MAX_BATCH_BODY_CHARS = 1024 * 1024;
/**
 * During a burst the timeline changes at most this often. Each change restyles, lays out and paints
 * every row in view (they all change while following a burst), which costs far more than decoding; on a
 * machine the burst itself saturates, fewer such frames are fewer chances of one running long. Twice a
 * second still reads as live; a batch after a quiet spell shows at once.
 */
export const DEFAULT_RENDER_EVERY_MS = 500;

export interface IngestOptions {
  /** The decoder: the engine worker in the extension; in-thread, or a stand-in, in tests. */
  readonly analyze: AnalyzeBatch;
  /** Runs `flush` once before the next paint; incoming events are batched until then. */
  readonly schedule?: (flush: () => void) => void;
  readonly maxErrors?: number;
  /** The least time between two updates of the timeline while batches keep arriving; 0 updates on every batch. */
  readonly renderEveryMs?: number;
  /** Called by Clear, so the capture source forgets too and a reloaded panel does not bring the errors back. */
  readonly onClear?: () => void;
}

/** What came in and what it decoded to: the queue, the batches sent to the decoder, the timeline they make. */
export interface Ingest {
  /** Errors and navigation separators, in the order their requests started (DevTools' order). */
  readonly entries: ReadonlySignal<readonly TimelineEntry[]>;
  readonly errorCount: ReadonlySignal<number>;
  /** Errors dropped because the cap was reached, since the last Clear. */
  readonly droppedByCap: ReadonlySignal<number>;
  /** Requests dropped because capture was paused, since the last Clear. */
  readonly droppedWhilePaused: ReadonlySignal<number>;
  /** Requests the capture source let go before this panel received them (its buffer cap), since the last Clear. */
  readonly evictedBySource: ReadonlySignal<number>;
  /** Requests the decoder failed on (the engine worker could not load or crashed), since the last Clear. */
  readonly undecoded: ReadonlySignal<number>;
  readonly rateLimits: ReadonlySignal<readonly RateLimitChip[]>;
  /**
   * Every request decoded since the last Clear or navigation (successes too, without bodies), the newest
   * `maxErrors` of them, oldest first: what the findings read. An error's observation has its row's key.
   */
  readonly observations: ReadonlySignal<readonly Observation[]>;
  readonly paused: Signal<boolean>;
  readonly preserveLog: Signal<boolean>;
  readonly maxErrors: Signal<number>;
  /** Takes a batch from the capture source; it goes to the decoder at the next frame. */
  receive(events: readonly CaptureEvent[]): void;
  /**
   * Sends what was received to the decoder, one bounded batch at a time, unless a batch is still being
   * decoded: each answer is applied as it arrives, and the next batch goes out then.
   */
  flush(): void;
  clear(): void;
}

/** Frames pause while DevTools (or the panel) is hidden: the timer keeps decoding going then. */
const HIDDEN_FLUSH_MS = 100;

function nextFrame(flush: () => void): void {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    flush();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(once);
  setTimeout(once, typeof requestAnimationFrame === 'function' ? HIDDEN_FLUSH_MS : 16);
}

/** Drops the oldest errors beyond `max` (and the separators before the first error kept). */
function capEntries(entries: readonly TimelineEntry[], max: number): { kept: readonly TimelineEntry[]; dropped: number } {
  let errors = 0;
  for (const entry of entries) if (entry.kind === 'error') errors++;
  let excess = errors - Math.max(1, max);
  if (excess <= 0) return { kept: entries, dropped: 0 };
  const dropped = excess;
  let cut = 0;
  while (excess > 0 && cut < entries.length) {
    if (entries[cut]?.kind === 'error') excess--;
    cut++;
  }
  return { kept: entries.slice(cut), dropped };
}

/**
 * Adds an entry in request-start order. Responses arrive out of order (a slow request started first
 * finishes last), so it walks back from the end past later starts: a step or two, as arrivals are
 * nearly in order. It stops at a navigation separator: what arrives after it stays with the page after it.
 */
function insertByStart(entries: TimelineEntry[], entry: TimelineEntry): void {
  const start = entryStart(entry);
  let at = entries.length;
  while (at > 0) {
    const before = entries[at - 1];
    // A navigation separator is never crossed: its time is when DevTools reported the navigation, a little
    // after it happened, so the new page's first requests can start "before" it while belonging after it.
    if (before === undefined || before.kind === 'navigation' || entryStart(before) <= start) break;
    at--;
  }
  if (at === entries.length) entries.push(entry);
  else entries.splice(at, 0, entry);
}

/** How many events from the front of `queue` make the next batch: at least one, within the batch limits. */
function batchLength(queue: readonly CaptureEvent[]): number {
  let exchanges = 0;
  let chars = 0;
  let end = 0;
  for (; end < queue.length; end++) {
    const event = queue[end];
    if (event?.kind !== 'exchange') continue;
    const size = event.exchange.body?.text.length ?? 0;
    if (exchanges > 0 && (exchanges === MAX_BATCH_EXCHANGES || chars + size > MAX_BATCH_BODY_CHARS)) break;
    exchanges++;
    chars += size;
  }
  return end;
}

/**
 * The ingest half of the panel's state. Capture events are decoded by the injected decoder, a batch at
 * a time and in order. Pausing drops new requests (counted); a navigation clears the log like the
 * Network panel unless Preserve log is on, in which case it leaves a separator.
 */
export function createIngest(options: IngestOptions): Ingest {
  const schedule = options.schedule ?? nextFrame;
  const renderEveryMs = options.renderEveryMs ?? DEFAULT_RENDER_EVERY_MS;

  const entries = signal<readonly TimelineEntry[]>([]);
  const droppedByCap = signal(0);
  const droppedWhilePaused = signal(0);
  const evictedBySource = signal(0);
  const undecoded = signal(0);
  const rateLimitMap = signal<ReadonlyMap<string, RateLimitChip>>(new Map());
  const observations = signal<readonly Observation[]>([]);
  const paused = signal(false);
  const preserveLog = signal(false);
  const maxErrors = signal(options.maxErrors ?? DEFAULT_MAX_ERRORS);

  let queue: CaptureEvent[] = [];
  let scheduled = false;
  /** A batch is with the decoder: the next one waits for its answer, which keeps batches in order. */
  let decoding = false;
  /** Bumped by Clear, so the answer to a batch sent before it is dropped. */
  let generation = 0;
  let nextKey = 1;
  /** Decoded batches not yet shown: the timeline as it will be at the next update, and what it adds up. */
  let staged: {
    entries: readonly TimelineEntry[];
    observations: readonly Observation[];
    dropped: number;
    rateLimits: ReadonlyMap<string, RateLimitChip> | null;
  } | null = null;
  let lastPublished = Number.NEGATIVE_INFINITY;
  let publishTimer: ReturnType<typeof setTimeout> | null = null;

  const errorCount = computed(() => entries.value.reduce((n, e) => (e.kind === 'error' ? n + 1 : n), 0));
  const rateLimits = computed(() => [...rateLimitMap.value.values()].sort((a, b) => a.key.localeCompare(b.key)));

  /** The decoder's analyses of a batch; none when it failed (the engine is gone), which is counted and logged. */
  async function decode(events: readonly CaptureEvent[]): Promise<readonly Analysis[]> {
    const exchanges = events.flatMap((event) => (event.kind === 'exchange' ? [event.exchange] : []));
    if (exchanges.length === 0) return [];
    try {
      return await options.analyze(exchanges);
    } catch (error) {
      undecoded.value += exchanges.length;
      console.error(`Faultline could not decode ${exchanges.length} requests:`, error);
      return [];
    }
  }

  /** Shows every staged batch in one update: errors, learnt rate limits, the cap. */
  function publish(): void {
    if (publishTimer !== null) clearTimeout(publishTimer);
    publishTimer = null;
    const shown = staged;
    staged = null;
    if (shown === null) return;
    lastPublished = Date.now();
    batch(() => {
      entries.value = shown.entries;
      observations.value = shown.observations;
      if (shown.dropped > 0) droppedByCap.value += shown.dropped;
      if (shown.rateLimits !== null) rateLimitMap.value = shown.rateLimits;
    });
  }

  /** Adds a decoded batch to the timeline: navigations, errors and learnt rate limits, within the cap. */
  function apply(events: readonly CaptureEvent[], analyses: readonly Analysis[]): void {
    let next = (staged?.entries ?? entries.peek()).slice();
    let seen = (staged?.observations ?? observations.peek()).slice();
    let learnt: Map<string, RateLimitChip> | null = null;
    let decoded = 0;
    for (const event of events) {
      if (event.kind === 'navigated') {
        if (preserveLog.value) next.push({ kind: 'navigation', key: nextKey++, url: event.url, at: event.at });
        else {
          next = [];
          seen = [];
        }
        continue;
      }
      if (event.kind === 'evicted') continue; // counted on receipt (see receive)
      const analysis = analyses[decoded++];
      if (analysis === undefined) continue; // not decoded (see decode): nothing to show for it
      const { exchange } = event;
      const { host, path, name } = splitUrl(exchange.url);
      if (analysis.rateLimit !== null) {
        learnt ??= new Map(staged?.rateLimits ?? rateLimitMap.peek());
        const key = `${host} ${analysis.rateLimit.bucket}`;
        learnt.set(key, { key, host, state: analysis.rateLimit });
      }
      const observation = observe(nextKey++, exchange, analysis);
      seen.push(observation);
      const entry: ErrorEntry | null =
        analysis.error === null || observation.fingerprint === null
          ? null
          : { kind: 'error', key: observation.ref, id: event.id, exchange, error: analysis.error, captureNote: event.captureNote, captureTag: event.captureTag, host, path, name, fingerprint: observation.fingerprint };
      // An update replaces the row it was delivered as before, in place (or removes it); rare, so a scan is fine.
      const replaced = event.update === true ? next.findIndex((e) => e.kind === 'error' && e.id === event.id) : -1;
      if (replaced >= 0) {
        if (entry === null) next.splice(replaced, 1);
        else next[replaced] = { ...entry, key: next[replaced]?.key ?? entry.key };
      } else if (entry !== null) {
        insertByStart(next, entry);
      }
    }
    const { kept, dropped } = capEntries(next, maxErrors.peek());
    // Findings look back as far as the timeline keeps errors: the same cap bounds what is kept for them.
    const excess = seen.length - maxErrors.peek();
    staged = { entries: kept, observations: excess > 0 ? seen.slice(excess) : seen, dropped: (staged?.dropped ?? 0) + dropped, rateLimits: learnt ?? staged?.rateLimits ?? null };
    if (publishTimer !== null) return;
    // With an update interval, the update is a task of its own, apart from the batch that made it: in one task,
    // a burst's batch and the render of the rows in view added up to long tasks. Without one (a HAR opened,
    // tests), it comes at once.
    if (renderEveryMs === 0) publish();
    else publishTimer = setTimeout(publish, Math.max(0, lastPublished + renderEveryMs - Date.now()));
  }

  function flush(): void {
    scheduled = false;
    if (decoding || queue.length === 0) return;
    const length = batchLength(queue);
    const events = queue.slice(0, length);
    queue = queue.slice(length);
    const sent = generation;
    decoding = true;
    void decode(events).then((analyses) => {
      decoding = false;
      if (sent === generation) apply(events, analyses);
      // What arrived meanwhile has waited at least this long: it goes out now, not a frame later.
      flush();
    });
  }

  function receive(events: readonly CaptureEvent[]): void {
    // Counted even while paused: those requests are gone either way, and the user should know.
    const evicted = events.reduce((n, e) => (e.kind === 'evicted' ? n + e.count : n), 0);
    if (evicted > 0) evictedBySource.value += evicted;
    if (paused.value) {
      droppedWhilePaused.value += events.filter((e) => e.kind === 'exchange').length;
      return;
    }
    for (const event of events) queue.push(event);
    if (!scheduled) {
      scheduled = true;
      schedule(flush);
    }
  }

  function clear(): void {
    queue = [];
    generation++;
    staged = null; // batches decoded before Clear are never shown
    publish(); // with nothing staged, this only cancels a pending update
    batch(() => {
      entries.value = [];
      observations.value = [];
      rateLimitMap.value = new Map();
      droppedByCap.value = 0;
      droppedWhilePaused.value = 0;
      evictedBySource.value = 0;
      undecoded.value = 0;
    });
    options.onClear?.();
  }

  // A lower cap applies at once, not only when the next error arrives.
  maxErrors.subscribe((max) => {
    publish();
    const { kept, dropped } = capEntries(entries.peek(), max);
    if (dropped === 0) return;
    batch(() => {
      entries.value = kept;
      droppedByCap.value += dropped;
    });
  });

  return { entries, errorCount, droppedByCap, droppedWhilePaused, evictedBySource, undecoded, rateLimits, observations, paused, preserveLog, maxErrors, receive, flush, clear };
}

import { batch, computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import { analyze as analyzeExchange } from '../../core/analyze.ts';
import type { Exchange } from '../../core/exchange.ts';
import type { Analysis } from '../../core/model.ts';
import type { CaptureEvent } from '../source.ts';
import { splitUrl, type ErrorEntry, type RateLimitChip, type TimelineEntry } from './entries.ts';
import { errorPredicate, noFilters, type Filters } from './filters.ts';

export const DEFAULT_MAX_ERRORS = 5000;

/** Decoding time allowed per frame; the rest of a burst waits for the next frame. */
const FRAME_BUDGET_MS = 10;

export interface PanelStoreOptions {
  /** The decoder; the real pipeline unless a test needs to hand the UI hostile decoded values. */
  readonly analyze?: (exchange: Exchange) => Analysis;
  /** Runs `flush` once before the next paint; incoming events are batched until then. */
  readonly schedule?: (flush: () => void) => void;
  readonly maxErrors?: number;
}

export interface PanelStore {
  /** Errors and navigation separators, oldest first. */
  readonly entries: ReadonlySignal<readonly TimelineEntry[]>;
  /** The entries the filters let through (navigation separators always pass). */
  readonly visible: ReadonlySignal<readonly TimelineEntry[]>;
  readonly errorCount: ReadonlySignal<number>;
  readonly visibleErrorCount: ReadonlySignal<number>;
  /** Errors dropped because the cap was reached, since the last Clear. */
  readonly droppedByCap: ReadonlySignal<number>;
  /** Requests dropped because capture was paused, since the last Clear. */
  readonly droppedWhilePaused: ReadonlySignal<number>;
  readonly rateLimits: ReadonlySignal<readonly RateLimitChip[]>;
  readonly paused: Signal<boolean>;
  readonly preserveLog: Signal<boolean>;
  readonly maxErrors: Signal<number>;
  readonly filters: Signal<Filters>;
  readonly selectedKey: Signal<number | null>;
  readonly detailsOpen: Signal<boolean>;
  readonly selected: ReadonlySignal<ErrorEntry | null>;
  /** Takes a batch from the capture source; it is applied at the next frame. */
  receive(events: readonly CaptureEvent[]): void;
  /** Applies what was received, within one frame's time budget (the rest is scheduled). */
  flush(): void;
  clear(): void;
}

function nextFrame(flush: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => flush());
  else setTimeout(flush, 16);
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
 * The panel's state in one place. Capture events are decoded here, with the core pipeline; the UI
 * only reads signals. Pausing drops new requests (counted); a navigation clears the log like the
 * Network panel unless Preserve log is on, in which case it leaves a separator.
 */
export function createPanelStore(options: PanelStoreOptions = {}): PanelStore {
  const analyze = options.analyze ?? analyzeExchange;
  const schedule = options.schedule ?? nextFrame;

  const entries = signal<readonly TimelineEntry[]>([]);
  const droppedByCap = signal(0);
  const droppedWhilePaused = signal(0);
  const rateLimitMap = signal<ReadonlyMap<string, RateLimitChip>>(new Map());
  const paused = signal(false);
  const preserveLog = signal(false);
  const maxErrors = signal(options.maxErrors ?? DEFAULT_MAX_ERRORS);
  const filters = signal<Filters>(noFilters);
  const selectedKey = signal<number | null>(null);
  const detailsOpen = signal(false);

  let queue: CaptureEvent[] = [];
  let scheduled = false;
  let nextKey = 1;

  const errorCount = computed(() => entries.value.reduce((n, e) => (e.kind === 'error' ? n + 1 : n), 0));
  const visible = computed(() => {
    const passes = errorPredicate(filters.value);
    return entries.value.filter((e) => e.kind === 'navigation' || passes(e));
  });
  const visibleErrorCount = computed(() => visible.value.reduce((n, e) => (e.kind === 'error' ? n + 1 : n), 0));
  const rateLimits = computed(() => [...rateLimitMap.value.values()].sort((a, b) => a.key.localeCompare(b.key)));
  const selected = computed(() => {
    const key = selectedKey.value;
    if (key === null) return null;
    const found = entries.value.find((e) => e.key === key);
    return found?.kind === 'error' ? found : null;
  });

  function flush(): void {
    scheduled = false;
    if (queue.length === 0) return;
    const started = performance.now();
    let next = entries.value.slice();
    let learnt: Map<string, RateLimitChip> | null = null;
    let taken = 0;
    // Decoding costs tens of µs per exchange: a burst of thousands is spread over frames.
    while (taken < queue.length && performance.now() - started < FRAME_BUDGET_MS) {
      const event = queue[taken++];
      if (event === undefined) break;
      if (event.kind === 'navigated') {
        if (preserveLog.value) next.push({ kind: 'navigation', key: nextKey++, url: event.url, at: event.at });
        else next = [];
        continue;
      }
      const { exchange } = event;
      const analysis = analyze(exchange);
      const { host, path } = splitUrl(exchange.url);
      if (analysis.rateLimit !== null) {
        learnt ??= new Map(rateLimitMap.value);
        const key = `${host} ${analysis.rateLimit.bucket}`;
        learnt.set(key, { key, host, state: analysis.rateLimit });
      }
      if (analysis.error !== null) {
        next.push({ kind: 'error', key: nextKey++, id: event.id, exchange, error: analysis.error, captureNote: event.captureNote, host, path });
      }
    }
    queue = queue.slice(taken);
    if (queue.length > 0) {
      scheduled = true;
      schedule(flush);
    }
    const { kept, dropped } = capEntries(next, maxErrors.value);
    batch(() => {
      entries.value = kept;
      if (dropped > 0) droppedByCap.value += dropped;
      if (learnt !== null) rateLimitMap.value = learnt;
      if (selected.value === null) {
        selectedKey.value = null;
        detailsOpen.value = false;
      }
    });
  }

  function receive(events: readonly CaptureEvent[]): void {
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
    batch(() => {
      entries.value = [];
      rateLimitMap.value = new Map();
      droppedByCap.value = 0;
      droppedWhilePaused.value = 0;
      selectedKey.value = null;
      detailsOpen.value = false;
    });
  }

  // A lower cap applies at once, not only when the next error arrives.
  maxErrors.subscribe((max) => {
    const { kept, dropped } = capEntries(entries.peek(), max);
    if (dropped === 0) return;
    batch(() => {
      entries.value = kept;
      droppedByCap.value += dropped;
    });
  });

  return {
    entries,
    visible,
    errorCount,
    visibleErrorCount,
    droppedByCap,
    droppedWhilePaused,
    rateLimits,
    paused,
    preserveLog,
    maxErrors,
    filters,
    selectedKey,
    detailsOpen,
    selected,
    receive,
    flush,
    clear,
  };
}

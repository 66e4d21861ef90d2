import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyze } from '../../core/analyze.ts';
import type { Exchange } from '../../core/exchange.ts';
import type { Analysis } from '../../core/model.ts';
import { inThreadEngine } from '../engine/in-thread.ts';
import type { CaptureEvent } from '../../protocol/capture.ts';
import { T0, gpuOutletProviderPoolEmpty, hostupNotFound, hostupRateLimited, hostupSuccess, restoreHubValidation } from '../testing/seed-exchanges.ts';
import { MAX_BATCH_EXCHANGES, createPanelStore } from './store.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

/** A store on the real engine (in-thread), whose frames run when the test says so. */
function manualStore(maxErrors?: number) {
  const frames: (() => void)[] = [];
  const engine = inThreadEngine();
  const batches: number[] = [];
  const store = createPanelStore({
    analyze: (exchanges) => {
      batches.push(exchanges.length);
      return engine.analyze(exchanges);
    },
    schedule: (flush) => frames.push(flush),
    renderEveryMs: 0,
    ...(maxErrors === undefined ? {} : { maxErrors }),
  });
  /** Runs the pending frame and waits until the decoder has answered everything sent. */
  const frame = async (): Promise<void> => {
    while (frames.length > 0) frames.shift()?.();
    await engine.settled();
  };
  return { store, frame, frames, batches };
}

/** A decoder that answers each batch when the test says so (with the real pipeline's analyses). */
function heldDecoder() {
  const held: { readonly exchanges: readonly Exchange[]; answer(): void; fail(error: Error): void }[] = [];
  const decode = (exchanges: readonly Exchange[]): Promise<readonly Analysis[]> =>
    new Promise((resolve, reject) => held.push({ exchanges, answer: () => resolve(exchanges.map(analyze)), fail: reject }));
  /** Answers (or fails) the oldest batch and lets the store apply it. */
  const next = async (error?: Error): Promise<void> => {
    const batch = held.shift();
    if (batch === undefined) throw new Error('no batch is waiting');
    if (error === undefined) batch.answer();
    else batch.fail(error);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { held, decode, next };
}

let id = 0;
const events = (...exchanges: Exchange[]): CaptureEvent[] => exchanges.map((exchange) => ({ kind: 'exchange', id: `r${++id}`, exchange, captureNote: null }));

describe('panel store', () => {
  it('sends what arrives within a frame to the decoder as one batch', async () => {
    const { store, frame, frames, batches } = manualStore();
    store.receive(events(hostupNotFound()));
    store.receive(events(restoreHubValidation()));
    expect(frames).toHaveLength(1);
    expect(store.errorCount.value).toBe(0);
    await frame();
    expect(batches).toEqual([2]);
    expect(store.errorCount.value).toBe(2);
  });

  it('decodes a burst in bounded batches, one at a time, and keeps the order of arrival', async () => {
    const decoder = heldDecoder();
    const frames: (() => void)[] = [];
    const store = createPanelStore({ analyze: decoder.decode, schedule: (flush) => frames.push(flush), maxErrors: 10_000, renderEveryMs: 0 });
    const burst = MAX_BATCH_EXCHANGES * 2 + 7;
    store.receive(events(...Array.from({ length: burst }, (_, i) => hostupNotFound(T0 + i))));
    frames.shift()?.();
    expect(decoder.held.map((b) => b.exchanges.length)).toEqual([MAX_BATCH_EXCHANGES]);
    await decoder.next();
    // The next batch goes out as soon as the previous one is answered, without waiting for a frame.
    expect(store.errorCount.value).toBe(MAX_BATCH_EXCHANGES);
    expect(decoder.held.map((b) => b.exchanges.length)).toEqual([MAX_BATCH_EXCHANGES]);
    await decoder.next();
    await decoder.next();
    expect(frames).toHaveLength(0);
    const received = store.entries.value.map((e) => (e.kind === 'error' ? e.exchange.receivedAt - T0 : -1));
    expect(received).toEqual(Array.from({ length: burst }, (_, i) => i));
  });

  it('keeps errors only, and learns rate limits from every response per host and bucket', async () => {
    const { store, frame } = manualStore();
    store.receive(events(hostupSuccess(T0, 5)));
    await frame();
    expect(store.errorCount.value).toBe(0);
    expect(store.rateLimits.value.map((c) => [c.host, c.state.remaining])).toEqual([['api.hostup.se', 5]]);
    store.receive(events(hostupRateLimited(T0 + 1000, 0)));
    await frame();
    expect(store.rateLimits.value.map((c) => [c.host, c.state.remaining])).toEqual([['api.hostup.se', 0]]);
    expect(store.errorCount.value).toBe(1);
  });

  it('clears on navigation unless Preserve log is on, which leaves a separator', async () => {
    const { store, frame } = manualStore();
    store.receive([...events(hostupNotFound()), { kind: 'navigated', url: 'https://app.test/next', at: T0 }, ...events(restoreHubValidation())]);
    await frame();
    expect(store.entries.value.map((e) => e.kind)).toEqual(['error']);
    store.preserveLog.value = true;
    store.receive([{ kind: 'navigated', url: 'https://app.test/again', at: T0 }, ...events(gpuOutletProviderPoolEmpty())]);
    await frame();
    expect(store.entries.value.map((e) => e.kind)).toEqual(['error', 'navigation', 'error']);
  });

  it('drops the answer to a batch still being decoded when the log is cleared', async () => {
    const decoder = heldDecoder();
    const frames: (() => void)[] = [];
    const store = createPanelStore({ analyze: decoder.decode, schedule: (flush) => frames.push(flush), renderEveryMs: 0 });
    store.receive(events(hostupNotFound()));
    frames.shift()?.();
    store.clear();
    store.receive(events(restoreHubValidation()));
    frames.shift()?.();
    await decoder.next();
    expect(store.errorCount.value).toBe(0);
    await decoder.next();
    expect(store.entries.value.map((e) => (e.kind === 'error' ? e.error.status : null))).toEqual([400]);
  });

  it('keeps going when the decoder fails: that batch shows nothing, is counted and logged, and the next one decodes', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const decoder = heldDecoder();
    const frames: (() => void)[] = [];
    const store = createPanelStore({ analyze: decoder.decode, schedule: (flush) => frames.push(flush), renderEveryMs: 0 });
    store.preserveLog.value = true;
    store.receive([...events(hostupNotFound()), { kind: 'navigated', url: 'https://app.test/next', at: T0 }]);
    frames.shift()?.();
    store.receive(events(restoreHubValidation()));
    await decoder.next(new Error('the decoding engine failed'));
    expect(logged).toHaveBeenCalledOnce();
    expect(store.entries.value.map((e) => e.kind)).toEqual(['navigation']);
    expect(store.undecoded.value).toBe(1);
    await decoder.next();
    expect(store.entries.value.map((e) => e.kind)).toEqual(['navigation', 'error']);
  });

  it('drops and counts requests while paused', async () => {
    const { store, frame } = manualStore();
    store.paused.value = true;
    store.receive(events(hostupNotFound(), hostupSuccess()));
    await frame();
    expect(store.errorCount.value).toBe(0);
    expect(store.droppedWhilePaused.value).toBe(2);
    store.paused.value = false;
    store.receive(events(hostupNotFound()));
    await frame();
    expect(store.errorCount.value).toBe(1);
  });

  it('drops the oldest errors beyond the cap, counts them, and applies a lowered cap at once', async () => {
    const { store, frame } = manualStore(3);
    store.receive(events(...Array.from({ length: 5 }, (_, i) => hostupNotFound(T0 + i))));
    await frame();
    expect(store.errorCount.value).toBe(3);
    expect(store.droppedByCap.value).toBe(2);
    const oldestKept = store.entries.value[0];
    expect(oldestKept?.kind === 'error' ? oldestKept.exchange.receivedAt : null).toBe(T0 + 2);
    store.maxErrors.value = 1;
    expect(store.errorCount.value).toBe(1);
    expect(store.droppedByCap.value).toBe(4);
  });

  it('clears everything, including counters, chips and the selection', async () => {
    const { store, frame } = manualStore(1);
    store.receive(events(hostupRateLimited(), hostupNotFound()));
    await frame();
    store.selectedKey.value = store.entries.value[0]?.key ?? null;
    store.detailsOpen.value = true;
    store.clear();
    expect([store.errorCount.value, store.droppedByCap.value, store.rateLimits.value.length, store.selected.value, store.detailsOpen.value]).toEqual([0, 0, 0, null, false]);
  });

  it('says how many requests the capture source let go before they arrived, until Clear, which the source hears of', async () => {
    let sourceCleared = 0;
    const frames: (() => void)[] = [];
    const store = createPanelStore({ analyze: inThreadEngine().analyze, schedule: (flush) => frames.push(flush), renderEveryMs: 0, onClear: () => sourceCleared++ });
    store.receive([{ kind: 'evicted', count: 300 }, ...events(hostupNotFound())]);
    expect(store.evictedBySource.value).toBe(300);
    store.clear();
    expect([store.evictedBySource.value, sourceCleared]).toEqual([0, 1]);
    store.paused.value = true;
    store.receive([{ kind: 'evicted', count: 2 }]);
    expect(store.evictedBySource.value).toBe(2); // gone whether paused or not: still said
  });

  it('closes the details when the selected error is dropped', async () => {
    const { store, frame } = manualStore();
    store.receive(events(hostupNotFound()));
    await frame();
    store.selectedKey.value = store.entries.value[0]?.key ?? null;
    store.detailsOpen.value = true;
    store.receive([{ kind: 'navigated', url: 'https://app.test/', at: T0 }]);
    await frame();
    expect(store.selected.value).toBeNull();
    expect(store.detailsOpen.value).toBe(false);
  });
});

describe('panel store during a burst', () => {
  it('shows the first batch at once, then at most one timeline update per interval, losing nothing', async () => {
    vi.useFakeTimers();
    try {
      const decoder = heldDecoder();
      const frames: (() => void)[] = [];
      const store = createPanelStore({ analyze: decoder.decode, schedule: (flush) => frames.push(flush), renderEveryMs: 200 });
      const updates: number[] = [];
      store.errorCount.subscribe((count) => updates.push(count));
      store.receive(events(...Array.from({ length: MAX_BATCH_EXCHANGES * 3 }, (_, i) => hostupNotFound(T0 + i))));
      frames.shift()?.();
      const answer = async (): Promise<void> => {
        decoder.held.shift()?.answer();
        await vi.advanceTimersByTimeAsync(0);
      };
      await answer();
      expect(store.errorCount.value).toBe(MAX_BATCH_EXCHANGES);
      await answer();
      await answer();
      expect(store.errorCount.value).toBe(MAX_BATCH_EXCHANGES); // the next two batches wait for the interval
      await vi.advanceTimersByTimeAsync(200);
      expect(store.errorCount.value).toBe(MAX_BATCH_EXCHANGES * 3);
      expect(updates).toEqual([0, MAX_BATCH_EXCHANGES, MAX_BATCH_EXCHANGES * 3]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('never shows a batch decoded before Clear once the log is cleared', async () => {
    vi.useFakeTimers();
    try {
      const decoder = heldDecoder();
      const frames: (() => void)[] = [];
      const store = createPanelStore({ analyze: decoder.decode, schedule: (flush) => frames.push(flush), renderEveryMs: 200 });
      store.receive(events(hostupNotFound()));
      frames.shift()?.();
      decoder.held.shift()?.answer();
      await vi.advanceTimersByTimeAsync(0);
      store.receive(events(restoreHubValidation()));
      frames.shift()?.();
      decoder.held.shift()?.answer();
      await vi.advanceTimersByTimeAsync(0);
      store.clear();
      await vi.advanceTimersByTimeAsync(500);
      expect(store.errorCount.value).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('panel store while DevTools is hidden', () => {
  it('keeps decoding when animation frames never come (a hidden panel gets none)', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', () => 0); // frames are paused, as in a hidden DevTools window
    try {
      const decoded: number[] = [];
      const store = createPanelStore({
        analyze: (exchanges) => {
          decoded.push(exchanges.length);
          return Promise.resolve(exchanges.map(() => ({ error: null, rateLimit: null, pending: null })));
        },
      });
      store.receive(events(hostupNotFound()));
      await vi.advanceTimersByTimeAsync(200);
      expect(decoded).toEqual([1]);
    } finally {
      vi.unstubAllGlobals();
      vi.useRealTimers();
    }
  });
});

describe('panel timeline order and view state', () => {
  it('orders rows by the time their request started, not by when the response arrived', async () => {
    const { store, frame } = manualStore();
    // A slow request started first answers last (DevTools lists it first all the same).
    const slow = { ...hostupNotFound(T0 + 900), startedAt: T0 };
    const fast = { ...restoreHubValidation(T0 + 200), startedAt: T0 + 100 };
    store.receive(events(fast));
    await frame();
    store.receive(events(slow));
    await frame();
    const starts = store.entries.value.map((e) => (e.kind === 'error' ? e.exchange.startedAt : null));
    expect(starts).toEqual([T0, T0 + 100]);
  });

  it('keeps the selection through a filter that hides it, closing its details, and shows it again on Clear filters', async () => {
    const { store, frame } = manualStore();
    store.receive(events(hostupNotFound(), restoreHubValidation()));
    await frame();
    const first = store.entries.value[0];
    if (first?.kind !== 'error') throw new Error('expected an error row');
    store.selectedKey.value = first.key;
    store.detailsOpen.value = true;
    store.filters.value = { ...store.filters.value, text: 'no row says this' };
    expect(store.detailsOpen.value).toBe(false);
    expect(store.selectedKey.value).toBe(first.key);
    store.clearFilters();
    expect(store.visible.value.map((e) => e.key)).toContain(first.key);
    expect(store.selected.value?.key).toBe(first.key);
  });

  it('unselects a row that leaves the timeline', async () => {
    const { store, frame } = manualStore(1);
    store.receive(events(hostupNotFound()));
    await frame();
    const first = store.entries.value[0];
    store.selectedKey.value = first?.key ?? null;
    store.detailsOpen.value = true;
    store.receive(events(restoreHubValidation(T0 + 1000)));
    await frame();
    expect(store.selectedKey.value).toBeNull();
    expect(store.detailsOpen.value).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analyze.ts';
import type { Exchange } from '../../core/exchange.ts';
import type { CaptureEvent } from '../source.ts';
import { T0, gpuOutletProviderPoolEmpty, hostupNotFound, hostupRateLimited, hostupSuccess, restoreHubValidation } from '../testing/seed-exchanges.ts';
import { createPanelStore } from './store.ts';

/** A store whose frame flushes run when the test says so. */
function manualStore(maxErrors?: number) {
  const frames: (() => void)[] = [];
  const store = createPanelStore({ schedule: (flush) => frames.push(flush), ...(maxErrors === undefined ? {} : { maxErrors }) });
  /** Runs frames until the queue is drained (a slow first decode may spill into a second frame). */
  const frame = (): void => {
    while (frames.length > 0) frames.shift()?.();
  };
  return { store, frame, frames };
}

let id = 0;
const events = (...exchanges: Exchange[]): CaptureEvent[] => exchanges.map((exchange) => ({ kind: 'exchange', id: `r${++id}`, exchange, captureNote: null }));

describe('panel store', () => {
  it('applies events once per frame, not per batch', () => {
    const { store, frame, frames } = manualStore();
    store.receive(events(hostupNotFound()));
    store.receive(events(restoreHubValidation()));
    expect(frames).toHaveLength(1);
    expect(store.errorCount.value).toBe(0);
    frame();
    expect(store.errorCount.value).toBe(2);
  });

  it('spreads a burst over frames when decoding it would overrun one frame', () => {
    const frames: (() => void)[] = [];
    const slowAnalyze = (exchange: Exchange) => {
      const until = performance.now() + 4;
      while (performance.now() < until); // a decode that costs 4 ms
      return analyze(exchange);
    };
    const store = createPanelStore({ schedule: (flush) => frames.push(flush), analyze: slowAnalyze });
    store.receive(events(...Array.from({ length: 10 }, (_, i) => hostupNotFound(T0 + i))));
    frames.shift()?.();
    expect(store.errorCount.value).toBeGreaterThan(0);
    expect(store.errorCount.value).toBeLessThan(10);
    while (frames.length > 0) frames.shift()?.();
    expect(store.errorCount.value).toBe(10);
  });

  it('keeps errors only, and learns rate limits from every response per host and bucket', () => {
    const { store, frame } = manualStore();
    store.receive(events(hostupSuccess(T0, 5)));
    frame();
    expect(store.errorCount.value).toBe(0);
    expect(store.rateLimits.value.map((c) => [c.host, c.state.remaining])).toEqual([['api.hostup.se', 5]]);
    store.receive(events(hostupRateLimited(T0 + 1000, 0)));
    frame();
    expect(store.rateLimits.value.map((c) => [c.host, c.state.remaining])).toEqual([['api.hostup.se', 0]]);
    expect(store.errorCount.value).toBe(1);
  });

  it('clears on navigation unless Preserve log is on, which leaves a separator', () => {
    const { store, frame } = manualStore();
    store.receive([...events(hostupNotFound()), { kind: 'navigated', url: 'https://app.test/next', at: T0 }, ...events(restoreHubValidation())]);
    frame();
    expect(store.entries.value.map((e) => e.kind)).toEqual(['error']);
    store.preserveLog.value = true;
    store.receive([{ kind: 'navigated', url: 'https://app.test/again', at: T0 }, ...events(gpuOutletProviderPoolEmpty())]);
    frame();
    expect(store.entries.value.map((e) => e.kind)).toEqual(['error', 'navigation', 'error']);
  });

  it('drops and counts requests while paused', () => {
    const { store, frame } = manualStore();
    store.paused.value = true;
    store.receive(events(hostupNotFound(), hostupSuccess()));
    frame();
    expect(store.errorCount.value).toBe(0);
    expect(store.droppedWhilePaused.value).toBe(2);
    store.paused.value = false;
    store.receive(events(hostupNotFound()));
    frame();
    expect(store.errorCount.value).toBe(1);
  });

  it('drops the oldest errors beyond the cap, counts them, and applies a lowered cap at once', () => {
    const { store, frame } = manualStore(3);
    store.receive(events(...Array.from({ length: 5 }, (_, i) => hostupNotFound(T0 + i))));
    frame();
    expect(store.errorCount.value).toBe(3);
    expect(store.droppedByCap.value).toBe(2);
    const oldestKept = store.entries.value[0];
    expect(oldestKept?.kind === 'error' ? oldestKept.exchange.receivedAt : null).toBe(T0 + 2);
    store.maxErrors.value = 1;
    expect(store.errorCount.value).toBe(1);
    expect(store.droppedByCap.value).toBe(4);
  });

  it('clears everything, including counters, chips and the selection', () => {
    const { store, frame } = manualStore(1);
    store.receive(events(hostupRateLimited(), hostupNotFound()));
    frame();
    store.selectedKey.value = store.entries.value[0]?.key ?? null;
    store.detailsOpen.value = true;
    store.clear();
    expect([store.errorCount.value, store.droppedByCap.value, store.rateLimits.value.length, store.selected.value, store.detailsOpen.value]).toEqual([0, 0, 0, null, false]);
  });

  it('closes the details when the selected error is dropped', () => {
    const { store, frame } = manualStore();
    store.receive(events(hostupNotFound()));
    frame();
    store.selectedKey.value = store.entries.value[0]?.key ?? null;
    store.detailsOpen.value = true;
    store.receive([{ kind: 'navigated', url: 'https://app.test/', at: T0 }]);
    frame();
    expect(store.selected.value).toBeNull();
    expect(store.detailsOpen.value).toBe(false);
  });
});

/** Shared by the panel's tests: the panel mounted through its real entry point on a fake source, with fake timers. */
import { act } from '@testing-library/preact';
import { afterEach, beforeEach, vi } from 'vitest';
import { inThreadEngine } from '../engine/in-thread.ts';
import type { FakeCaptureSource } from '../fake-source.ts';
import { testIds } from '../testids.ts';
import { T0 } from '../testing/seed-exchanges.ts';
import { mountPanel } from './mount.tsx';

export interface PanelHarness {
  readonly root: () => HTMLElement;
  /** Runs timers (the one clock, the per-frame flush) and lets Preact render. */
  advance(ms: number): Promise<void>;
  /**
   * Mounts the panel on the real engine, in-thread (happy-dom has no Worker), unless a test brings its own decoder.
   * Mounting again on the same source is what a reload of the panel page does.
   */
  mount(source: FakeCaptureSource, options?: Partial<Parameters<typeof mountPanel>[2]>): Promise<void>;
  rows(): HTMLElement[];
  byTestId<T extends HTMLElement = HTMLElement>(id: string): T | null;
  /** Like byTestId, for elements the test needs to exist. */
  getByTestId<T extends HTMLElement = HTMLElement>(id: string): T;
  countText(): string;
}

/** Registers the per-test setup (fake timers at T0, a fresh root) and teardown; call at the top of a test file. */
export function usePanelHarness(): PanelHarness {
  let root: HTMLElement = document.createElement('div');
  let unmount: (() => void) | null = null;

  beforeEach(() => {
    // Frames too: the timeline scrolls to follow new rows in the next animation frame.
    vi.useFakeTimers({ now: T0, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'requestAnimationFrame', 'cancelAnimationFrame'] });
    root = document.createElement('div');
    document.body.append(root);
  });

  afterEach(() => {
    unmount?.();
    unmount = null;
    root.remove();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  const advance = async (ms: number): Promise<void> => {
    await act(async () => {
      await vi.advanceTimersByTimeAsync(ms);
    });
  };
  const byTestId = <T extends HTMLElement = HTMLElement>(id: string): T | null => root.querySelector<T>(`[data-testid="${id}"]`);

  return {
    root: () => root,
    advance,
    async mount(source, options = {}) {
      unmount?.();
      const engine = inThreadEngine();
      unmount = mountPanel(root, source, { analyze: engine.analyze, readHar: engine.readHar, ...options });
      await advance(20); // settings restored, backlog replayed, first frame flushed
    },
    rows: () => [...root.querySelectorAll<HTMLElement>(`[data-testid="${testIds.errorRow}"]`)],
    byTestId,
    getByTestId<T extends HTMLElement = HTMLElement>(id: string): T {
      const found = byTestId<T>(id);
      if (found === null) throw new Error(`nothing with test id ${id}`);
      return found;
    },
    countText: () => byTestId(testIds.errorCount)?.textContent ?? '',
  };
}

import { useComputed, type ReadonlySignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { Theme } from '../source.ts';
import { testIds } from '../testids.ts';
import { Details } from './Details.tsx';
import { RateLimitStrip } from './RateLimitStrip.tsx';
import type { PanelStore } from './store.ts';
import { Timeline } from './Timeline.tsx';
import { Toolbar } from './Toolbar.tsx';
import type { CaptureSettings } from './settings.ts';
import { SPLIT_RANGE } from './view-state.ts';

/** What the empty timeline says: the truth of why there is nothing to show. */
function EmptyState({ store }: { store: PanelStore }) {
  const filteredOut = store.errorCount.value > 0;
  return (
    <div class="fl-empty" data-testid={testIds.emptyState} role="status">
      {filteredOut ? (
        <>
          <p>No errors match the filters.</p>
          <p>
            <button type="button" class="fl-button" data-testid={testIds.clearFilters} onClick={() => store.clearFilters()}>
              Clear filters
            </button>
          </p>
        </>
      ) : store.paused.value ? (
        <>
          <p>Capture is paused: requests made now are not recorded.</p>
          <p>
            <button type="button" class="fl-button" onClick={() => (store.paused.value = false)}>
              Resume capture
            </button>
          </p>
        </>
      ) : (
        <>
          <p>No API errors yet. Faultline decodes error responses as they arrive while DevTools is open.</p>
          <p>Requests made before DevTools opened can't be captured: reload the page to see them.</p>
        </>
      )}
    </div>
  );
}

/** The draggable divider between the list and the details pane; arrow keys move it too. */
function Splitter({ store, main }: { store: PanelStore; main: { current: HTMLDivElement | null } }) {
  const set = (share: number): void => {
    store.split.value = Math.round(Math.min(SPLIT_RANGE.max, Math.max(SPLIT_RANGE.min, share)) * 1000) / 1000;
  };
  const onPointerDown = (event: PointerEvent): void => {
    const box = main.current?.getBoundingClientRect();
    if (box === undefined || box.width === 0) return;
    event.preventDefault();
    const handle = event.currentTarget as HTMLElement;
    handle.setPointerCapture?.(event.pointerId);
    const move = (e: PointerEvent): void => set((e.clientX - box.left) / box.width);
    const end = (): void => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', end);
      handle.removeEventListener('pointercancel', end);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    event.stopPropagation();
    set(store.split.peek() + (event.key === 'ArrowLeft' ? -0.02 : 0.02));
  };
  return (
    <div
      class="fl-splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the list and the details"
      aria-valuemin={SPLIT_RANGE.min * 100}
      aria-valuemax={SPLIT_RANGE.max * 100}
      aria-valuenow={Math.round(store.split.value * 100)}
      tabIndex={0}
      data-testid={testIds.splitter}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}

/**
 * Keys the panel owns wherever focus is in it. DevTools forwards Esc and Ctrl/Cmd shortcuts pressed
 * in an extension panel to itself from a listener on the panel's document (Esc toggles its console
 * drawer, Ctrl+F opens its own search): handled on the body, they stop before that listener.
 */
function usePanelKeys(store: PanelStore, root: { current: HTMLDivElement | null }): void {
  useEffect(() => {
    const body = root.current?.ownerDocument.body;
    if (body === undefined) return;
    const onKeyDown = (event: KeyboardEvent): void => {
      const find = (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'f';
      if (find) {
        event.preventDefault();
        event.stopPropagation();
        const filter = root.current?.querySelector<HTMLInputElement>(`[data-testid="${testIds.filterText}"]`);
        filter?.focus();
        filter?.select();
        return;
      }
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      if (event.defaultPrevented || !store.detailsOpen.peek()) return;
      event.preventDefault();
      store.detailsOpen.value = false;
      root.current?.querySelector<HTMLElement>(`[data-testid="${testIds.timeline}"]`)?.focus();
    };
    body.addEventListener('keydown', onKeyDown);
    return () => body.removeEventListener('keydown', onKeyDown);
  }, [store]);
}

interface PanelProps {
  readonly store: PanelStore;
  readonly capture: CaptureSettings;
  readonly now: ReadonlySignal<number>;
  readonly theme: ReadonlySignal<Theme>;
}

export function Panel({ store, capture, now, theme }: PanelProps) {
  const selected = store.detailsOpen.value ? store.selected.value : null;
  // A boolean, not the list: the panel re-renders when the first row appears or the last goes, not on every update.
  const hasRows = useComputed(() => store.visible.value.length > 0).value;
  const root = useRef<HTMLDivElement>(null);
  const main = useRef<HTMLDivElement>(null);
  usePanelKeys(store, root);
  return (
    <div class="fl-panel" ref={root} data-testid={testIds.panel} data-theme={theme.value}>
      <Toolbar store={store} capture={capture} />
      <RateLimitStrip chips={store.rateLimits.value} now={now} />
      <div class={`fl-main${selected === null ? '' : ' fl-split'}`} ref={main} style={{ '--fl-split': `${store.split.value * 100}%` }}>
        {/* The timeline stays mounted when empty: the first errors after a Clear (often a burst) only add
            rows, instead of building the grid and measuring its height while they pour in. */}
        <div class="fl-list">
          <Timeline store={store} now={now} />
          {!hasRows && <EmptyState store={store} />}
        </div>
        {selected !== null && <Splitter store={store} main={main} />}
        {selected !== null && <Details entry={selected} now={now} onClose={() => (store.detailsOpen.value = false)} />}
      </div>
    </div>
  );
}

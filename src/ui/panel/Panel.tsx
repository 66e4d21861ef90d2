import { useComputed, type ReadonlySignal } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Theme } from '../../protocol/capture.ts';
import { testIds } from '../testids.ts';
import { Details } from './Details.tsx';
import { FindingsBar } from './FindingsBar.tsx';
import { followDrag } from './drag.ts';
import { importSummary, type HarImport, type ImportedSession } from './har-import.ts';
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
    followDrag(event.currentTarget as HTMLElement, event.pointerId, (e) => set((e.clientX - box.left) / box.width));
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
 * Keys the panel owns wherever focus is in it. Chrome's DevTools forwards Esc and Ctrl/Cmd shortcuts
 * pressed in an extension panel to itself from a listener on the panel's document (Esc toggles its
 * console drawer, Ctrl+F opens its own search): handled on the body, they stop before that listener.
 * Firefox's toolbox acts on keys a panel did not cancel (Esc toggles its split console): cancelled here.
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
      // Also kept from the browser: Firefox lets the toolbox act on a key the panel did not cancel.
      event.stopPropagation();
      event.preventDefault();
      const filter = event.target instanceof HTMLInputElement && event.target.dataset['testid'] === testIds.filterText;
      if (filter) {
        // What Esc does in a search box, done here since the default is cancelled: empty it.
        if (store.filters.peek().text !== '') store.filters.value = { ...store.filters.peek(), text: '' };
        return;
      }
      if (!store.detailsOpen.peek()) return;
      store.detailsOpen.value = false;
      root.current?.querySelector<HTMLElement>(`[data-testid="${testIds.timeline}"]`)?.focus();
    };
    body.addEventListener('keydown', onKeyDown);
    return () => body.removeEventListener('keydown', onKeyDown);
  }, [store]);
}

/** The banner of an imported session, or of a file that could not be opened. */
function ImportBanner({ harImport }: { harImport: HarImport }) {
  const imported = harImport.session.value;
  const error = harImport.error.value;
  if (imported === null && error === null) return null;
  return (
    <div class={`fl-import${error === null ? '' : ' fl-import-error'}`} data-testid={testIds.importBanner} role="status">
      <span class="fl-import-text">{error ?? `Imported HAR (not live): ${importSummary(imported as ImportedSession)}`}</span>
      <button type="button" class="fl-button" data-testid={testIds.closeImport} onClick={() => harImport.close()}>
        {imported === null ? 'Dismiss' : 'Back to live capture'}
      </button>
    </div>
  );
}

/** A HAR file dragged over the panel: the drop opens it (see har-import.ts). */
function dropHandlers(harImport: HarImport | undefined, setOver: (over: boolean) => void) {
  if (harImport === undefined) return {};
  const hasFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') === true;
  return {
    onDragOver: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer !== null) event.dataTransfer.dropEffect = 'copy';
      setOver(true);
    },
    onDragLeave: (event: DragEvent) => {
      if (event.relatedTarget === null || !(event.currentTarget as Element).contains(event.relatedTarget as Node)) setOver(false);
    },
    onDrop: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setOver(false);
      const file = event.dataTransfer?.files[0];
      if (file !== undefined) void harImport.open(file);
    },
  };
}

interface PanelProps {
  /** Live capture's store; an imported HAR (harImport) shows its own instead while it is open. */
  readonly store: PanelStore;
  readonly harImport?: HarImport | undefined;
  readonly capture: CaptureSettings;
  readonly now: ReadonlySignal<number>;
  readonly theme: ReadonlySignal<Theme>;
}

export function Panel({ store: live, capture, now, theme, harImport }: PanelProps) {
  const imported = harImport?.session.value ?? null;
  const store = imported?.store ?? live;
  const [dragOver, setDragOver] = useState(false);
  const selected = store.detailsOpen.value ? store.selected.value : null;
  const group = selected === null ? null : store.selectedGroup.value;
  // The findings citing the selected request, or any member of the selected group.
  const cites = useComputed(() => {
    const entry = store.detailsOpen.value ? store.selected.value : null;
    if (entry === null) return [];
    const keys = new Set((store.selectedGroup.value?.members ?? [entry]).map((e) => e.key));
    return store.findings.value.filter((f) => f.entries.some((key) => keys.has(key)));
  }).value;
  // A boolean, not the list: the panel re-renders when the first row appears or the last goes, not on every update.
  const hasRows = useComputed(() => store.rows.value.length > 0).value;
  const root = useRef<HTMLDivElement>(null);
  const main = useRef<HTMLDivElement>(null);
  usePanelKeys(store, root);
  return (
    <div
      class={`fl-panel${dragOver ? ' fl-drop' : ''}`}
      ref={root}
      data-testid={testIds.panel}
      data-theme={theme.value}
      data-session={imported === null ? 'live' : 'imported'}
      {...dropHandlers(harImport, setDragOver)}
    >
      <Toolbar store={store} capture={capture} harImport={harImport} imported={imported !== null} />
      {harImport !== undefined && <ImportBanner harImport={harImport} />}
      <RateLimitStrip chips={store.rateLimits.value} now={now} />
      <FindingsBar store={store} />
      <div class={`fl-main${selected === null ? '' : ' fl-split'}`} ref={main} style={{ '--fl-split': `${store.split.value * 100}%` }}>
        {/* The timeline stays mounted when empty: the first errors after a Clear (often a burst) only add
            rows, instead of building the grid and measuring its height while they pour in. */}
        <div class="fl-list">
          {/* Keyed by session: an imported timeline starts at its own top, with its own scroll and menus. */}
          <Timeline key={imported === null ? 'live' : imported.fileName} store={store} now={now} />
          {!hasRows && <EmptyState store={store} />}
        </div>
        {selected !== null && <Splitter store={store} main={main} />}
        {selected !== null && <Details entry={selected} group={group} findings={cites} now={now} onClose={() => (store.detailsOpen.value = false)} />}
      </div>
    </div>
  );
}

import { useComputed, type ReadonlySignal } from '@preact/signals';
import type { Theme } from '../source.ts';
import { testIds } from '../testids.ts';
import { Details } from './Details.tsx';
import { FindingsBar } from './FindingsBar.tsx';
import { RateLimitStrip } from './RateLimitStrip.tsx';
import type { PanelStore } from './store.ts';
import { Timeline } from './Timeline.tsx';
import { Toolbar } from './Toolbar.tsx';
import type { CaptureSettings } from './settings.ts';

function EmptyState({ filtered }: { filtered: boolean }) {
  return (
    <div class="fl-empty" data-testid={testIds.emptyState} role="status">
      {filtered ? (
        <p>No errors match the filters.</p>
      ) : (
        <>
          <p>No API errors yet. Faultline decodes error responses as they arrive while DevTools is open.</p>
          <p>Requests made before DevTools opened can't be captured: reload the page to see them.</p>
        </>
      )}
    </div>
  );
}

interface PanelProps {
  readonly store: PanelStore;
  readonly capture: CaptureSettings;
  readonly now: ReadonlySignal<number>;
  readonly theme: ReadonlySignal<Theme>;
}

export function Panel({ store, capture, now, theme }: PanelProps) {
  const selected = store.detailsOpen.value ? store.selected.value : null;
  const group = selected === null ? null : store.selectedGroup.value;
  // The findings citing the selected request, or any member of the selected group.
  const cites = useComputed(() => {
    const entry = store.detailsOpen.value ? store.selected.value : null;
    if (entry === null) return [];
    const keys = new Set((store.selectedGroup.value?.members ?? [entry]).map((e) => e.key));
    return store.findings.value.filter((f) => f.entries.some((key) => keys.has(key)));
  }).value;
  // Booleans, not the lists: the panel re-renders when the first row appears or the last goes, not on every update.
  const hasRows = useComputed(() => store.rows.value.length > 0).value;
  const filteredOut = useComputed(() => store.errorCount.value > 0).value;
  return (
    <div class="fl-panel" data-testid={testIds.panel} data-theme={theme.value}>
      <Toolbar store={store} capture={capture} />
      <RateLimitStrip chips={store.rateLimits.value} now={now} />
      <FindingsBar store={store} />
      <div class={`fl-main${selected === null ? '' : ' fl-split'}`}>
        {/* The timeline stays mounted when empty: the first errors after a Clear (often a burst) only add
            rows, instead of building the grid and measuring its height while they pour in. */}
        <div class="fl-list">
          <Timeline store={store} now={now} />
          {!hasRows && <EmptyState filtered={filteredOut} />}
        </div>
        {selected !== null && <Details entry={selected} group={group} findings={cites} now={now} onClose={() => (store.detailsOpen.value = false)} />}
      </div>
    </div>
  );
}

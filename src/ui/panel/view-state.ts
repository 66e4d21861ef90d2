import { batch, computed, effect, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { ErrorEntry, TimelineEntry } from './entries.ts';
import { errorPredicate, noFilters, type Filters } from './filters.ts';

/** What the user made of the timeline: filters, the selected row and whether its details are open. */
export interface ViewState {
  readonly filters: Signal<Filters>;
  /** The entries the filters let through (navigation separators always pass). */
  readonly visible: ReadonlySignal<readonly TimelineEntry[]>;
  readonly visibleErrorCount: ReadonlySignal<number>;
  readonly selectedKey: Signal<number | null>;
  readonly detailsOpen: Signal<boolean>;
  /** The selected error while it is still in the timeline (filtered out or not). */
  readonly selected: ReadonlySignal<ErrorEntry | null>;
  /** Back to no filters; the selection, kept meanwhile, shows again. */
  clearFilters(): void;
  /** Forgets the selection (the timeline was cleared). */
  reset(): void;
}

/**
 * View state over the ingest's timeline. A selection outlives filters (clearing a filter brings the row
 * back, still selected), but details never show a row the list does not: a filter that hides the
 * selected row closes its details, and a row that leaves the timeline (cap, navigation) is unselected.
 */
export function createViewState(entries: ReadonlySignal<readonly TimelineEntry[]>): ViewState {
  const filters = signal<Filters>(noFilters);
  const selectedKey = signal<number | null>(null);
  const detailsOpen = signal(false);

  const visible = computed(() => {
    const passes = errorPredicate(filters.value);
    return entries.value.filter((e) => e.kind === 'navigation' || passes(e));
  });
  const visibleErrorCount = computed(() => visible.value.reduce((n, e) => (e.kind === 'error' ? n + 1 : n), 0));
  const selected = computed(() => {
    const key = selectedKey.value;
    if (key === null) return null;
    const found = entries.value.find((e) => e.key === key);
    return found?.kind === 'error' ? found : null;
  });

  // Reads the timeline only while something is selected, so a burst with no selection costs nothing here.
  effect(() => {
    const key = selectedKey.value;
    if (key === null) return;
    if (selected.value === null) {
      batch(() => {
        selectedKey.value = null;
        detailsOpen.value = false;
      });
      return;
    }
    if (detailsOpen.value && !visible.value.some((e) => e.key === key)) detailsOpen.value = false;
  });

  return {
    filters,
    visible,
    visibleErrorCount,
    selectedKey,
    detailsOpen,
    selected,
    clearFilters: () => (filters.value = noFilters),
    reset: () =>
      batch(() => {
        selectedKey.value = null;
        detailsOpen.value = false;
      }),
  };
}

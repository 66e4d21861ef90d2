import { batch, computed, effect, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import { findingsOf, type Finding, type FindingsMemo, type Observation } from '../../core/findings/index.ts';
import { defaultColumnPrefs, type ColumnPrefs } from './columns.tsx';
import type { ErrorEntry, TimelineEntry } from './entries.ts';
import { errorPredicate, noFilters, type Filters } from './filters.ts';
import { groupKeys, groupRows, type GroupEntry, type TimelineRow } from './groups.ts';

/** The least time between two runs of the findings over the timeline. */
export const FINDINGS_EVERY_MS = 1000;

/** The list's share of the width beside the details pane, by default and at the extremes a drag can reach. */
export const DEFAULT_SPLIT = 0.4;
export const SPLIT_RANGE = { min: 0.15, max: 0.85 } as const;

/** A stored split, checked. */
export function splitFrom(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(SPLIT_RANGE.max, Math.max(SPLIT_RANGE.min, value)) : null;
}

/** What the user made of the timeline: filters, the selected row and whether its details are open. */
export interface ViewState {
  readonly filters: Signal<Filters>;
  /** The entries the filters let through (navigation separators always pass). */
  readonly visible: ReadonlySignal<readonly TimelineEntry[]>;
  readonly visibleErrorCount: ReadonlySignal<number>;
  /** "Group similar": one row per fingerprint (persisted). */
  readonly groupSimilar: Signal<boolean>;
  /** Fingerprint keys of the groups shown expanded. */
  readonly expandedGroups: Signal<ReadonlySet<string>>;
  /** What the timeline lists: `visible`, or its groups when grouping is on. */
  readonly rows: ReadonlySignal<readonly TimelineRow[]>;
  /** A row key: an error's, or a group's (negative). */
  readonly selectedKey: Signal<number | null>;
  readonly detailsOpen: Signal<boolean>;
  /** The selected error while it is still in the timeline (filtered out or not); for a group, its newest member. */
  readonly selected: ReadonlySignal<ErrorEntry | null>;
  /** The selected group, when a group row is selected. */
  readonly selectedGroup: ReadonlySignal<GroupEntry | null>;
  /** What the client did wrong, over every request kept (successes too). */
  readonly findings: ReadonlySignal<readonly Finding[]>;
  /** The requests of the finding last clicked in the findings bar: their rows are marked. */
  readonly cited: Signal<ReadonlySet<number>>;
  /** Marks a finding's requests, expands their groups and selects the first one listed. */
  cite(finding: Finding): void;
  toggleGroup(fingerprintKey: string): void;
  /** Column widths and hidden columns (header drag and context menu). */
  readonly columns: Signal<ColumnPrefs>;
  /** The list's share of the width while the details pane is open (the draggable split). */
  readonly split: Signal<number>;
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
export function createViewState(entries: ReadonlySignal<readonly TimelineEntry[]>, observations: ReadonlySignal<readonly Observation[]>): ViewState {
  const filters = signal<Filters>(noFilters);
  const selectedKey = signal<number | null>(null);
  const detailsOpen = signal(false);
  const groupSimilar = signal(false);
  const expandedGroups = signal<ReadonlySet<string>>(new Set());
  const cited = signal<ReadonlySet<number>>(new Set());
  const keyOf = groupKeys();
  const columns = signal<ColumnPrefs>(defaultColumnPrefs);
  const split = signal(DEFAULT_SPLIT);

  const visible = computed(() => {
    const passes = errorPredicate(filters.value);
    return entries.value.filter((e) => e.kind === 'navigation' || passes(e));
  });
  const visibleErrorCount = computed(() => visible.value.reduce((n, e) => (e.kind === 'error' ? n + 1 : n), 0));
  const rows = computed<readonly TimelineRow[]>(() => (groupSimilar.value ? groupRows(visible.value, keyOf, expandedGroups.value) : visible.value));
  const selectedGroup = computed(() => {
    const key = selectedKey.value;
    if (key === null || key >= 0 || !groupSimilar.value) return null;
    const found = rows.value.find((r) => r.key === key);
    return found?.kind === 'group' ? found : null;
  });
  const selected = computed(() => {
    const key = selectedKey.value;
    if (key === null) return null;
    if (key < 0) return selectedGroup.value?.newest ?? null;
    const found = entries.value.find((e) => e.key === key);
    return found?.kind === 'error' ? found : null;
  });
  const findings = signal<readonly Finding[]>([]);
  // Findings read every request kept (thousands during a burst): worked out in a task of their own, at
  // most once a second, never inside the update that shows new rows.
  let findingsTimer: ReturnType<typeof setTimeout> | null = null;
  let findingsAt = Number.NEGATIVE_INFINITY;
  const memo: FindingsMemo = new Map();
  effect(() => {
    void observations.value; // subscribes: a new batch of requests schedules the next run
    if (findingsTimer !== null) return;
    findingsTimer = setTimeout(() => {
      findingsTimer = null;
      findingsAt = Date.now();
      findings.value = findingsOf(observations.peek(), memo);
    }, Math.max(0, findingsAt + FINDINGS_EVERY_MS - Date.now()));
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
    // Grouped, a selected error stays open while its group is listed, folded or not.
    const listed = (r: TimelineRow): boolean => r.key === key || (r.kind === 'group' && r.members.some((m) => m.key === key));
    if (detailsOpen.value && !rows.value.some(listed)) detailsOpen.value = false;
  });

  function cite(finding: Finding): void {
    const keys = new Set(finding.entries);
    const listed = visible.peek().filter((e): e is ErrorEntry => e.kind === 'error' && keys.has(e.key));
    batch(() => {
      cited.value = keys;
      if (groupSimilar.peek()) expandedGroups.value = new Set([...expandedGroups.peek(), ...listed.map((e) => e.fingerprint.key)]);
      const [first] = listed;
      if (first !== undefined) {
        selectedKey.value = first.key;
        detailsOpen.value = true;
      }
    });
  }

  function toggleGroup(fingerprintKey: string): void {
    const next = new Set(expandedGroups.peek());
    if (!next.delete(fingerprintKey)) next.add(fingerprintKey);
    expandedGroups.value = next;
  }

  return {
    filters,
    visible,
    visibleErrorCount,
    groupSimilar,
    expandedGroups,
    rows,
    selectedKey,
    detailsOpen,
    selected,
    selectedGroup,
    findings,
    cited,
    cite,
    toggleGroup,
    columns,
    split,
    clearFilters: () => (filters.value = noFilters),
    reset: () =>
      batch(() => {
        selectedKey.value = null;
        detailsOpen.value = false;
        cited.value = new Set();
        expandedGroups.value = new Set();
      }),
  };
}

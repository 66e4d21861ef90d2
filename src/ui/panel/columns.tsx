import type { ReadonlySignal } from '@preact/signals';
import type { JSX } from 'preact';
import { formatTime, retryLabel } from '../format.ts';
import { testIds } from '../testids.ts';
import type { ErrorEntry } from './entries.ts';

export type ColumnId = 'time' | 'method' | 'name' | 'status' | 'format' | 'code' | 'message' | 'retry';

interface CellProps {
  readonly entry: ErrorEntry;
  readonly now: ReadonlySignal<number>;
}

/**
 * One timeline column: its header, its width and its cell. The header row, every error row and the
 * CSS grid they share all come from the list of these, so a new column is one entry here.
 */
export interface Column {
  readonly id: ColumnId;
  readonly header: string;
  /** Width in px by default; for the flexible column, the least that folding keeps for it (it takes what is left). */
  readonly width: number;
  /** The narrowest a user can drag it. */
  readonly minWidth: number;
  /** Message: takes the room the others leave. */
  readonly flex?: true;
  /**
   * When the panel is too narrow for every column, the one with the highest value folds away first
   * (its text stays in the row's tooltip); 0 never folds. Message and Retry are what a row is for.
   */
  readonly fold: number;
  /** Kept in the list while the details pane is open (like the Network panel: what names a row). */
  readonly withDetails: boolean;
  /** Offered in the header's context menu. Name and Message identify a row and always show. */
  readonly hideable: boolean;
  readonly Cell: (props: CellProps) => JSX.Element;
}

function RetryCell({ entry, now }: CellProps) {
  // Reading the one clock signal here re-renders only this cell each second.
  const { text, tone } = retryLabel(entry.error.retry, now.value);
  return (
    <div role="gridcell" class={`fl-cell fl-retry fl-tone-${tone}`} data-testid={testIds.retryCell}>
      {text}
    </div>
  );
}

export const COLUMNS: readonly Column[] = [
  {
    id: 'time',
    header: 'Time',
    width: 92,
    minWidth: 60,
    fold: 4,
    withDetails: false,
    hideable: true,
    Cell: ({ entry }) => <div role="gridcell" class="fl-cell fl-fits fl-dim">{formatTime(entry.exchange.startedAt ?? entry.exchange.receivedAt)}</div>,
  },
  {
    id: 'method',
    header: 'Method',
    width: 64,
    minWidth: 40,
    fold: 3,
    withDetails: false,
    hideable: true,
    Cell: ({ entry }) => <div role="gridcell" class="fl-cell">{entry.exchange.method}</div>,
  },
  {
    id: 'name',
    header: 'Name',
    width: 150,
    minWidth: 60,
    fold: 0,
    withDetails: true,
    hideable: false,
    Cell: ({ entry }) => (
      <div role="gridcell" class="fl-cell" title={`${entry.exchange.method} ${entry.exchange.url}`}>
        {entry.name}
      </div>
    ),
  },
  {
    id: 'status',
    header: 'Status',
    width: 52,
    minWidth: 40,
    fold: 0,
    withDetails: true,
    hideable: true,
    Cell: ({ entry: { error } }) => (
      <div role="gridcell" class={`fl-cell fl-fits fl-status${error.errorIn2xx ? ' fl-in2xx' : ''}`} title={error.errorIn2xx ? `error inside a ${error.status} response` : undefined}>
        {error.status}
      </div>
    ),
  },
  {
    id: 'format',
    header: 'Format',
    width: 110,
    minWidth: 50,
    fold: 2,
    withDetails: false,
    hideable: true,
    Cell: ({ entry }) => (
      <div role="gridcell" class="fl-cell">
        <span class="fl-badge">{entry.error.format}</span>
      </div>
    ),
  },
  {
    id: 'code',
    header: 'Code',
    width: 110,
    minWidth: 40,
    fold: 1,
    withDetails: false,
    hideable: true,
    Cell: ({ entry }) => (
      <div role="gridcell" class="fl-cell fl-mono" title={entry.error.code ?? undefined}>
        {entry.error.code ?? ''}
      </div>
    ),
  },
  {
    id: 'message',
    header: 'Message',
    width: 160,
    minWidth: 80,
    flex: true,
    fold: 0,
    withDetails: true,
    hideable: false,
    Cell: ({ entry }) => (
      <div role="gridcell" class="fl-cell fl-message" title={entry.error.message} data-testid={testIds.rowMessage}>
        {entry.error.message}
      </div>
    ),
  },
  { id: 'retry', header: 'Retry', width: 100, minWidth: 60, fold: 0, withDetails: false, hideable: true, Cell: RetryCell },
];

export const COLUMN_IDS: readonly ColumnId[] = COLUMNS.map((c) => c.id);

/** What the user made of the columns: widths dragged, columns hidden. Persisted per browser profile. */
export interface ColumnPrefs {
  readonly widths: Readonly<Partial<Record<ColumnId, number>>>;
  readonly hidden: readonly ColumnId[];
}

export const defaultColumnPrefs: ColumnPrefs = { widths: {}, hidden: [] };

/** Stored prefs, checked: storage can hold anything, and an older build's columns may be gone. */
export function columnPrefsFrom(value: unknown): ColumnPrefs {
  if (typeof value !== 'object' || value === null) return defaultColumnPrefs;
  const { widths, hidden } = value as { widths?: unknown; hidden?: unknown };
  const keptWidths: Partial<Record<ColumnId, number>> = {};
  if (typeof widths === 'object' && widths !== null) {
    for (const column of COLUMNS) {
      const width: unknown = (widths as Record<string, unknown>)[column.id];
      if (typeof width === 'number' && Number.isFinite(width)) keptWidths[column.id] = Math.max(column.minWidth, Math.min(2000, Math.round(width)));
    }
  }
  const keptHidden = Array.isArray(hidden) ? COLUMNS.filter((c) => c.hideable && hidden.includes(c.id)).map((c) => c.id) : [];
  return { widths: keptWidths, hidden: keptHidden };
}

export function columnWidth(column: Column, prefs: ColumnPrefs): number {
  return prefs.widths[column.id] ?? column.width;
}

/** Cell borders and padding are inside each track; this is what the grid adds: nothing beyond the tracks. */
export interface ColumnLayout {
  readonly shown: readonly Column[];
  /** The grid's `grid-template-columns`. */
  readonly template: string;
  /** Columns folded away for lack of width (not hidden by the user). */
  readonly folded: readonly Column[];
}

/**
 * The columns that fit `available` px: the user's choice (and with details open, only what names a
 * row), then folding the lowest-value ones until the rest fit. Narrower still, Name shrinks to its
 * minimum rather than push Message or Retry out of view: its track is `minmax(min, width)`, which CSS
 * grid fills before the flexible Message track gets what is left.
 */
export function layoutColumns(prefs: ColumnPrefs, available: number, detailsOpen: boolean): ColumnLayout {
  const candidates = COLUMNS.filter((c) => !prefs.hidden.includes(c.id) && (!detailsOpen || c.withDetails));
  const shown = [...candidates];
  const folded: Column[] = [];
  const total = (): number => shown.reduce((sum, c) => sum + columnWidth(c, prefs), 0);
  while (total() > available) {
    const foldable = shown.filter((c) => c.fold > 0).sort((a, b) => b.fold - a.fold)[0];
    if (foldable === undefined) break;
    shown.splice(shown.indexOf(foldable), 1);
    folded.push(foldable);
  }
  const template = shown
    .map((c) => {
      const width = columnWidth(c, prefs);
      // Folding keeps Message at least its width where it can; beside the details, it may get less.
      if (c.flex === true) return `minmax(${c.minWidth}px, 1fr)`;
      if (c.id === 'name') return `minmax(${c.minWidth}px, ${width}px)`;
      return `${width}px`;
    })
    .join(' ');
  return { shown, template, folded };
}

import type { ReadonlySignal } from '@preact/signals';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { testIds } from '../testids.ts';
import { COLUMNS, columnWidth, layoutColumns, type Column, type ColumnLayout } from './columns.tsx';
import { ContextMenu, type MenuAt, type MenuItem } from './ContextMenu.tsx';
import type { ErrorEntry, NavigationEntry } from './entries.ts';
import type { Filters } from './filters.ts';
import { followDrag } from './drag.ts';
import { GroupRow } from './GroupRow.tsx';
import type { GroupEntry, TimelineRow } from './groups.ts';
import { rowMenuItems } from './row-menu.ts';
import type { PanelStore } from './store.ts';
import { visibleText } from '../../core/visible-text.ts';

/** Fixed row height (px): what makes virtualisation a division instead of a measurement. */
export const ROW_HEIGHT = 21;
/** Rows rendered above and below the viewport so fast scrolling shows no blank band. */
const OVERSCAN = 10;
/**
 * Rows rendered above the view while it follows new rows. During a burst every row in view changes at
 * each update, so each extra row is paid for again and again; a few cover the first frame of a scroll up.
 */
const FOLLOW_OVERSCAN = 3;
/** Viewport size assumed before layout has measured one (and in layout-less test DOMs). */
export const FALLBACK_VIEWPORT = 600;
const FALLBACK_WIDTH = 1200;

/**
 * Zebra stripes follow the row's place in the timeline, not in the DOM: only the rows in view exist, so
 * `:nth-child` would flip every stripe (and restyle every row) each time the view moves by one row.
 */
const stripe = (index: number): string => (index % 2 === 1 ? ' fl-alt' : '');

interface ErrorRowProps {
  readonly entry: ErrorEntry;
  readonly index: number;
  readonly selected: boolean;
  /** Cited by the finding last clicked in the findings bar. */
  readonly cited: boolean;
  /** A member listed under its expanded group. */
  readonly member: boolean;
  readonly columns: readonly Column[];
  readonly now: ReadonlySignal<number>;
  readonly onPick: (entry: ErrorEntry) => void;
  readonly onMenu: (entry: ErrorEntry, x: number, y: number) => void;
}

function ErrorRow({ entry, index, selected, cited, member, columns, now, onPick, onMenu }: ErrorRowProps) {
  const { error } = entry;
  return (
    <div
      role="row"
      id={`fl-row-${entry.key}`}
      aria-rowindex={index + 2}
      aria-selected={selected}
      class={`fl-row${stripe(index)}${selected ? ' fl-selected' : ''}${error.status >= 500 ? ' fl-5xx' : ''}${cited ? ' fl-cited' : ''}${member ? ' fl-member' : ''}`}
      style={{ top: `${index * ROW_HEIGHT}px` }}
      data-testid={testIds.errorRow}
      data-status={String(error.status)}
      data-format={error.format}
      data-code={error.code ?? ''}
      data-path={entry.path}
      onClick={() => onPick(entry)}
      onContextMenu={(event) => {
        event.preventDefault();
        onMenu(entry, event.clientX, event.clientY);
      }}
    >
      {columns.map(({ id, Cell }) => (
        <Cell key={id} entry={entry} now={now} />
      ))}
    </div>
  );
}

function NavigationRow({ entry, index }: { entry: NavigationEntry; index: number }) {
  return (
    <div role="row" aria-rowindex={index + 2} class="fl-row fl-nav" style={{ top: `${index * ROW_HEIGHT}px` }} data-testid={testIds.navigationRow}>
      <div role="gridcell" class="fl-cell" aria-colspan={COLUMNS.length}>
        {`Navigated to ${visibleText(entry.url)}`}
      </div>
    </div>
  );
}

/** The visible index range [start, end) for a scroll position, with `overscan` rows either side. */
export function visibleRange(scrollTop: number, viewport: number, total: number, overscan = OVERSCAN): { start: number; end: number } {
  const start = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - overscan);
  const end = Math.min(total, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + overscan);
  return { start, end };
}

/** The row (error or group) `steps` such rows away from `from` (separators are skipped), stopping at either end. */
function stepErrors(rows: readonly TimelineRow[], from: number, steps: number): number {
  const step = steps > 0 ? 1 : -1;
  let found = from;
  let left = Math.abs(steps);
  for (let i = from + step; i >= 0 && i < rows.length && left > 0; i += step) {
    if (rows[i]?.kind !== 'navigation') {
      found = i;
      left--;
    }
  }
  return found;
}

interface HeaderProps {
  readonly layout: ColumnLayout;
  readonly store: PanelStore;
  readonly gutter: number;
  readonly onMenu: (x: number, y: number) => void;
}

/**
 * The header row: a column's edge drags its width (columns right of Message drag by their left edge,
 * as Message takes what is left), and a right-click opens the menu that hides and shows columns.
 */
function HeaderRow({ layout, store, gutter, onMenu }: HeaderProps) {
  const flexAt = layout.shown.findIndex((c) => c.flex === true);
  const startDrag = (column: Column, fromLeft: boolean) => (event: PointerEvent): void => {
    event.preventDefault();
    event.stopPropagation();
    const startX = event.clientX;
    const startWidth = columnWidth(column, store.columns.peek());
    followDrag(event.currentTarget as HTMLElement, event.pointerId, (e) => {
      const delta = fromLeft ? startX - e.clientX : e.clientX - startX;
      const width = Math.max(column.minWidth, Math.min(2000, Math.round(startWidth + delta)));
      const prefs = store.columns.peek();
      store.columns.value = { ...prefs, widths: { ...prefs.widths, [column.id]: width } };
    });
  };
  return (
    <div
      role="row"
      aria-rowindex={1}
      class="fl-row fl-head"
      style={gutter > 0 ? { paddingRight: `${gutter}px` } : undefined}
      onContextMenu={(event) => {
        event.preventDefault();
        onMenu(event.clientX, event.clientY);
      }}
    >
      {layout.shown.map((column, i) => (
        <div role="columnheader" class="fl-cell fl-head-cell" key={column.id} data-testid={testIds.columnHeader} data-column={column.id}>
          {column.header}
          {column.flex !== true && (
            <span
              class={`fl-resizer${flexAt !== -1 && i > flexAt ? ' fl-resizer-left' : ''}`}
              data-testid={testIds.columnResizer}
              aria-hidden="true"
              title={`Drag to resize ${column.header}`}
              onPointerDown={startDrag(column, flexAt !== -1 && i > flexAt)}
            />
          )}
        </div>
      ))}
    </div>
  );
}

function columnMenuItems(store: PanelStore): MenuItem[] {
  const prefs = store.columns.peek();
  const toggles: MenuItem[] = COLUMNS.filter((c) => c.hideable).map((column) => {
    const hidden = prefs.hidden.includes(column.id);
    return {
      kind: 'check',
      label: column.header,
      checked: !hidden,
      run: () => {
        const now = store.columns.peek();
        store.columns.value = { ...now, hidden: hidden ? now.hidden.filter((id) => id !== column.id) : [...now.hidden, column.id] };
      },
    };
  });
  return [...toggles, { kind: 'separator' }, { kind: 'action', label: 'Reset columns', run: () => (store.columns.value = { widths: {}, hidden: [] }) }];
}

/**
 * The error list, in the order requests started, as an ARIA grid. Only the rows in view (plus overscan)
 * exist in the DOM, so 10 000 errors cost what 50 do. It sticks to the bottom while the user is at the
 * bottom. Its columns fit the panel's width (see columns.tsx), and the keyboard moves the selection.
 */
export function Timeline({ store, now }: { store: PanelStore; now: ReadonlySignal<number> }) {
  const rows = store.rows.value;
  const selectedKey = store.selectedKey.value;
  const filters = store.filters.value;
  const cited = store.cited.value;
  const grouped = store.groupSimilar.value;
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  // An object, so that every user scroll renders: while following, our own scroll events are skipped
  // (see onScroll) and the offset last stored may equal the one the user scrolls to.
  const [scrolled, setScrolled] = useState({ top: 0 });
  const [viewport, setViewport] = useState(FALLBACK_VIEWPORT);
  const [size, setSize] = useState({ width: FALLBACK_WIDTH, gutter: 0 });
  const [menu, setMenu] = useState<MenuAt | null>(null);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el === null) return;
    const measure = (): void => {
      setViewport(el.clientHeight > 0 ? el.clientHeight : FALLBACK_VIEWPORT);
      // The scrollbar takes its width from the rows, not the header: the header is padded by as much.
      if (el.clientWidth > 0) setSize((old) => (old.width === el.clientWidth && old.gutter === el.offsetWidth - el.clientWidth ? old : { width: el.clientWidth, gutter: el.offsetWidth - el.clientWidth }));
    };
    measure();
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const layout = layoutColumns(store.columns.value, size.width, store.detailsOpen.value);

  // Scrolled to the bottom, a viewport that is not a whole number of rows would cut the top row in half
  // under the header: padding by the leftover makes the bottom-most scroll position a row boundary.
  const bottomPad = viewport % ROW_HEIGHT;
  const contentHeight = rows.length * ROW_HEIGHT + bottomPad;

  // Following new rows: the bottom is known from the measured viewport, so the rows there render in the
  // same pass, and the scroll itself waits for the next frame. Writing scrollTop lays the panel out at once:
  // done inside the update it made the update's task one layout longer (a burst's long tasks, measured
  // 2026-12-07: 5–7 of 51–74 ms in the update, 2 of 52–53 ms with the scroll in the frame).
  const bottomTop = Math.max(0, contentHeight - viewport);
  const following = atBottom.current;
  /** Where this component last scrolled to by itself: the scroll events of its own scrolls need no render. */
  const followedTo = useRef<number | null>(null);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el === null || !atBottom.current) return;
    const frame = requestAnimationFrame(() => {
      followedTo.current = bottomTop; // before the write: a scroll event may come with it
      el.scrollTop = bottomTop;
      followedTo.current = el.scrollTop;
    });
    return () => cancelAnimationFrame(frame);
  }, [bottomTop]);

  const onScroll = (): void => {
    const el = scroller.current;
    if (el === null) return;
    // The event of our own follow scroll (it comes with the next frame): nothing to render again.
    if (atBottom.current && el.scrollTop === followedTo.current) return;
    followedTo.current = null;
    atBottom.current = el.scrollTop + viewport >= contentHeight - ROW_HEIGHT;
    setScrolled({ top: el.scrollTop });
  };

  /** Scrolls just enough to show the row at `index` (it stops following unless that row is the last). */
  const reveal = (index: number): void => {
    const el = scroller.current;
    if (el === null || index < 0) return;
    const top = index * ROW_HEIGHT;
    const height = el.clientHeight > 0 ? el.clientHeight : viewport;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + height) el.scrollTop = top + ROW_HEIGHT - height;
    else return;
    atBottom.current = el.scrollTop + height >= contentHeight - ROW_HEIGHT;
    setScrolled({ top: el.scrollTop });
  };

  // The selected row stays in view when the filters change the rows around it.
  const lastFilters = useRef<Filters>(filters);
  useLayoutEffect(() => {
    if (lastFilters.current === filters) return;
    lastFilters.current = filters;
    if (selectedKey !== null) reveal(rows.findIndex((r) => r.key === selectedKey));
  }, [filters]);

  const select = (entry: ErrorEntry | GroupEntry, open: boolean): void => {
    store.selectedKey.value = entry.key;
    if (open) store.detailsOpen.value = true;
  };

  const openRowMenu = (entry: ErrorEntry, x: number, y: number): void => {
    select(entry, false);
    setMenu({
      x,
      y,
      label: 'Row actions',
      items: rowMenuItems(entry, (patch) => {
        store.filters.value = { ...store.filters.peek(), ...patch };
      }),
    });
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    const current = rows.findIndex((r) => r.key === selectedKey);
    const page = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1);
    let target: number;
    switch (event.key) {
      case 'ArrowDown':
        target = current === -1 ? stepErrors(rows, -1, 1) : stepErrors(rows, current, 1);
        break;
      case 'ArrowUp':
        target = current === -1 ? stepErrors(rows, rows.length, -1) : stepErrors(rows, current, -1);
        break;
      case 'PageDown':
        target = stepErrors(rows, current, page);
        break;
      case 'PageUp':
        target = stepErrors(rows, current === -1 ? rows.length : current, -page);
        break;
      case 'Home':
        target = stepErrors(rows, -1, 1);
        break;
      case 'End':
        target = stepErrors(rows, rows.length, -1);
        break;
      case 'Enter':
        if (current !== -1) store.detailsOpen.value = true;
        event.preventDefault();
        return;
      case 'ArrowRight':
      case 'ArrowLeft': {
        // Tree-grid keys: right opens the selected group, left closes it (or goes from a member to its group).
        if (!grouped) return;
        const row = rows[current];
        const group = row?.kind === 'group' ? row : rows.slice(0, current).findLast((r): r is GroupEntry => r.kind === 'group');
        if (group === undefined) return;
        event.preventDefault();
        if (row?.kind === 'group' && group.expanded === (event.key === 'ArrowLeft')) store.toggleGroup(group.fingerprint.key);
        else if (row?.kind === 'error' && event.key === 'ArrowLeft') select(group, false);
        return;
      }
      case 'ContextMenu':
      case 'F10': {
        if (event.key === 'F10' && !event.shiftKey) return;
        const entry = rows[current];
        if (entry?.kind !== 'error') return;
        event.preventDefault();
        const rowEl = scroller.current?.querySelector(`#fl-row-${entry.key}`);
        const box = rowEl?.getBoundingClientRect();
        openRowMenu(entry, (box?.left ?? 0) + 24, (box?.bottom ?? 0) - 2);
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    const entry = rows[target];
    if (entry === undefined || entry.kind === 'navigation') return;
    select(entry, false);
    reveal(target);
  };

  const { start, end } = following ? visibleRange(bottomTop, viewport, rows.length, FOLLOW_OVERSCAN) : visibleRange(scrolled.top, viewport, rows.length);
  const rendered = rows.slice(start, end);
  // Rows are keyed by their place in the rendered window, not by entry: when the view moves on (following
  // new rows, or at the cap, where every update drops the oldest) or the window changes size (the panel
  // resized, the rate-limit strip appearing with the first limits of a burst, following or not), the same
  // elements take the new rows' text instead of being torn down and rebuilt, and none moves in the DOM.
  return (
    <div
      class={`fl-grid${grouped ? ' fl-grouped' : ''}`}
      role={grouped ? 'treegrid' : 'grid'}
      aria-label="Decoded API errors"
      aria-rowcount={rows.length + 1}
      aria-colcount={layout.shown.length}
      aria-activedescendant={selectedKey === null ? undefined : `fl-row-${selectedKey}`}
      tabIndex={0}
      data-testid={testIds.timeline}
      style={{ '--fl-columns': layout.template }}
      onKeyDown={onKeyDown}
    >
      <HeaderRow layout={layout} store={store} gutter={size.gutter} onMenu={(x, y) => setMenu({ x, y, label: 'Columns', items: columnMenuItems(store) })} />
      <div class="fl-scroller" ref={scroller} onScroll={onScroll}>
        <div role="rowgroup" class="fl-rows" style={{ height: `${contentHeight}px` }}>
          {rendered.map((entry, i) => {
            const index = start + i;
            if (entry.kind === 'navigation') return <NavigationRow key={i} entry={entry} index={index} />;
            if (entry.kind === 'error') {
              return (
                <ErrorRow
                  key={i}
                  entry={entry}
                  index={index}
                  selected={entry.key === selectedKey}
                  cited={cited.has(entry.key)}
                  member={grouped}
                  columns={layout.shown}
                  now={now}
                  onPick={(e) => select(e, true)}
                  onMenu={openRowMenu}
                />
              );
            }
            return (
              <GroupRow
                key={i}
                group={entry}
                index={index}
                top={index * ROW_HEIGHT}
                selected={entry.key === selectedKey}
                cited={cited.size > 0 && entry.members.some((m) => cited.has(m.key))}
                className={`fl-row${stripe(index)}${entry.key === selectedKey ? ' fl-selected' : ''}${entry.fingerprint.status >= 500 ? ' fl-5xx' : ''}`}
                columns={layout.shown}
                now={now}
                onPick={(g) => select(g, true)}
                onToggle={(g) => store.toggleGroup(g.fingerprint.key)}
              />
            );
          })}
        </div>
      </div>
      {menu !== null && <ContextMenu menu={menu} onClose={() => setMenu(null)} />}
    </div>
  );
}

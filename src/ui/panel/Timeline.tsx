import type { ReadonlySignal } from '@preact/signals';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { RetryVerdict } from '../../core/model.ts';
import { formatTime, retryLabel } from '../format.ts';
import { testIds } from '../testids.ts';
import type { ErrorEntry, NavigationEntry } from './entries.ts';
import { GroupRow } from './GroupRow.tsx';
import type { GroupEntry, TimelineRow } from './groups.ts';
import type { PanelStore } from './store.ts';

/** Fixed row height (px): what makes virtualisation a division instead of a measurement. */
export const ROW_HEIGHT = 21;
/** Rows rendered above and below the viewport so fast scrolling shows no blank band. */
const OVERSCAN = 10;
/**
 * Rows rendered above the view while it follows new rows. During a burst every row in view changes at
 * each update, so each extra row is paid for again and again; a few cover the first frame of a scroll up.
 */
const FOLLOW_OVERSCAN = 3;
/** Viewport height assumed before layout has measured one (and in layout-less test DOMs). */
export const FALLBACK_VIEWPORT = 600;

export const COLUMNS = ['Time', 'Method', 'Path', 'Status', 'Format', 'Code', 'Message', 'Retry'] as const;

function RetryCell({ retry, now }: { retry: RetryVerdict; now: ReadonlySignal<number> }) {
  // Reading the one clock signal here re-renders only this cell each second.
  const { text, tone } = retryLabel(retry, now.value);
  return (
    <div role="gridcell" class={`fl-cell fl-retry fl-tone-${tone}`} data-testid={testIds.retryCell}>
      {text}
    </div>
  );
}

/**
 * Zebra stripes follow the row's place in the timeline, not in the DOM: only the rows in view exist, so
 * `:nth-child` would flip every stripe (and restyle every row) each time the view moves by one row.
 */
const stripe = (index: number): string => (index % 2 === 1 ? ' fl-alt' : '');

function ErrorRow(props: { entry: ErrorEntry; index: number; selected: boolean; cited: boolean; member: boolean; now: ReadonlySignal<number>; onPick: (entry: ErrorEntry) => void }) {
  const { entry, index, selected } = props;
  const { error, exchange } = entry;
  const serverError = error.status >= 500;
  const marks = `${props.cited ? ' fl-cited' : ''}${props.member ? ' fl-member' : ''}`;
  return (
    <div
      role="row"
      id={`fl-row-${entry.key}`}
      aria-rowindex={index + 2}
      aria-selected={selected}
      class={`fl-row${stripe(index)}${selected ? ' fl-selected' : ''}${serverError ? ' fl-5xx' : ''}${marks}`}
      style={{ top: `${index * ROW_HEIGHT}px` }}
      data-testid={testIds.errorRow}
      data-status={String(error.status)}
      data-format={error.format}
      data-code={error.code ?? ''}
      onClick={() => props.onPick(entry)}
    >
      <div role="gridcell" class="fl-cell fl-fits fl-dim">{formatTime(exchange.receivedAt)}</div>
      <div role="gridcell" class="fl-cell">{exchange.method}</div>
      <div role="gridcell" class="fl-cell" title={exchange.url}>{entry.path}</div>
      <div role="gridcell" class={`fl-cell fl-fits fl-status${error.errorIn2xx ? ' fl-in2xx' : ''}`} title={error.errorIn2xx ? `error inside a ${error.status} response` : undefined}>
        {error.status}
      </div>
      <div role="gridcell" class="fl-cell fl-fits">
        <span class="fl-badge">{error.format}</span>
      </div>
      <div role="gridcell" class="fl-cell fl-mono" title={error.code ?? undefined}>{error.code ?? ''}</div>
      <div role="gridcell" class="fl-cell fl-message" title={error.message} data-testid={testIds.rowMessage}>
        {error.message}
      </div>
      <RetryCell retry={error.retry} now={props.now} />
    </div>
  );
}

function NavigationRow({ entry, index }: { entry: NavigationEntry; index: number }) {
  return (
    <div role="row" aria-rowindex={index + 2} class="fl-row fl-nav" style={{ top: `${index * ROW_HEIGHT}px` }} data-testid={testIds.navigationRow}>
      <div role="gridcell" class="fl-cell" aria-colspan={COLUMNS.length}>
        {`Navigated to ${entry.url}`}
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

function nextErrorIndex(rows: readonly TimelineRow[], from: number, step: 1 | -1): number {
  for (let i = from + step; i >= 0 && i < rows.length; i += step) if (rows[i]?.kind !== 'navigation') return i;
  return from;
}

/**
 * The error list, newest last, as an ARIA grid. Only the rows in view (plus overscan) exist in the
 * DOM, so 10 000 errors cost what 50 do. It sticks to the bottom while the user is at the bottom.
 */
export function Timeline({ store, now }: { store: PanelStore; now: ReadonlySignal<number> }) {
  const rows = store.rows.value;
  const selectedKey = store.selectedKey.value;
  const cited = store.cited.value;
  const grouped = store.groupSimilar.value;
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  // An object, so that every user scroll renders: while following, our own scroll events are skipped
  // (see onScroll) and the offset last stored may equal the one the user scrolls to.
  const [scrolled, setScrolled] = useState({ top: 0 });
  const [viewport, setViewport] = useState(FALLBACK_VIEWPORT);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el === null) return;
    const measure = (): void => setViewport(el.clientHeight > 0 ? el.clientHeight : FALLBACK_VIEWPORT);
    measure();
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Scrolled to the bottom, a viewport that is not a whole number of rows would cut the top row in half
  // under the header: padding by the leftover makes the bottom-most scroll position a row boundary.
  const bottomPad = viewport % ROW_HEIGHT;
  const contentHeight = rows.length * ROW_HEIGHT + bottomPad;

  // Following new rows: the bottom is known from the measured viewport, so the rows there render in the
  // same pass. Scrolling there lays the new rows out now, in this task, and leaves the frame only the
  // paint: the work of an update in two halves (measured: a burst's longest task is shorter this way).
  const bottomTop = Math.max(0, contentHeight - viewport);
  const following = atBottom.current;
  /** Where this component last scrolled to by itself: the scroll events of its own scrolls need no render. */
  const followedTo = useRef<number | null>(null);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el === null || !atBottom.current) return;
    el.scrollTop = bottomTop;
    followedTo.current = el.scrollTop;
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

  const select = (entry: ErrorEntry | GroupEntry, open: boolean): void => {
    store.selectedKey.value = entry.key;
    if (open) store.detailsOpen.value = true;
  };

  const reveal = (index: number): void => {
    const el = scroller.current;
    if (el === null) return;
    const top = index * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    const current = rows.findIndex((r) => r.key === selectedKey);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const from = current === -1 ? (event.key === 'ArrowDown' ? -1 : rows.length) : current;
      const index = nextErrorIndex(rows, from, event.key === 'ArrowDown' ? 1 : -1);
      const entry = rows[index];
      if (entry !== undefined && entry.kind !== 'navigation') {
        select(entry, false);
        reveal(index);
      }
    } else if ((event.key === 'ArrowRight' || event.key === 'ArrowLeft') && grouped) {
      // Tree-grid keys: right opens the selected group, left closes it (or goes from a member to its group).
      const row = rows[current];
      const group = row?.kind === 'group' ? row : rows.slice(0, current).findLast((r): r is GroupEntry => r.kind === 'group');
      if (group === undefined) return;
      event.preventDefault();
      if (row?.kind === 'group' && group.expanded === (event.key === 'ArrowLeft')) store.toggleGroup(group.fingerprint.key);
      else if (row?.kind === 'error' && event.key === 'ArrowLeft') select(group, false);
    } else if (event.key === 'Enter' && current !== -1) {
      store.detailsOpen.value = true;
    } else if (event.key === 'Escape') {
      store.detailsOpen.value = false;
    }
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
      aria-colcount={COLUMNS.length}
      aria-activedescendant={selectedKey === null ? undefined : `fl-row-${selectedKey}`}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div role="row" aria-rowindex={1} class="fl-row fl-head">
        {COLUMNS.map((name) => (
          <div role="columnheader" class="fl-cell" key={name}>
            {name}
          </div>
        ))}
      </div>
      <div class="fl-scroller" ref={scroller} onScroll={onScroll}>
        <div role="rowgroup" class="fl-rows" style={{ height: `${contentHeight}px` }}>
          {rendered.map((entry, i) => {
            const index = start + i;
            if (entry.kind === 'navigation') return <NavigationRow key={i} entry={entry} index={index} />;
            if (entry.kind === 'error') {
              return <ErrorRow key={i} entry={entry} index={index} selected={entry.key === selectedKey} cited={cited.has(entry.key)} member={grouped} now={now} onPick={(e) => select(e, true)} />;
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
                onPick={(g) => select(g, true)}
                onToggle={(g) => store.toggleGroup(g.fingerprint.key)}
                retryCell={<RetryCell retry={entry.newest.error.retry} now={now} />}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

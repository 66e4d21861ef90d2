import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { rateLimitView } from '../error-view.ts';
import { plural } from '../format.ts';
import { testIds } from '../testids.ts';
import type { RateLimitChip } from './entries.ts';

/** The limits of one host, in the order the store gives them (host, then bucket). */
interface HostGroup {
  readonly host: string;
  readonly chips: readonly RateLimitChip[];
}

function byHost(chips: readonly RateLimitChip[]): HostGroup[] {
  const groups: { host: string; chips: RateLimitChip[] }[] = [];
  for (const chip of chips) {
    const last = groups[groups.length - 1];
    if (last !== undefined && last.host === chip.host) last.chips.push(chip);
    else groups.push({ host: chip.host, chips: [chip] });
  }
  return groups;
}

/** "3/100", "resets in 12 s"; "unknown since reset" once the window has passed: the count learnt before is stale. */
function chipText(chip: RateLimitChip, now: number): { readonly tone: string; readonly bucket: string; readonly parts: readonly string[] } {
  const view = rateLimitView(chip.state, now);
  const { limit, remaining } = chip.state;
  const parts: string[] = [];
  if (view.tone === 'unknown') parts.push('unknown since reset');
  else if (remaining !== null || limit !== null) parts.push(`${remaining ?? '?'}/${limit ?? '?'}`);
  if (view.resets !== null) parts.push(view.resets);
  return { tone: view.tone, bucket: view.bucket, parts };
}

function Chip({ chip, now }: { chip: RateLimitChip; now: number }) {
  const { tone, bucket, parts } = chipText(chip, now);
  return (
    <li class={`fl-chip fl-limit-${tone}`} data-testid={testIds.rateLimitChip} data-bucket={chip.state.bucket} title={`${chip.host === '' ? '' : `${chip.host} · `}${chip.state.bucket} (${chip.state.dialect})`}>
      <span class="fl-chip-name">{bucket}</span>
      {parts.map((part) => (
        <span key={part.slice(0, 6)} class="fl-chip-part">
          {part}
        </span>
      ))}
    </li>
  );
}

/**
 * What fits: the strip wraps into a box one line high that clips the other lines, and an IntersectionObserver,
 * which reports after the browser's own layout, says which items are on the clipped lines; `onHidden` gets how
 * many chips are. Measuring the items after each render instead would force a layout of the whole panel on
 * every update of a burst.
 */
function watchClipped(line: HTMLElement, onHidden: (count: number) => void): IntersectionObserver {
  const clipped = new Set<Element>();
  return new IntersectionObserver(
    (records) => {
      for (const record of records) {
        // By area, not isIntersecting: an item on the next line may touch the box's edge.
        if (record.intersectionRatio >= 0.5) clipped.delete(record.target);
        else clipped.add(record.target);
      }
      for (const item of clipped) if (!line.contains(item)) clipped.delete(item);
      const items = [...line.children] as HTMLElement[];
      let hidden = 0;
      items.forEach((item, index) => {
        if (item.dataset['testid'] === testIds.rateLimitChip) {
          if (clipped.has(item)) hidden++;
          return;
        }
        // A host label whose chips all went to the clipped lines says nothing: it is blanked.
        const next = items[index + 1];
        item.style.visibility = next === undefined || clipped.has(next) ? 'hidden' : '';
      });
      onHidden(hidden);
    },
    { root: line, threshold: 0.5 },
  );
}

/**
 * Every limit learnt, grouped by host (the host said once), on one line: what does not fit is counted
 * in a "+N" button that opens the full list. Each chip shows what is left and ticks to its reset; past
 * the reset the count is unknown, not the stale one. Nothing here is green: a limit is never a success.
 */
export function RateLimitStrip({ chips, now }: { chips: readonly RateLimitChip[]; now: ReadonlySignal<number> }) {
  const line = useRef<HTMLUListElement>(null);
  const [hiddenCount, setHiddenCount] = useState(0);
  const [open, setOpen] = useState(false);
  const fit = useRef<{ readonly root: Element; readonly observer: IntersectionObserver } | null>(null);
  const at = now.value;

  // Items come and go with the limits learnt (observing an item already observed does nothing); the list
  // itself goes when the last limit does, and its observer with it.
  useLayoutEffect(() => {
    const el = line.current;
    if (fit.current !== null && fit.current.root !== el) {
      fit.current.observer.disconnect();
      fit.current = null;
    }
    if (el === null || typeof IntersectionObserver !== 'function') return;
    fit.current ??= { root: el, observer: watchClipped(el, setHiddenCount) };
    for (const item of el.children) fit.current.observer.observe(item);
  });
  useEffect(() => () => fit.current?.observer.disconnect(), []);

  if (chips.length === 0) return null;
  const groups = byHost(chips);
  return (
    <div class="fl-strip-bar">
      <ul class="fl-strip" ref={line} data-testid={testIds.rateLimitStrip} aria-label={`Rate limits (${chips.length})`}>
        {groups.map((group) => [
          group.host === '' ? null : (
            <li key={`h ${group.host}`} class="fl-strip-host">
              {group.host}
            </li>
          ),
          ...group.chips.map((chip) => <Chip key={chip.key} chip={chip} now={at} />),
        ])}
      </ul>
      {(hiddenCount > 0 || chips.length > 1) && (
        <button
          type="button"
          class="fl-button fl-strip-more"
          data-testid={testIds.rateLimitMore}
          aria-expanded={open}
          title={`Show all ${plural(chips.length, 'rate limit')}`}
          onClick={() => setOpen(!open)}
        >
          {hiddenCount > 0 ? `+${hiddenCount}` : plural(chips.length, 'limit')}
        </button>
      )}
      {open && <LimitList groups={groups} now={at} onClose={() => setOpen(false)} />}
    </div>
  );
}

/** The full list the "+N" button opens: every host and its limits, one per line. Esc or a click outside closes it. */
function LimitList({ groups, now, onClose }: { groups: readonly HostGroup[]; now: number; onClose: () => void }) {
  const root = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const outside = (event: PointerEvent): void => {
      const target = event.target;
      if (target instanceof Element && (root.current?.contains(target) === true || target.closest(`[data-testid="${testIds.rateLimitMore}"]`) !== null)) return;
      onClose();
    };
    document.addEventListener('pointerdown', outside, true);
    return () => document.removeEventListener('pointerdown', outside, true);
  }, []);
  return (
    <div
      class="fl-limit-list"
      role="dialog"
      aria-label="All rate limits"
      ref={root}
      data-testid={testIds.rateLimitList}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        event.preventDefault();
        onClose();
      }}
    >
      {groups.map((group) => (
        <section key={group.host}>
          <h3 class="fl-limit-host">{group.host === '' ? 'Unknown host' : group.host}</h3>
          <ul>
            {group.chips.map((chip) => {
              const view = rateLimitView(chip.state, now);
              return (
                <li key={chip.key} class={`fl-limit-${view.tone}`}>
                  <span class="fl-chip-name">{view.bucket}</span> {view.line === '' ? 'no count given' : view.line}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}

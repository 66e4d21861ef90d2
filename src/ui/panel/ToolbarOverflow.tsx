import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { testIds } from '../testids.ts';

/**
 * The toolbar stays one line, as DevTools' own toolbars do: the filter box shrinks first (to its CSS
 * min-width), then the lower-value controls move, lowest first, into a "»" popup that holds the same
 * controls. Widths are measured, not guessed: each collapsible control's width is read while it is in the
 * toolbar and remembered for when it is not, so the decision does not depend on what is collapsed now.
 */

/** What the error count keeps before a control collapses (it shows its full text in its tooltip beyond). */
const COUNT_RESERVE_PX = 110;
/** The "»" button's width (an .fl-icon-button's min-width). */
const OVERFLOW_BUTTON_PX = 24;

/** The popup's id, for the button's aria-controls (a disclosure of real controls, not a menu). */
const POPUP_ID = 'fl-toolbar-overflow';

/** The attribute that marks a collapsible control's wrapper in the toolbar, with its key. */
const KEY_ATTR = 'data-overflow-key';

/**
 * How many of `keys` (highest value first) fit in the toolbar `bar`: the rest go to the overflow popup.
 * It is measured before paint and again whenever the toolbar or one of its controls changes size.
 */
export function useToolbarFit(bar: { current: HTMLElement | null }, keys: readonly string[]): number {
  const [fitting, setFitting] = useState(keys.length);
  const widths = useRef(new Map<string, number>());
  const observer = useRef<ResizeObserver | null>(null);
  const measure = useRef((): void => undefined);

  measure.current = (): void => {
    const el = bar.current;
    if (el === null || el.clientWidth === 0) return; // not laid out yet (a DevTools panel not shown)
    const style = getComputedStyle(el);
    const gap = parseFloat(style.columnGap) || 0;
    let used = (parseFloat(style.paddingLeft) || 0) + (parseFloat(style.paddingRight) || 0);
    let items = 0;
    for (const child of el.children) {
      if (!(child instanceof HTMLElement) || child.dataset['testid'] === testIds.toolbarOverflow) continue;
      const key = child.getAttribute(KEY_ATTR);
      if (key !== null) {
        widths.current.set(key, child.offsetWidth);
        continue;
      }
      const box = getComputedStyle(child);
      if (box.display === 'none' || box.position === 'absolute') continue;
      items += 1;
      if (child.dataset['testid'] === testIds.filterText) {
        // At narrow widths the CSS gives the filter a line of its own (a non-zero order): it takes nothing here.
        if (Number(box.order) > 0) items -= 1;
        else used += parseFloat(box.minWidth) || 0;
      } else if (child.dataset['testid'] === testIds.errorCount) used += Math.min(child.scrollWidth, COUNT_RESERVE_PX); // its text's width, even while cut
      else used += child.offsetWidth;
    }
    used += Math.max(0, items - 1) * gap;
    const countFitting = (free: number): number => {
      let n = 0;
      for (const key of keys) {
        const width = widths.current.get(key);
        if (width === undefined) return keys.length; // not measured yet: show it once so that it is
        if (free < width + gap) break;
        free -= width + gap;
        n += 1;
      }
      return n;
    };
    const all = countFitting(el.clientWidth - used);
    setFitting(all === keys.length ? all : countFitting(el.clientWidth - used - OVERFLOW_BUTTON_PX - gap));
  };

  useLayoutEffect(() => {
    if (typeof ResizeObserver === 'undefined') return;
    const watch = new ResizeObserver(() => measure.current());
    observer.current = watch;
    return () => watch.disconnect();
  }, []);

  // After every render: the toolbar's controls may have changed (a filter chip, an import), so are watched anew,
  // and measured at once when they did. A change of size alone is the observer's to report, after the browser's
  // own layout: measuring after every render would lay the panel out on every update of a burst (the error
  // count changes with each batch).
  const composition = useRef('');
  useLayoutEffect(() => {
    const el = bar.current;
    if (el === null) return;
    for (const target of [el, ...el.children]) observer.current?.observe(target);
    const now = [...el.children].map((child) => child.getAttribute(KEY_ATTR) ?? child.getAttribute('data-testid') ?? child.tagName).join(' ');
    if (now === composition.current) return;
    composition.current = now;
    measure.current();
  });

  return Math.min(fitting, keys.length);
}

/** A collapsible control in the toolbar: its wrapper is what gets measured. */
export function Fitted({ name, children }: { name: string; children: ComponentChildren }) {
  return (
    <span class="fl-inline fl-fitted" {...{ [KEY_ATTR]: name }}>
      {children}
    </span>
  );
}

/**
 * The "»" button and the popup of the controls that did not fit. Keyboard: Enter or Space opens it and
 * focuses its first control, Tab moves through them, Esc (or a click outside) closes it and gives the
 * focus back to the button. Esc is kept from the panel's own handler and from DevTools' drawer.
 */
export function ToolbarOverflow({ count, children }: { count: number; children: ComponentChildren }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const popup = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    if (!open) return;
    popup.current?.querySelector<HTMLElement>('button:not(:disabled), input:not([hidden]), select, summary')?.focus();
    const outside = (event: PointerEvent): void => {
      if (event.target instanceof Node && (popup.current?.contains(event.target) === true || button.current?.contains(event.target) === true)) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', outside, true);
    return () => document.removeEventListener('pointerdown', outside, true);
  }, [open]);

  const label = `${count} more ${count === 1 ? 'control' : 'controls'}`;
  return (
    <span class="fl-overflow" data-testid={testIds.toolbarOverflow}>
      <button
        ref={button}
        type="button"
        class="fl-icon-button"
        aria-label={`More: ${label}`}
        title={`More (${label} that do not fit)`}
        aria-expanded={open}
        aria-controls={POPUP_ID}
        data-testid={testIds.toolbarOverflowButton}
        onClick={() => setOpen(!open)}
      >
        »
      </button>
      {open && (
        <div
          ref={popup}
          id={POPUP_ID}
          class="fl-overflow-popup"
          role="group"
          aria-label="More controls"
          data-testid={testIds.toolbarOverflowPopup}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.stopPropagation();
            event.preventDefault();
            setOpen(false);
            button.current?.focus();
          }}
        >
          {children}
        </div>
      )}
    </span>
  );
}

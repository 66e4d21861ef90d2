import { useLayoutEffect, useRef } from 'preact/hooks';
import { testIds } from '../testids.ts';

export type MenuItem =
  | { readonly kind: 'action'; readonly label: string; readonly run: () => void; readonly disabled?: boolean }
  | { readonly kind: 'check'; readonly label: string; readonly checked: boolean; readonly run: () => void; readonly disabled?: boolean }
  | { readonly kind: 'separator' };

export interface MenuAt {
  readonly x: number;
  readonly y: number;
  readonly items: readonly MenuItem[];
  readonly label: string;
}

/**
 * A DevTools-style context menu: opens at the pointer (or the focused row), takes focus, moves with the
 * arrow keys, Home and End, runs an item on Enter or Space, and closes on Escape, a click outside or
 * Tab, giving focus back to where it came from. It stays inside the panel's viewport.
 */
export function ContextMenu({ menu, onClose }: { menu: MenuAt; onClose: () => void }) {
  const root = useRef<HTMLDivElement>(null);
  const returnTo = useRef<Element | null>(null);

  useLayoutEffect(() => {
    const el = root.current;
    if (el === null) return;
    returnTo.current = document.activeElement;
    const { innerWidth, innerHeight } = window;
    el.style.left = `${Math.max(0, Math.min(menu.x, innerWidth - el.offsetWidth - 2))}px`;
    el.style.top = `${Math.max(0, Math.min(menu.y, innerHeight - el.offsetHeight - 2))}px`;
    el.querySelector<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])')?.focus();
    const outside = (event: PointerEvent): void => {
      if (!(event.target instanceof Node && el.contains(event.target))) onClose();
    };
    document.addEventListener('pointerdown', outside, true);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      if (returnTo.current instanceof HTMLElement) returnTo.current.focus();
    };
  }, [menu]);

  const items = (): HTMLElement[] => [...(root.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])') ?? [])];
  const onKeyDown = (event: KeyboardEvent): void => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move = (index: number): void => all[(index + all.length) % all.length]?.focus();
    // The panel's own keys (and DevTools' Esc drawer) must not see what the menu handles.
    event.stopPropagation();
    switch (event.key) {
      case 'ArrowDown':
        move(at + 1);
        break;
      case 'ArrowUp':
        move(at - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(all.length - 1);
        break;
      case 'Escape':
      case 'Tab':
        onClose();
        break;
      case 'Enter':
      case ' ':
        (document.activeElement as HTMLElement | null)?.click();
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <div class="fl-menu" role="menu" aria-label={menu.label} ref={root} data-testid={testIds.contextMenu} onKeyDown={onKeyDown} onContextMenu={(e) => e.preventDefault()}>
      {menu.items.map((item, i) =>
        item.kind === 'separator' ? (
          <div key={i} role="separator" class="fl-menu-sep" />
        ) : (
          <div
            key={i}
            role={item.kind === 'check' ? 'menuitemcheckbox' : 'menuitem'}
            aria-checked={item.kind === 'check' ? item.checked : undefined}
            aria-disabled={item.disabled === true ? true : undefined}
            tabIndex={-1}
            class="fl-menu-item"
            onClick={() => {
              if (item.disabled === true) return;
              onClose();
              item.run();
            }}
          >
            <span class="fl-menu-check" aria-hidden="true">
              {item.kind === 'check' && item.checked ? '✓' : ''}
            </span>
            {item.label}
          </div>
        ),
      )}
    </div>
  );
}

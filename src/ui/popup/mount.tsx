import { signal } from '@preact/signals';
import { render } from 'preact';
import type { Theme } from '../../protocol/capture.ts';
import { startClock } from '../clock.ts';
import { Popup } from './popup.tsx';
import { createPopupState } from './state.ts';
import type { PopupDeps } from './types.ts';
import './popup.css';

export type { PopupDeps } from './types.ts';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/**
 * Renders the popup into `root`. Returns a function that unmounts it and stops its clock and subscriptions.
 * Without `deps.theme` it follows the browser's prefers-color-scheme, including changes while open.
 */
export function mountPopup(root: HTMLElement, deps: PopupDeps): () => void {
  const clock = startClock();
  const state = createPopupState(deps.engine);
  const media = deps.theme === undefined ? root.ownerDocument.defaultView?.matchMedia?.(DARK_QUERY) : undefined;
  const themeOf = (): Theme => deps.theme ?? (media?.matches === true ? 'dark' : 'light');
  const theme = signal<Theme>(themeOf());
  const onSchemeChange = (): void => {
    theme.value = themeOf();
  };
  media?.addEventListener('change', onSchemeChange);
  const unsubscribe = deps.recentErrors((errors) => state.setRecent(errors));

  render(<Popup state={state} now={clock.now} theme={theme} />, root);

  return () => {
    unsubscribe();
    media?.removeEventListener('change', onSchemeChange);
    clock.stop();
    render(null, root);
  };
}

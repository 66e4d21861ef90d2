import type { ReadonlySignal } from '@preact/signals';
import type { Theme } from '../../protocol/capture.ts';
import { LookupView } from './lookup-view.tsx';
import { PasteView } from './paste-view.tsx';
import { RecentErrors } from './recent-errors.tsx';
import type { PopupState, PopupView } from './state.ts';
import { popupTestIds } from './testids.ts';

interface PopupProps {
  readonly state: PopupState;
  readonly now: ReadonlySignal<number>;
  readonly theme: ReadonlySignal<Theme>;
}

const TABS: readonly { readonly view: PopupView; readonly label: string; readonly testId: string }[] = [
  { view: 'lookup', label: 'Look up', testId: popupTestIds.lookupTab },
  { view: 'paste', label: 'Paste response', testId: popupTestIds.pasteTab },
];

/** The toolbar popup: quick lookup or paste-and-decode, and the errors the open panels saw last. */
export function Popup({ state, now, theme }: PopupProps) {
  const view = state.view.value;

  function onTabKey(event: KeyboardEvent): void {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    // Two tabs: either arrow switches. The new view focuses its own input, ready to type or paste.
    state.view.value = view === 'lookup' ? 'paste' : 'lookup';
  }

  return (
    <div class="fl-popup" data-theme={theme.value} data-testid={popupTestIds.popup}>
      <header class="fl-top">
        <span class="fl-brand">Faultline</span>
        <div role="tablist" aria-label="Mode" class="fl-tabs" onKeyDown={onTabKey}>
          {TABS.map((tab) => (
            <button
              key={tab.view}
              type="button"
              role="tab"
              id={`fl-tab-${tab.view}`}
              aria-selected={view === tab.view}
              aria-controls="fl-tabpanel"
              tabIndex={view === tab.view ? 0 : -1}
              class="fl-tab"
              data-testid={tab.testId}
              onClick={() => {
                state.view.value = tab.view;
              }}
            >
              {tab.label}
            </button>
          ))}
        </div>
      </header>
      <main class="fl-main">
        <div id="fl-tabpanel" role="tabpanel" aria-labelledby={`fl-tab-${view}`}>
          {view === 'lookup' ? (
            <LookupView
              state={state}
              onResponsePasted={(text) => {
                state.setPaste(text);
                state.view.value = 'paste';
              }}
            />
          ) : (
            <PasteView state={state} now={now} />
          )}
        </div>
        <RecentErrors errors={state.recent.value} now={now} />
      </main>
    </div>
  );
}

import { useEffect, useRef } from 'preact/hooks';
import { entryId, type PopupState } from './state.ts';
import { EntryCard } from './entry-card.tsx';
import { popupTestIds } from './testids.ts';

const LISTBOX_ID = 'fl-lookup-results';

/** Text that is a response rather than a search: several lines, a status line, or a JSON/markup body. */
function looksLikeResponse(text: string): boolean {
  return /[\r\n]/.test(text.trim()) || /^\s*(?:HTTP\/|[{[<])/.test(text);
}

interface LookupViewProps {
  readonly state: PopupState;
  /** Pasting a whole response into the search box hands it to the paste view instead. */
  readonly onResponsePasted: (text: string) => void;
}

/** Search-as-you-type over the catalog: ↑/↓ move, Enter expands, Esc clears. */
export function LookupView({ state, onResponsePasted }: LookupViewProps) {
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const results = state.results.value;
  const active = Math.min(state.active.value, results.length - 1);
  const query = state.query.value;

  useEffect(() => {
    input.current?.focus();
  }, []);

  useEffect(() => {
    list.current?.children[active]?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);

  const activeEntry = results[active];
  const optionId = (i: number) => `fl-result-${i}`;

  function onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      state.move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter' && activeEntry !== undefined) {
      event.preventDefault();
      state.toggle(activeEntry);
    } else if (event.key === 'Escape' && query !== '') {
      // With an empty box Esc is left alone, so it still closes the popup.
      event.preventDefault();
      state.setQuery('');
    }
  }

  return (
    <div class="fl-lookup">
      <input
        ref={input}
        class="fl-search"
        type="search"
        role="combobox"
        aria-label="Look up a status, error code or words"
        aria-autocomplete="list"
        aria-controls={LISTBOX_ID}
        aria-expanded={results.length > 0}
        aria-activedescendant={activeEntry === undefined ? undefined : optionId(active)}
        placeholder="429, vps_not_found, 50035, rate limit…"
        autocomplete="off"
        spellcheck={false}
        data-testid={popupTestIds.search}
        value={query}
        onInput={(event) => state.setQuery(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        onPaste={(event) => {
          const text = event.clipboardData?.getData('text/plain') ?? '';
          if (!looksLikeResponse(text)) return;
          event.preventDefault();
          onResponsePasted(text);
        }}
      />
      {state.lookupError.value !== null ? (
        <p class="fl-paste-error" role="alert">
          {state.lookupError.value}
        </p>
      ) : (
        query.trim() !== '' && state.answered.value === query.trim() && results.length === 0 && <p class="fl-hint">No entry matches “{query.trim()}”.</p>
      )}
      {query.trim() === '' && (
        <p class="fl-hint">
          Type a status, an error code or words. Paste a whole response (as <code>curl -i</code> prints it) to decode it.
        </p>
      )}
      <ul ref={list} id={LISTBOX_ID} role="listbox" aria-label="Matching statuses and codes" class="fl-results" hidden={results.length === 0}>
        {results.map((entry, i) => (
          <EntryCard
            key={entryId(entry)}
            entry={entry}
            id={optionId(i)}
            active={i === active}
            expanded={state.expanded.value === entryId(entry)}
            onToggle={() => {
              state.select(i);
              state.toggle(entry);
            }}
          />
        ))}
      </ul>
    </div>
  );
}

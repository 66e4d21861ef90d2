import type { CatalogEntry } from '../../core/catalog/index.ts';
import { retryKindLabels } from './format.ts';
import { SafeLink } from '../SafeLink.tsx';
import { popupTestIds } from './testids.ts';

interface EntryCardProps {
  readonly entry: CatalogEntry;
  readonly id: string;
  readonly active: boolean;
  readonly expanded: boolean;
  readonly onToggle: () => void;
}

/** One lookup result: key, title, who defines it, category and retry verdict; expanded, meaning, advice and docs. */
export function EntryCard({ entry, id, active, expanded, onToggle }: EntryCardProps) {
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      class={`fl-card fl-entry${active ? ' fl-active' : ''}`}
      data-testid={popupTestIds.lookupResult}
      data-key={entry.key}
      data-api={entry.api}
      onClick={(event) => {
        // The docs link opens a tab; it must not also fold the card.
        if (!(event.target instanceof Element && event.target.closest('a') !== null)) onToggle();
      }}
    >
      <div class="fl-card-head">
        <code class="fl-key">{entry.key}</code>
        <span class="fl-entry-title">{entry.title}</span>
        <span class="fl-badge">{entry.api}</span>
      </div>
      <div class="fl-entry-meta">
        <span>{entry.category}</span>
        {entry.status !== null && entry.kind === 'code' && <span>HTTP {entry.status}</span>}
        <span class={`fl-verdict fl-retry-${entry.retry}`}>{retryKindLabels[entry.retry]}</span>
      </div>
      {expanded ? (
        <div class="fl-entry-body">
          {entry.meaning !== '' && <p>{entry.meaning}</p>}
          {entry.advice !== '' && <p class="fl-advice">{entry.advice}</p>}
          <SafeLink href={entry.docsUrl}>Documentation</SafeLink>
        </div>
      ) : (
        entry.meaning !== '' && <p class="fl-entry-meaning fl-clamp">{entry.meaning}</p>
      )}
    </li>
  );
}

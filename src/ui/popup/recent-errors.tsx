import type { ReadonlySignal } from '@preact/signals';
import { useState } from 'preact/hooks';
import { RetryStatus } from './countdowns.tsx';
import { DecodedCard } from './decoded-card.tsx';
import { splitUrl } from '../panel/entries.ts';
import type { RecentError } from '../../protocol/relay.ts';
import { formatTime } from '../format.ts';
import { popupTestIds } from './testids.ts';
import { visibleText } from '../../core/visible-text.ts';

interface RecentErrorsProps {
  readonly errors: readonly RecentError[];
  readonly now: ReadonlySignal<number>;
}

/** The kinds of error the open DevTools panels decoded last, each its newest with its count and countdown; a row opens its decoded card. */
export function RecentErrors({ errors, now }: RecentErrorsProps) {
  // Held by identity: a new delivery that no longer holds the open error closes it rather than opening another.
  const [open, setOpen] = useState<RecentError | null>(null);
  if (errors.length === 0) return null;
  return (
    <section class="fl-recent" aria-labelledby="fl-recent-heading" data-testid={popupTestIds.recentErrors}>
      <h2 id="fl-recent-heading" class="fl-section-title">
        Recent errors
      </h2>
      <ul class="fl-recent-list">
        {errors.map((item, i) => {
          const { decoded } = item;
          const expanded = open === item;
          const { host, path } = splitUrl(item.url);
          return (
            <li key={i} data-testid={popupTestIds.recentError} data-status={String(item.status)}>
              <button type="button" class="fl-recent-row" aria-expanded={expanded} onClick={() => setOpen(expanded ? null : item)}>
                <span class={`fl-status ${item.status >= 500 ? 'fl-5xx' : 'fl-4xx'}`}>{item.status}</span>
                <span class="fl-method">{item.method}</span>
                <span class="fl-path" title={visibleText(item.url)}>
                  {visibleText(host)}
                  {visibleText(path)}
                </span>
                <span class="fl-code">{visibleText(decoded.code ?? decoded.format)}</span>
                {item.count > 1 && (
                  <span class="fl-recent-count" data-testid={popupTestIds.recentCount} title={`${item.count} since ${formatTime(item.firstAt)}`}>
                    {`\u00d7${item.count} since ${formatTime(item.firstAt).slice(0, 8)}`}
                  </span>
                )}
                <RetryStatus retry={decoded.retry} now={now} />
                <span class="fl-recent-message">{visibleText(decoded.message)}</span>
              </button>
              {expanded && <DecodedCard error={decoded} now={now} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

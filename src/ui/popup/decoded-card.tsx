import type { ReadonlySignal } from '@preact/signals';
import type { DecodedError } from '../../core/model.ts';
import { errorView } from '../error-view.ts';
import { RateLimitFields, RetryFields, SummaryFields } from '../ErrorFields.tsx';
import { FieldErrorsTable } from '../FieldErrorsTable.tsx';
import { testIds } from '../testids.ts';

interface DecodedCardProps {
  readonly error: DecodedError;
  readonly now: ReadonlySignal<number>;
  readonly statusText?: string | undefined;
}

/** Everything decoded from one error: the same view, and the same lines, as the panel's details. Response data is text only. */
export function DecodedCard({ error, now, statusText }: DecodedCardProps) {
  // Reading the clock here re-renders the card each tick: the countdowns in it are live.
  const view = errorView(error, now.value);
  return (
    <section class="fl-card fl-decoded" data-testid={testIds.details} aria-label={`Decoded ${error.status} error`}>
      <header class="fl-card-head">
        <span class={`fl-status ${error.status >= 500 ? 'fl-5xx' : 'fl-4xx'}`}>{error.status}</span>
        {statusText !== undefined && <span class="fl-muted">{statusText}</span>}
        <span class="fl-badge" title="Envelope format">
          {error.format}
        </span>
        {error.errorIn2xx && <span class="fl-badge fl-warn">error inside {error.status}</span>}
      </header>
      <p class="fl-title">{view.heading}</p>
      <dl class="fl-fieldlist">
        <SummaryFields view={view} />
        {view.rateLimit !== null && <RateLimitFields limit={view.rateLimit} />}
        <RetryFields retry={view.retry} verdictTestId={testIds.retryCell} />
      </dl>
      <p class="fl-advice" data-testid={testIds.advice}>
        {view.advice}
      </p>
      {error.fieldErrors.length > 0 && <FieldErrorsTable errors={error.fieldErrors} class="fl-fields" caption="Field errors" />}
      {error.bodyNote !== null && <p class="fl-muted">{error.bodyNote}</p>}
    </section>
  );
}

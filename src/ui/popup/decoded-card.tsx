import type { ReadonlySignal } from '@preact/signals';
import type { DecodedError } from '../../core/model.ts';
import { FieldErrorsTable } from '../FieldErrorsTable.tsx';
import { testIds } from '../testids.ts';
import { RateLimitLine, RetryDetails, RetryStatus } from './countdowns.tsx';
import { SafeLink } from './safe-link.tsx';
import { docsLink } from '../../core/redact.ts';
import { visibleText } from '../../core/visible-text.ts';

interface DecodedCardProps {
  readonly error: DecodedError;
  readonly now: ReadonlySignal<number>;
  readonly statusText?: string | undefined;
}

/** Everything decoded from one error, the same fields the panel's details show. Response data is text only, invisible characters shown. */
export function DecodedCard({ error, now, statusText }: DecodedCardProps) {
  const heading = error.title ?? error.message;
  return (
    <section class="fl-card fl-decoded" data-testid={testIds.details} aria-label={`Decoded ${error.status} error`}>
      <header class="fl-card-head">
        <span class={`fl-status ${error.status >= 500 ? 'fl-5xx' : 'fl-4xx'}`}>{error.status}</span>
        {statusText !== undefined && <span class="fl-muted">{visibleText(statusText)}</span>}
        <span class="fl-badge" title="Envelope format">
          {error.format}
        </span>
        {error.errorIn2xx && <span class="fl-badge fl-warn">error inside {error.status}</span>}
        {error.alsoLike !== null && <span class="fl-muted">also looks like {error.alsoLike}</span>}
      </header>
      <p class="fl-title">{visibleText(heading)}</p>
      <dl class="fl-fieldlist">
        {error.code !== null && (
          <>
            <dt>Code</dt>
            <dd>
              <code>{visibleText(error.code)}</code>
              {error.subcode !== null && (
                <>
                  {' · '}
                  <code>{visibleText(error.subcode)}</code>
                </>
              )}
            </dd>
          </>
        )}
        {heading !== error.message && (
          <>
            <dt>Message</dt>
            <dd>{visibleText(error.message)}</dd>
          </>
        )}
        {error.requestId !== null && (
          <>
            <dt>Request id</dt>
            <dd>
              <code class="fl-select-all" data-testid={testIds.requestId}>
                {visibleText(error.requestId)}
              </code>
            </dd>
          </>
        )}
        {error.docsUrl !== null && (
          <>
            <dt>Docs</dt>
            <dd>
              <SafeLink href={error.docsUrl} testId={testIds.docsLink}>
                {visibleText(docsLink(error.docsUrl) ?? '')}
              </SafeLink>
            </dd>
          </>
        )}
        {error.rateLimit !== null && (
          <>
            <dt>Rate limit</dt>
            <dd>
              <RateLimitLine state={error.rateLimit} now={now} />
            </dd>
          </>
        )}
        <dt>Retry</dt>
        <dd data-testid={testIds.retryCell}>
          <RetryStatus retry={error.retry} now={now} /> <RetryDetails retry={error.retry} />
        </dd>
      </dl>
      <p class="fl-advice" data-testid={testIds.advice}>
        {visibleText(error.advice)}
      </p>
      {error.fieldErrors.length > 0 && <FieldErrorsTable errors={error.fieldErrors} class="fl-fields" caption="Field errors" />}
      {error.bodyNote !== null && <p class="fl-muted">{visibleText(error.bodyNote)}</p>}
    </section>
  );
}

import type { ReadonlySignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Exchange, HttpHeader } from '../../core/exchange.ts';
import type { DecodedError, RateLimitState, RetryVerdict } from '../../core/model.ts';
import { formatCountdown, retryLabel } from '../format.ts';
import { FieldErrorsTable } from '../FieldErrorsTable.tsx';
import { testIds } from '../testids.ts';
import { RequestBody, ResponseBody } from './BodyView.tsx';
import { CopyButton, CopySnippets, IncludeSecretsToggle } from './CopySnippets.tsx';
import type { ErrorEntry } from './entries.ts';
import { SupportReport } from './SupportReport.tsx';
import { visibleText } from '../../core/visible-text.ts';
import { docsLink } from '../../core/redact.ts';

function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <details class="fl-section" open>
      <summary>{title}</summary>
      <div class="fl-section-body">{children}</div>
    </details>
  );
}

function Field({ name, children }: { name: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{name}</dt>
      <dd>{children}</dd>
    </>
  );
}

function HeadersTable({ headers }: { headers: readonly HttpHeader[] }) {
  if (headers.length === 0) return <p class="fl-note">None captured.</p>;
  return (
    <table class="fl-table fl-headers">
      <tbody>
        {headers.map((h, i) => (
          <tr key={i}>
            <th scope="row" class="fl-mono">{h.name}</th>
            <td class="fl-mono">{visibleText(h.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const SOURCE_NAMES: Readonly<Record<string, string>> = {
  'retry-after': 'Retry-After header',
  'retry-after-ms': 'retry-after-ms header',
  body: 'the response body',
  'ratelimit-header': 'RateLimit header',
  'reset-header': 'rate-limit reset header',
  'vendor-duration': 'vendor header',
  'message-text': 'the error message (estimate)',
  backoff: 'backoff plan',
};

function RetryDetails({ retry, now }: { retry: RetryVerdict; now: ReadonlySignal<number> }) {
  const { text } = retryLabel(retry, now.value);
  const from = retry.source === null ? null : (SOURCE_NAMES[retry.source] ?? retry.source);
  return (
    <dl class="fl-fields">
      <Field name="Verdict">{retry.retryable ? `Retryable: ${text}` : "Don't retry as is"}</Field>
      {from !== null && <Field name="Delay from">{`${from}${retry.exact ? '' : ', inferred'}`}</Field>}
      {retry.backoff !== null && (
        <Field name="Backoff">{`full jitter, base ${retry.backoff.baseMs} ms, cap ${Math.round(retry.backoff.capMs / 1000)} s, at most ${retry.backoff.maxAttempts} attempts`}</Field>
      )}
      {retry.idempotencyWarning && <Field name="Careful">Not idempotent and no Idempotency-Key header: a retry may apply the request twice.</Field>}
    </dl>
  );
}

function RateLimitDetails({ state, now }: { state: RateLimitState; now: ReadonlySignal<number> }) {
  const at = now.value;
  return (
    <dl class="fl-fields">
      <Field name="Bucket">{`${state.bucket} (${state.dialect})`}</Field>
      <Field name="Remaining">{`${state.remaining ?? '?'} of ${state.limit ?? '?'}`}</Field>
      {state.resetAt !== null && <Field name="Resets">{state.resetAt > at ? `in ${formatCountdown(state.resetAt - at)}` : 'already reset'}</Field>}
      {state.windowSeconds !== null && <Field name="Window">{`${state.windowSeconds} s`}</Field>}
    </dl>
  );
}

function Summary({ error }: { error: DecodedError }) {
  // Only http(s), shown with its real host (no userinfo to pose as another): this is where a link is made.
  const docs = docsLink(error.docsUrl);
  return (
    <dl class="fl-fields">
      <Field name="Message">{visibleText(error.message)}</Field>
      {error.title !== null && error.title !== error.message && <Field name="Title">{visibleText(error.title)}</Field>}
      {error.code !== null && <Field name="Code"><span class="fl-mono">{visibleText(error.code)}</span></Field>}
      {error.subcode !== null && <Field name="Subcode"><span class="fl-mono">{visibleText(error.subcode)}</span></Field>}
      <Field name="Format">{error.alsoLike === null ? error.format : `${error.format} (also looks like ${error.alsoLike})`}</Field>
      {error.requestId !== null && (
        <Field name="Request id">
          <span class="fl-mono" data-testid={testIds.requestId}>{visibleText(error.requestId)}</span> <CopyButton text={error.requestId} label="Copy" />
        </Field>
      )}
      {docs !== null && (
        <Field name="Docs">
          <a href={docs} target="_blank" rel="noopener noreferrer" data-testid={testIds.docsLink}>
            {docs}
          </a>
        </Field>
      )}
    </dl>
  );
}

/** The support report and the request snippets, under one "include secrets" switch that starts off for each error. */
function Share({ exchange, error }: { exchange: Exchange; error: DecodedError }) {
  const [includeSecrets, setIncludeSecrets] = useState(false);
  return (
    <>
      <IncludeSecretsToggle checked={includeSecrets} onChange={setIncludeSecrets} />
      <SupportReport exchange={exchange} error={error} includeSecrets={includeSecrets} />
      <CopySnippets exchange={exchange} includeSecrets={includeSecrets} />
    </>
  );
}

/** Everything about the selected error, DevTools-style: decoded first, wire data below. */
export function Details({ entry, now, onClose }: { entry: ErrorEntry; now: ReadonlySignal<number>; onClose: () => void }) {
  const { error, exchange } = entry;
  const notes = [error.bodyNote, entry.captureNote].filter((n): n is string => n !== null);
  return (
    <aside class="fl-details" data-testid={testIds.details} aria-label="Error details">
      <header class="fl-details-head">
        <button type="button" class="fl-icon-button" data-testid={testIds.detailsClose} aria-label="Close details" title="Close (Esc)" onClick={onClose}>
          ×
        </button>
        <span class="fl-status">{error.status}</span>
        <span class="fl-badge">{error.format}</span>
        <span class="fl-details-url" title={visibleText(exchange.url)}>{visibleText(`${exchange.method} ${exchange.url}`)}</span>
      </header>
      <div class="fl-details-body">
        {notes.map((note) => (
          <p key={note} class="fl-note fl-warning">
            {note}
          </p>
        ))}
        <Section title="Decoded error">
          <Summary error={error} />
        </Section>
        <Section title="Advice">
          <p data-testid={testIds.advice}>{error.advice}</p>
          <RetryDetails retry={error.retry} now={now} />
        </Section>
        {error.fieldErrors.length > 0 && (
          <Section title={`Field errors (${error.fieldErrors.length})`}>
            <FieldErrorsTable errors={error.fieldErrors} class="fl-table" />
          </Section>
        )}
        {error.rateLimit !== null && (
          <Section title="Rate limit">
            <RateLimitDetails state={error.rateLimit} now={now} />
          </Section>
        )}
        <Section title="Copy and share">
          <Share key={entry.key} exchange={exchange} error={error} />
        </Section>
        <Section title="Response body">
          <ResponseBody body={exchange.body} />
        </Section>
        <Section title="Response headers">
          <HeadersTable headers={exchange.responseHeaders} />
        </Section>
        <Section title="Request headers">
          <HeadersTable headers={exchange.requestHeaders} />
        </Section>
        <Section title="Request body">
          <RequestBody body={exchange.requestBody} />
        </Section>
      </div>
    </aside>
  );
}

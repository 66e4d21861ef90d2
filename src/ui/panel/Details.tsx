import type { ReadonlySignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Exchange, HttpHeader } from '../../core/exchange.ts';
import type { Finding } from '../../core/findings/index.ts';
import type { DecodedError } from '../../core/model.ts';
import { errorView } from '../error-view.ts';
import { RateLimitFields, RetryFields, SummaryFields } from '../ErrorFields.tsx';
import { FieldErrorsTable } from '../FieldErrorsTable.tsx';
import { testIds } from '../testids.ts';
import { RequestBody, ResponseBody } from './BodyView.tsx';
import { CopyButton, CopySnippets, IncludeSecretsToggle } from './CopySnippets.tsx';
import type { ErrorEntry } from './entries.ts';
import { FindingItem } from './FindingsBar.tsx';
import { formatTime } from '../format.ts';
import type { GroupEntry } from './groups.ts';
import { SupportReport } from './SupportReport.tsx';
import { visibleText } from '../../core/visible-text.ts';

function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <details class="fl-section" open>
      <summary>{title}</summary>
      <div class="fl-section-body">{children}</div>
    </details>
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

interface DetailsProps {
  readonly entry: ErrorEntry;
  /** Set when a group row is selected: `entry` is then its newest member. */
  readonly group: GroupEntry | null;
  /** The findings that cite this request (or a member of the group). */
  readonly findings: readonly Finding[];
  readonly now: ReadonlySignal<number>;
  readonly onClose: () => void;
}

/** Everything about the selected error, DevTools-style: what the client did wrong and the decoded error first, wire data below. */
export function Details({ entry, group, findings, now, onClose }: DetailsProps) {
  const { error, exchange } = entry;
  // Reading the clock here re-renders the details each tick: the countdowns in them are live.
  const view = errorView(error, now.value);
  // Each newly selected error opens at its top, not at the previous one's scroll position.
  const body = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (body.current !== null) body.current.scrollTop = 0;
  }, [entry.key]);
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
      <div class="fl-details-body" ref={body} data-testid={testIds.detailsBody}>
        {notes.map((note) => (
          <p key={note} class="fl-note fl-warning">
            {note}
          </p>
        ))}
        {group !== null && (
          <p class="fl-note" data-testid={testIds.groupSummary}>
            {`\u00d7${group.members.length} ${group.fingerprint.method} ${group.fingerprint.host}${group.fingerprint.urlTemplate}, first at ${formatTime(group.first)}, last at ${formatTime(group.last)}. Below: the newest.`}
          </p>
        )}
        {findings.length > 0 && (
          <Section title={`Findings (${findings.length})`}>
            <ul class="fl-findings-list" data-testid={testIds.detailsFindings}>
              {findings.map((finding) => (
                <FindingItem key={`${finding.kind} ${finding.entries[0] ?? ''}`} finding={finding} />
              ))}
            </ul>
          </Section>
        )}
        <Section title="Decoded error">
          <p class="fl-heading">{view.heading}</p>
          <dl class="fl-fields">
            <SummaryFields view={view} requestIdAction={<> <CopyButton text={error.requestId ?? ''} label="Copy" /></>} />
          </dl>
        </Section>
        <Section title="Advice">
          <p data-testid={testIds.advice}>{view.advice}</p>
          <dl class="fl-fields">
            <RetryFields retry={view.retry} />
          </dl>
        </Section>
        {error.fieldErrors.length > 0 && (
          <Section title={`Field errors (${error.fieldErrors.length})`}>
            <FieldErrorsTable errors={error.fieldErrors} class="fl-table" />
          </Section>
        )}
        {view.rateLimit !== null && (
          <Section title="Rate limit">
            <dl class="fl-fields">
              <RateLimitFields limit={view.rateLimit} />
            </dl>
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

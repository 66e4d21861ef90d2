import type { ComponentChildren } from 'preact';
import type { ErrorView, RateLimitView, RetryView, ViewField } from './error-view.ts';
import { SafeLink } from './SafeLink.tsx';
import { testIds } from './testids.ts';

/**
 * The lines of a decoded error (see error-view.ts), as `<dt>`/`<dd>` pairs the panel's details and the
 * popup's card both place in their own `<dl>`: the same words, in the same order, on both surfaces.
 */
function Fields({ fields }: { fields: readonly ViewField[] }) {
  return (
    <>
      {fields.map((field) => (
        <Field key={field.name} name={field.name}>
          {field.mono === true ? <code class="fl-mono">{field.text}</code> : field.text}
        </Field>
      ))}
    </>
  );
}

function Field({ name, children, testId }: { name: string; children: ComponentChildren; testId?: string }) {
  return (
    <>
      <dt>{name}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

/** Message, code, format, request id (with what the surface puts beside it, e.g. a copy button) and docs. */
export function SummaryFields({ view, requestIdAction }: { view: ErrorView; requestIdAction?: ComponentChildren }) {
  return (
    <>
      <Fields fields={view.summary} />
      {view.requestId !== null && (
        <Field name="Request id">
          <code class="fl-mono fl-select-all" data-testid={testIds.requestId}>
            {view.requestId}
          </code>
          {requestIdAction}
        </Field>
      )}
      {view.docsUrl !== null && (
        <Field name="Docs">
          <SafeLink href={view.docsUrl} testId={testIds.docsLink}>
            {view.docsUrl}
          </SafeLink>
        </Field>
      )}
    </>
  );
}

/** The live verdict, then where its delay came from, the backoff plan and the idempotency warning. */
export function RetryFields({ retry, verdictTestId }: { retry: RetryView; verdictTestId?: string }) {
  return (
    <>
      <Field name="Retry" testId={verdictTestId}>
        <span class={`fl-verdict fl-tone-${retry.tone}`}>{retry.verdict}</span>
      </Field>
      <Fields fields={retry.fields} />
    </>
  );
}

export function RateLimitFields({ limit }: { limit: RateLimitView }) {
  return (
    <>
      <Field name="Rate limit">
        <span class={`fl-limit-${limit.tone}`}>{limit.line === '' ? 'no count given' : limit.line}</span>
      </Field>
      <Field name="Bucket">{limit.bucket}</Field>
    </>
  );
}

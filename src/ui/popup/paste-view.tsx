import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { DEFAULT_BODY_STATUS } from '../../core/raw-response.ts';
import { DecodedCard } from './decoded-card.tsx';
import { RateLimitLine } from './countdowns.tsx';
import { formatCountdown } from '../format.ts';
import { BODY_STATUSES, type PopupState } from './state.ts';
import { popupTestIds } from './testids.ts';

const EXAMPLE = 'HTTP/1.1 429 Too Many Requests\nRetry-After: 3\n\n{"message": "You are being rate limited.", "retry_after": 2.4}';

interface PasteViewProps {
  readonly state: PopupState;
  readonly now: ReadonlySignal<number>;
}

/** A 202 "not ready yet": when to ask again. */
function pendingText(retryAt: number | null, now: number): string {
  if (retryAt === null) return 'try again later';
  const left = retryAt - now;
  return left > 0 ? `retry in ${formatCountdown(left)}` : 'ask again now';
}

function PasteResult({ state, now }: PasteViewProps) {
  const outcome = state.paste.value;
  switch (outcome.kind) {
    case 'empty':
      return <p class="fl-hint">Paste a whole response as <code>curl -i</code> prints it, or a body alone. It is decoded here, on this device.</p>;
    case 'loading':
      return <p class="fl-hint">Decoding…</p>;
    case 'unreadable':
      return (
        <p class="fl-paste-error" role="alert" data-testid={popupTestIds.pasteError}>
          {outcome.error}
        </p>
      );
    case 'decoded': {
      const { error, pending, rateLimit } = outcome.analysis;
      if (error !== null) return <DecodedCard error={error} now={now} statusText={outcome.statusText} />;
      return (
        <div class="fl-card">
          <p>
            {pending !== null
              ? `Not ready yet (${outcome.status}): ${pendingText(pending.retryAt, now.value)}.`
              : `Not an error: status ${outcome.status} with no error envelope in the body.`}
          </p>
          {rateLimit !== null && (
            <p>
              Rate limit: <RateLimitLine state={rateLimit} now={now} />
            </p>
          )}
        </div>
      );
    }
  }
}

/** A box to paste a raw response or body into; it is decoded as you paste, with the same card as the panel. */
export function PasteView({ state, now }: PasteViewProps) {
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, []);
  const picked = state.bodyStatus.value;
  return (
    <div class="fl-paste">
      <label class="fl-label" for="fl-paste-box">
        Raw response or body
      </label>
      <textarea
        ref={box}
        id="fl-paste-box"
        class="fl-paste-box"
        rows={7}
        spellcheck={false}
        placeholder={EXAMPLE}
        data-testid={popupTestIds.pasteBox}
        value={state.pasteText.value}
        onInput={(event) => state.setPaste(event.currentTarget.value)}
      />
      <label class="fl-label fl-inline">
        Status of a body alone{' '}
        <select
          data-testid={popupTestIds.pasteStatus}
          value={picked === undefined ? '' : String(picked)}
          onChange={(event) => {
            const value = event.currentTarget.value;
            state.setBodyStatus(value === '' ? undefined : Number(value));
          }}
        >
          <option value="">from the body, else {DEFAULT_BODY_STATUS}</option>
          {BODY_STATUSES.map((status) => (
            <option key={status} value={String(status)}>
              {status} {state.statusTitles.value.get(status) ?? ''}
            </option>
          ))}
        </select>
      </label>
      <PasteResult state={state} now={now} />
    </div>
  );
}

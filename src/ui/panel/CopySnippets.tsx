import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Exchange } from '../../core/exchange.ts';
import { curlSnippet, fetchSnippet } from '../../core/snippets.ts';
import { copyText } from '../clipboard.ts';
import { testIds } from '../testids.ts';

/** A copy button that says whether copying worked (DevTools frames may refuse the clipboard). */
export function CopyButton({ text, label, testId }: { text: string; label: string; testId?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  const onClick = (): void => {
    void copyText(text).then((ok) => setState(ok ? 'copied' : 'failed'));
  };
  return (
    <button type="button" class="fl-button" data-testid={testId} onClick={onClick}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed: select the text' : label}
    </button>
  );
}

/** The one "include secrets" switch of the details pane: it governs every copy (snippets and support report). */
export function IncludeSecretsToggle({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label class="fl-inline fl-wraps">
      <input type="checkbox" data-testid={testIds.includeSecretsToggle} checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} /> Include
      secrets (Authorization, cookies, API keys, tokens)
    </label>
  );
}

/** Copy as cURL / fetch, previewed exactly as copied; secrets stay redacted unless the user opts in. */
export function CopySnippets({ exchange, includeSecrets }: { exchange: Exchange; includeSecrets: boolean }) {
  const curl = useMemo(() => curlSnippet(exchange, { includeSecrets }), [exchange, includeSecrets]);
  const fetchCode = useMemo(() => fetchSnippet(exchange, { includeSecrets }), [exchange, includeSecrets]);
  return (
    <div>
      <div class="fl-snippet">
        <CopyButton text={curl} label="Copy as cURL" />
        <pre class="fl-pre" data-testid={testIds.curlPreview}>
          {curl}
        </pre>
      </div>
      <div class="fl-snippet">
        <CopyButton text={fetchCode} label="Copy as fetch" />
        <pre class="fl-pre" data-testid={testIds.fetchPreview}>
          {fetchCode}
        </pre>
      </div>
    </div>
  );
}

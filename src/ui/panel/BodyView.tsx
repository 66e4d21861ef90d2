import { useMemo, useState } from 'preact/hooks';
import { readBody } from '../../core/body.ts';
import type { ExchangeBody } from '../../core/exchange.ts';
import { parseJson } from '../../core/json.ts';
import { visibleText } from '../../core/visible-text.ts';
import { testIds } from '../testids.ts';

/** Beyond this many characters the pane shows the start only: a <pre> of megabytes freezes DevTools. */
export const MAX_SHOWN_CHARS = 512 * 1024;

/**
 * The body pretty-printed when it is JSON. JSON.stringify throws on absurd nesting (a 100 000-deep
 * body), and then the raw text is shown instead; the text is never parsed as HTML.
 */
export function prettyBody(source: string): string {
  const json = parseJson(source);
  if (json === undefined) return source;
  try {
    return JSON.stringify(json, null, 2);
  } catch {
    return source;
  }
}

/** The start of the text that is shown, with invisible and bidi characters made visible (src/core/visible-text.ts). */
function clip(text: string): { readonly shown: string; readonly clipped: boolean } {
  return text.length > MAX_SHOWN_CHARS ? { shown: visibleText(text.slice(0, MAX_SHOWN_CHARS)), clipped: true } : { shown: visibleText(text), clipped: false };
}

/** Response body with a Pretty/Raw toggle. */
export function ResponseBody({ body }: { body: ExchangeBody | null }) {
  const [raw, setRaw] = useState(false);
  const read = useMemo(() => readBody(body), [body]);
  const pretty = useMemo(() => (raw ? read.text : prettyBody(read.text)), [read, raw]);
  if (read.text === '') return <p class="fl-note">{read.note ?? 'No response body.'}</p>;
  const { shown, clipped } = clip(pretty);
  return (
    <div>
      <label class="fl-inline">
        <input type="checkbox" checked={raw} onChange={(e) => setRaw(e.currentTarget.checked)} /> Raw
      </label>
      {clipped && <p class="fl-note">{`Showing the first ${MAX_SHOWN_CHARS / 1024} KB of ${Math.ceil(pretty.length / 1024)} KB.`}</p>}
      <pre class="fl-pre" data-testid={testIds.rawBody}>
        {shown}
      </pre>
    </div>
  );
}

/** The request body as sent (pretty when JSON). */
export function RequestBody({ body }: { body: string | null | undefined }) {
  const pretty = useMemo(() => (body === null || body === undefined ? '' : prettyBody(body)), [body]);
  if (pretty === '') return <p class="fl-note">No request body.</p>;
  const { shown, clipped } = clip(pretty);
  return (
    <div>
      {clipped && <p class="fl-note">{`Showing the first ${MAX_SHOWN_CHARS / 1024} KB.`}</p>}
      <pre class="fl-pre">{shown}</pre>
    </div>
  );
}

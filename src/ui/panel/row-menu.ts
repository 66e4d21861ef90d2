import { redactBody, redactUrl } from '../../core/redact.ts';
import { curlSnippet, fetchSnippet } from '../../core/snippets.ts';
import { supportReport } from '../../core/support-report.ts';
import { copyText } from '../clipboard.ts';
import type { MenuItem } from './ContextMenu.tsx';
import type { ErrorEntry } from './entries.ts';
import type { Filters } from './filters.ts';

/**
 * A row's context menu, like the Network panel's: copy the request or what came back, or narrow the
 * list to rows like this one. Copies are redacted (Authorization, cookies, API keys, tokens), as the
 * details pane's are unless its "include secrets" switch is on: nothing secret leaves unasked.
 */
export function rowMenuItems(entry: ErrorEntry, filter: (patch: Partial<Filters>) => void): MenuItem[] {
  const { exchange, error } = entry;
  const copy = (text: () => string) => (): void => void copyText(text());
  const body = exchange.body;
  return [
    { kind: 'action', label: 'Copy as cURL', run: copy(() => curlSnippet(exchange)) },
    { kind: 'action', label: 'Copy as fetch', run: copy(() => fetchSnippet(exchange)) },
    { kind: 'action', label: 'Copy URL', run: copy(() => redactUrl(exchange.url)) },
    {
      kind: 'action',
      label: 'Copy response body',
      disabled: body === null,
      run: copy(() => (body === null ? '' : body.encoding === 'base64' ? body.text : redactBody(body.text, exchange.mimeType))),
    },
    { kind: 'action', label: 'Copy support report', run: copy(() => supportReport(exchange, error)) },
    { kind: 'separator' },
    { kind: 'action', label: `Filter by host ${entry.host}`, disabled: entry.host === '', run: () => filter({ host: entry.host }) },
    { kind: 'action', label: error.code === null ? 'Filter by code (none)' : `Filter by code ${error.code}`, disabled: error.code === null, run: () => filter({ code: error.code ?? '' }) },
    { kind: 'action', label: `Filter by kind of error (${entry.fingerprint.method} ${entry.fingerprint.urlTemplate} ${entry.fingerprint.status})`, run: () => filter({ fingerprint: entry.fingerprint.key }) },
  ];
}

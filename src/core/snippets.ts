/**
 * "Copy as cURL" and "Copy as fetch" for a captured request, shaped like the Network panel's own
 * commands so they paste into a terminal or console unchanged. Secrets are redacted unless the user
 * opts in (src/core/redact.ts).
 */
import type { Exchange, HttpHeader } from './exchange.ts';
import { redactBody, redactHeaders, redactUrl } from './redact.ts';

export type SnippetRequest = Pick<Exchange, 'method' | 'url' | 'requestHeaders' | 'requestBody'>;

export interface SnippetOptions {
  /** Keep Authorization, cookies, API keys and tokens as they were sent. Off by default. */
  readonly includeSecrets?: boolean;
}

interface PreparedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: readonly HttpHeader[];
  readonly body: string | null;
}

function prepare(request: SnippetRequest, options: SnippetOptions): PreparedRequest {
  const method = request.method.toUpperCase();
  // HTTP/2 pseudo-headers (`:authority`) are not headers a client may send; HAR entries include them.
  const headers = request.requestHeaders.filter((h) => !h.name.startsWith(':'));
  const body = request.requestBody === undefined || request.requestBody === null || request.requestBody === '' ? null : request.requestBody;
  if (options.includeSecrets === true) return { method, url: request.url, headers, body };
  const contentType = headers.find((h) => h.name.toLowerCase() === 'content-type')?.value ?? '';
  return { method, url: redactUrl(request.url), headers: redactHeaders(headers), body: body === null ? null : redactBody(body, contentType) };
}

const SHELL_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** POSIX single quotes; ANSI-C `$'…'` quoting when the text holds control characters. */
export function shellQuote(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
  const control = /[\u0000-\u001f\u007f]/g;
  if (!control.test(value)) return `'${value.replace(/'/g, `'\\''`)}'`;
  const escaped = value
    .replace(/[\\']/g, '\\$&')
    .replace(control, (c) => SHELL_ESCAPES[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return `$'${escaped}'`;
}

/** The request as a curl command, one option per line like DevTools' "Copy as cURL (bash)". */
export function curlSnippet(request: SnippetRequest, options: SnippetOptions = {}): string {
  const { method, url, headers, body } = prepare(request, options);
  const parts = [`curl ${shellQuote(url)}`];
  // curl treats [] and {} in URLs as glob patterns (and `[REDACTED]` would be one) unless told not to.
  if (/[[\]{}]/.test(url)) parts.push('--globoff');
  const impliedMethod = body === null ? 'GET' : 'POST';
  if (method !== impliedMethod) parts.push(`-X ${shellQuote(method)}`);
  let compressed = false;
  for (const { name, value } of headers) {
    const lower = name.toLowerCase();
    if (lower === 'content-length') continue; // curl computes it; a stale one corrupts the request
    if (lower === 'accept-encoding') {
      compressed = true; // --compressed sends it and also decodes the answer
      continue;
    }
    parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  }
  if (body !== null) parts.push(`--data-raw ${shellQuote(body)}`);
  if (compressed) parts.push('--compressed');
  return parts.join(' \\\n  ');
}

/** Headers a page's fetch() may not set (Fetch standard "forbidden request-header"); the browser adds them. */
const FORBIDDEN_HEADER = /^(?:accept-charset|accept-encoding|access-control-request-headers|access-control-request-method|connection|content-length|cookie|cookie2|date|dnt|expect|host|keep-alive|origin|referer|set-cookie|te|trailer|transfer-encoding|upgrade|via|proxy-.*|sec-.*)$/i;

/** The request as a browser fetch() call, like DevTools' "Copy as fetch". */
export function fetchSnippet(request: SnippetRequest, options: SnippetOptions = {}): string {
  const { method, url, headers, body } = prepare(request, options);
  const init: Record<string, unknown> = {};
  const allowed = Object.create(null) as Record<string, string>;
  let sendsCookies = false;
  let referrer: string | null = null;
  for (const { name, value } of headers) {
    const lower = name.toLowerCase();
    if (lower === 'cookie') sendsCookies = true;
    if (lower === 'referer') referrer = options.includeSecrets === true ? value : redactUrl(value);
    if (FORBIDDEN_HEADER.test(lower)) continue;
    allowed[lower] = allowed[lower] === undefined ? value : `${allowed[lower]}, ${value}`;
  }
  if (Object.keys(allowed).length > 0) init['headers'] = allowed;
  if (referrer !== null) init['referrer'] = referrer;
  if (body !== null) init['body'] = body;
  init['method'] = method;
  // A page cannot set Cookie itself; sending the browser's cookies is how the original request had them.
  init['credentials'] = sendsCookies ? 'include' : 'omit';
  return `fetch(${JSON.stringify(url)}, ${JSON.stringify(init, null, 2)});`;
}

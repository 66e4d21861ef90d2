/**
 * "Copy as cURL" and "Copy as fetch" for a captured request, shaped like the Network panel's own
 * commands so they paste into a terminal or console and run as they are: no header the client sets
 * itself or may not set. Secrets are redacted unless the user opts in (src/core/redact.ts).
 */
import type { Exchange, HttpHeader } from './exchange.ts';
import { redactRequest } from './redact.ts';
import { INVISIBLE_CHARS, hasInvisible, visibleJson } from './visible-text.ts';

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

function prepare(original: SnippetRequest, options: SnippetOptions): PreparedRequest {
  const request = options.includeSecrets === true ? original : redactRequest(original);
  // HTTP/2 pseudo-headers (`:authority`) are not headers a client may send; HAR entries include them.
  const headers = request.requestHeaders.filter((h) => !h.name.startsWith(':'));
  const body = request.requestBody === undefined || request.requestBody === null || request.requestBody === '' ? null : request.requestBody;
  return { method: request.method.toUpperCase(), url: request.url, headers, body };
}

/**
 * Headers curl sets itself from the URL and the connection (RFC 9110 hop-by-hop and connection
 * fields, `Host`) or computes (`Content-Length`): copied, they pin a stale value or break HTTP/2.
 */
const CURL_SETS = /^(?:host|connection|keep-alive|proxy-connection|transfer-encoding|te|trailer|upgrade|content-length)$/i;

const SHELL_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** What `$'…'` writes as an escape: line breaks and tabs, and everything visibleText would show. */
const SHELL_ESCAPED = new RegExp(`[\\t\\n\\r]|${INVISIBLE_CHARS.source}`, 'gu');

/** `\u202e`, `\U000e0041`: how bash's `$'…'` writes a character by its code point. */
function shellCodePoint(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return code > 0xffff ? `\\U${code.toString(16).padStart(8, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * POSIX single quotes; ANSI-C `$'…'` quoting when the text holds control, bidi or invisible
 * characters, which are then written as escapes: the command still runs and shows what it sends.
 */
export function shellQuote(value: string): string {
  if (!hasInvisible(value) && !/[\t\n\r]/.test(value)) return `'${value.replace(/'/g, `'\\''`)}'`;
  const escaped = value.replace(/[\\']/g, '\\$&').replace(SHELL_ESCAPED, (c) => SHELL_ESCAPES[c] ?? (c < ' ' || c === '\x7f' ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : shellCodePoint(c)));
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
    if (CURL_SETS.test(lower)) continue;
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

/**
 * Headers a page's fetch() may not set (Fetch standard "forbidden request-header"), plus
 * `User-Agent`, which the standard allows but Chrome still drops: the browser adds them all.
 */
const FORBIDDEN_HEADER = /^(?:user-agent|accept-charset|accept-encoding|access-control-request-headers|access-control-request-method|connection|content-length|cookie|cookie2|date|dnt|expect|host|keep-alive|origin|referer|set-cookie|te|trailer|transfer-encoding|upgrade|via|proxy-.*|sec-.*)$/i;

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
    if (lower === 'referer') referrer = value;
    if (FORBIDDEN_HEADER.test(lower)) continue;
    allowed[lower] = allowed[lower] === undefined ? value : `${allowed[lower]}, ${value}`;
  }
  if (Object.keys(allowed).length > 0) init['headers'] = allowed;
  if (referrer !== null) init['referrer'] = referrer;
  if (body !== null) init['body'] = body;
  init['method'] = method;
  // A page cannot set Cookie itself; sending the browser's cookies is how the original request had them.
  init['credentials'] = sendsCookies ? 'include' : 'omit';
  return `fetch(${visibleJson(url)}, ${visibleJson(init, 2)});`;
}

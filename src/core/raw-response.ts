/**
 * Turns text a developer pasted into an exchange the pipeline can decode: either a whole raw HTTP
 * response as `curl -i` prints it (status line, headers, blank line, body) or a response body alone.
 * Pasted text is untrusted and may be huge: parsing is linear, never throws, and reports one-line errors.
 */
import type { Exchange, HttpHeader } from './exchange.ts';
import { isRecord, prop } from './json.ts';

export type RawResponseResult = { readonly exchange: Exchange } | { readonly error: string };

/** The status assumed for a body alone when neither the user nor the body says one. */
export const DEFAULT_BODY_STATUS = 400;

/**
 * A pasted response has no request: this URL resolves no relative link (so a relative problem `type`
 * never becomes a link to a made-up host) while absolute http(s) links in the body still resolve.
 */
export const PASTED_URL = 'about:blank';

const STATUS_LINE = /^HTTP\/\d(?:\.\d)?[ \t]+(\d{3})(?:[ \t]+([^\r\n]*))?$/;
const MARKUP_START = /^<[!?A-Za-z]/;

interface Line {
  readonly text: string;
  /** Index just past the line break (or the end of the input). */
  readonly next: number;
}

/** The line starting at `from`, without its LF or CRLF terminator. */
function lineAt(source: string, from: number): Line {
  const lf = source.indexOf('\n', from);
  const end = lf === -1 ? source.length : lf;
  const text = source.slice(from, end > from && source[end - 1] === '\r' ? end - 1 : end);
  return { text, next: lf === -1 ? source.length : lf + 1 };
}

function validStatus(value: number): number | null {
  return Number.isInteger(value) && value >= 100 && value <= 599 ? value : null;
}

function statusFromMember(value: unknown): number | null {
  if (typeof value === 'number') return validStatus(value);
  if (typeof value === 'string' && /^\d{3}$/.test(value.trim())) return validStatus(Number(value));
  return null;
}

/**
 * The status a body states about itself: RFC 9457 / JSend-ish `status`, NestJS/Fastify `statusCode`,
 * the first JSON:API error's `status` (a string there), Google's `error.code` next to `error.status`.
 */
function statusOfBody(json: unknown): number | null {
  const errors = prop(json, 'errors');
  const googleError = prop(json, 'error');
  return (
    statusFromMember(prop(json, 'status')) ??
    statusFromMember(prop(json, 'statusCode')) ??
    (Array.isArray(errors) ? statusFromMember(prop(errors[0], 'status')) : null) ??
    (typeof prop(googleError, 'status') === 'string' ? statusFromMember(prop(googleError, 'code')) : null)
  );
}

interface HeadBlock {
  readonly status: number;
  readonly statusText: string | undefined;
  readonly headers: HttpHeader[];
  /** Index where the text after this block's blank line starts, or null when the input ended first. */
  readonly bodyStart: number | null;
}

/** Reads header lines up to the blank line; folded lines continue the previous value, lines without a name are skipped. */
function readHeaders(source: string, from: number): { headers: HttpHeader[]; bodyStart: number | null } {
  const headers: HttpHeader[] = [];
  let at = from;
  while (at < source.length) {
    const line = lineAt(source, at);
    at = line.next;
    if (line.text.trim() === '') return { headers, bodyStart: at };
    const previous = headers[headers.length - 1];
    if ((line.text[0] === ' ' || line.text[0] === '\t') && previous !== undefined) {
      // obs-fold (RFC 9112 §5.2): a continuation line is joined to the previous value with one space.
      headers[headers.length - 1] = { name: previous.name, value: `${previous.value} ${line.text.trim()}` };
      continue;
    }
    const colon = line.text.indexOf(':');
    const name = colon === -1 ? '' : line.text.slice(0, colon).trim();
    if (name === '' || /\s/.test(name)) continue;
    headers.push({ name, value: line.text.slice(colon + 1).trim() });
  }
  return { headers, bodyStart: null };
}

/** The status line and headers starting at `from`, or null when no status line starts there. */
function readHeadBlock(source: string, from: number): HeadBlock | { readonly error: string } | null {
  const first = lineAt(source, from);
  const match = STATUS_LINE.exec(first.text.trimEnd());
  if (match === null) return null;
  const status = validStatus(Number(match[1]));
  if (status === null) return { error: `Status ${match[1] ?? ''} in the status line is not an HTTP status (100–599).` };
  const reason = match[2]?.trim();
  return { status, statusText: reason === '' ? undefined : reason, ...readHeaders(source, first.next) };
}

function lastHeader(headers: readonly HttpHeader[], name: string): string | undefined {
  return headers.findLast((h) => h.name.toLowerCase() === name)?.value;
}

/** Index of the first line at or after `from` that is not blank. */
function skipBlankLines(source: string, from: number): number {
  let at = from;
  while (at < source.length) {
    const line = lineAt(source, at);
    if (line.text.trim() !== '') break;
    at = line.next;
  }
  return at;
}

function fromRawHttp(source: string, receivedAt: number): RawResponseResult {
  let block = readHeadBlock(source, 0);
  if (block === null) return { error: 'The first line is not a status line like "HTTP/1.1 429 Too Many Requests" or "HTTP/2 429".' };
  if ('error' in block) return block;
  // curl -i prints one block per response it saw (100 Continue, redirects with -L, a proxy's CONNECT):
  // the last block is the response the body belongs to.
  while (block.bodyStart !== null) {
    const following = readHeadBlock(source, skipBlankLines(source, block.bodyStart));
    if (following === null) break;
    if ('error' in following) return following;
    block = following;
  }
  const bodyText = block.bodyStart === null ? '' : source.slice(block.bodyStart);
  return {
    exchange: {
      method: 'GET',
      url: PASTED_URL,
      requestHeaders: [],
      requestBody: null,
      status: block.status,
      statusText: block.statusText,
      responseHeaders: block.headers,
      body: bodyText.trim() === '' ? null : { text: bodyText },
      mimeType: lastHeader(block.headers, 'content-type') ?? '',
      receivedAt,
    },
  };
}

function fromBody(source: string, receivedAt: number, status: number | undefined): RawResponseResult {
  let mimeType: string;
  let bodyStatus: number | null = null;
  if (MARKUP_START.test(source)) {
    mimeType = /^<\?xml/i.test(source) ? 'application/xml' : 'text/html';
  } else {
    let json: unknown;
    try {
      json = JSON.parse(source);
    } catch (error) {
      const reason = error instanceof Error ? error.message.replace(/\s+/g, ' ') : 'unreadable';
      return { error: `The body is not valid JSON: ${reason}` };
    }
    if (!isRecord(json) && !Array.isArray(json)) return { error: 'The body is JSON but not an object or array, so it holds no error envelope.' };
    mimeType = 'application/json';
    bodyStatus = statusOfBody(json);
  }
  return {
    exchange: {
      method: 'GET',
      url: PASTED_URL,
      requestHeaders: [],
      requestBody: null,
      status: status ?? bodyStatus ?? DEFAULT_BODY_STATUS,
      responseHeaders: [{ name: 'Content-Type', value: mimeType }],
      body: { text: source },
      mimeType,
      receivedAt,
    },
  };
}

/**
 * Parses a pasted raw HTTP response (`HTTP/1.1 429 Too Many Requests` or `HTTP/2 429`, headers, blank
 * line, body; CRLF or LF; several header blocks, of which the last counts) or a body alone: JSON, or an
 * XML/HTML error page. A body alone gets `bodyStatus` when given, else the status the JSON states about
 * itself, else 400. Errors are one line.
 */
export function parseRawResponse(text: string, receivedAt: number, bodyStatus?: number): RawResponseResult {
  const source = text.replace(/^\uFEFF/, '').trimStart();
  if (source === '') return { error: 'Nothing to decode: paste a response or a response body.' };
  if (source.startsWith('HTTP/')) return fromRawHttp(source, receivedAt);
  const first = source[0];
  if (first === '{' || first === '[' || MARKUP_START.test(source)) return fromBody(source, receivedAt, bodyStatus);
  return { error: 'Not a response: expected a status line like "HTTP/1.1 429 Too Many Requests", or a JSON, XML or HTML body.' };
}

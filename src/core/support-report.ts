/**
 * "Copy support report": one decoded error as a Markdown block to paste into a ticket, chat or issue.
 * It says what a support engineer asks for first (endpoint, status, code, request id, time), shows
 * the response (status line, diagnostic headers, an excerpt of the body) and ends with a cURL to
 * reproduce. Everything in it comes from a hostile response, so free text is escaped for Markdown,
 * `@mentions`, URLs and issue references in it are put in code spans (GitHub neither pings nor
 * links inside them), invisible and bidi characters are shown as `[U+XXXX]`, code spans are fenced
 * so they cannot be closed early, and secrets are redacted unless the user opts in.
 */
import type { Exchange } from './exchange.ts';
import type { DecodedError, RetryVerdict } from './model.ts';
import { honestLink, isSafeHeader, redactError, redactExchange } from './redact.ts';
import { curlSnippet } from './snippets.ts';
import { visibleText } from './visible-text.ts';

export interface SupportReportOptions {
  /** Keep Authorization, cookies, API keys and tokens as they were sent. Off by default. */
  readonly includeSecrets?: boolean;
}

/** Longest run of backticks in `value` (a code span or fence must use more to contain it). */
function longestBacktickRun(value: string): number {
  let longest = 0;
  let run = 0;
  for (const char of value) {
    run = char === '`' ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/** One line of text as an inline code span that no backtick inside it can end. */
function code(value: string): string {
  const line = visibleText(value).replace(/\s+/g, ' ');
  const fence = '`'.repeat(longestBacktickRun(line) + 1);
  const padded = line.startsWith('`') || line.endsWith('`') ? ` ${line} ` : line;
  return `${fence}${padded}${fence}`;
}

/**
 * Free text on one line, with the characters that would start Markdown or HTML (links, emphasis,
 * tags, table cells) escaped, so a message like `<img onerror=…>` or `[x](javascript:…)` stays text.
 */
function escaped(value: string): string {
  return value.replace(/[\\`*_[\]<>|~#!]/g, '\\$&');
}

/**
 * What GitHub, GitLab and chat tools turn into a ping or a link inside plain text: `@user`,
 * `user@host` (an email autolink), `http://…`, `www.…` and `#123`. Each goes into a code span.
 */
const ACTIVE = /\S*@[\w.-]+|(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+|#\d+/gi;

function inline(value: string): string {
  const line = visibleText(value).replace(/\s+/g, ' ').trim();
  let out = '';
  let last = 0;
  for (const match of line.matchAll(ACTIVE)) {
    out += escaped(line.slice(last, match.index)) + code(match[0]);
    last = match.index + match[0].length;
  }
  return out + escaped(line.slice(last));
}

/** A code span in a table cell: GitHub splits cells on `|` even inside code spans unless it is escaped. */
function codeCell(value: string): string {
  return code(value).replace(/\|/g, '\\|');
}

/** Multi-line text as a fenced block the text itself cannot close. */
function fenced(value: string, language: string): string {
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(value) + 1));
  return `${fence}${language}\n${visibleText(value)}\n${fence}`;
}

/** How much of the response body the report quotes: enough for any error envelope, short enough for a ticket. */
const BODY_EXCERPT = 2000;

/** The response as the reader would see it in the Network panel: status line, diagnostic headers, start of the body. */
function responseSection(exchange: Exchange): string[] {
  const statusText = exchange.statusText?.trim() ?? '';
  const head = [`HTTP ${exchange.status}${statusText === '' ? '' : ` ${statusText}`}`];
  for (const { name, value } of exchange.responseHeaders) if (isSafeHeader(name)) head.push(`${name}: ${value}`);
  const lines = ['', '**Response**', '', fenced(head.join('\n'), 'http')];
  const body = exchange.body;
  if (body === null || body.text === '') return lines;
  if (body.encoding === 'base64') return [...lines, '', `_Body: binary, ${Math.floor((body.text.length * 3) / 4)} bytes._`];
  const more = body.text.length - BODY_EXCERPT;
  const excerpt = more > 0 ? `${body.text.slice(0, BODY_EXCERPT)}\n… (${more} more characters)` : body.text;
  const language = /json/i.test(exchange.mimeType) ? 'json' : /xml|html/i.test(exchange.mimeType) ? 'xml' : '';
  return [...lines, '', fenced(excerpt, language)];
}

function retryText(retry: RetryVerdict): string {
  if (!retry.retryable) return 'not retryable as is';
  if (retry.afterMs !== null) return `retryable after ${Math.ceil(retry.afterMs / 1000)} s${retry.exact ? '' : ' (estimated)'}`;
  if (retry.backoff !== null) return `retryable with backoff (at most ${retry.backoff.maxAttempts} attempts)`;
  return 'retryable';
}

function isoTime(epochMs: number): string {
  const date = new Date(epochMs);
  return Number.isFinite(date.getTime()) ? date.toISOString() : 'unknown';
}

/** The support report for one decoded error, as Markdown. */
export function supportReport(original: Exchange, decoded: DecodedError, options: SupportReportOptions = {}): string {
  const includeSecrets = options.includeSecrets === true;
  const exchange = includeSecrets ? original : redactExchange(original);
  const error = includeSecrets ? { ...decoded, docsUrl: honestLink(decoded.docsUrl) } : redactError(decoded);
  const method = exchange.method.toUpperCase();
  const statusText = exchange.statusText?.trim() ?? '';
  const status = statusText === '' ? String(error.status) : `${error.status} ${statusText}`;

  const heading = `### API error: ${inline(status)}${error.code === null ? '' : ` ${code(error.code)}`}`;
  const facts = [
    `- **Endpoint:** ${code(`${method} ${exchange.url}`)}`,
    `- **Status:** ${inline(status)}${error.errorIn2xx ? ' (error inside a successful response)' : ''}`,
    `- **Format:** ${code(error.format)}${error.alsoLike === null ? '' : ` (also looks like ${code(error.alsoLike)})`}`,
  ];
  if (error.code !== null) facts.push(`- **Code:** ${code(error.code)}${error.subcode === null ? '' : ` / ${code(error.subcode)}`}`);
  if (error.title !== null && error.title !== error.message) facts.push(`- **Title:** ${inline(error.title)}`);
  facts.push(`- **Message:** ${inline(error.message)}`);
  if (error.requestId !== null) facts.push(`- **Request id:** ${code(error.requestId)}`);
  facts.push(`- **Time:** ${isoTime(exchange.receivedAt)}`);
  // An autolink: a parsed URL's href has <, > and spaces percent-encoded, so it cannot break out of the brackets.
  if (error.docsUrl !== null) facts.push(`- **Docs:** <${error.docsUrl}>`);
  facts.push(`- **Retry:** ${retryText(error.retry)}`);
  facts.push(`- **Advice:** ${inline(error.advice)}`);

  const sections = [heading, '', ...facts];
  if (error.fieldErrors.length > 0) {
    sections.push('', '**Field errors**', '', '| Field | Message | Code |', '| --- | --- | --- |');
    for (const field of error.fieldErrors) {
      sections.push(`| ${codeCell(field.path)} | ${inline(field.message)} | ${field.code === undefined ? '' : codeCell(field.code)} |`);
    }
  }
  if (error.bodyNote !== null) sections.push('', `_Note: ${inline(error.bodyNote)}_`);
  sections.push(...responseSection(exchange));
  sections.push('', `**Reproduce**${includeSecrets ? '' : ' (secrets redacted)'}`, '', fenced(curlSnippet(original, { includeSecrets }), 'bash'));
  return sections.join('\n');
}

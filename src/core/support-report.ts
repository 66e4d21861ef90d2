/**
 * "Copy support report": one decoded error as a Markdown block to paste into a ticket, chat or issue.
 * It says what a support engineer asks for first (endpoint, status, code, request id, time) and ends
 * with a cURL to reproduce. Everything in it comes from a hostile response, so free text is escaped for
 * Markdown, code spans are fenced so they cannot be closed early, and secrets are redacted unless the
 * user opts in.
 */
import type { Exchange } from './exchange.ts';
import { httpUrl } from './json.ts';
import type { DecodedError, RetryVerdict } from './model.ts';
import { redactJwts, redactUrl } from './redact.ts';
import { curlSnippet } from './snippets.ts';

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
  const line = value.replace(/\s+/g, ' ');
  const fence = '`'.repeat(longestBacktickRun(line) + 1);
  const padded = line.startsWith('`') || line.endsWith('`') ? ` ${line} ` : line;
  return `${fence}${padded}${fence}`;
}

/**
 * Free text on one line, with the characters that would start Markdown or HTML (links, emphasis,
 * tags, table cells) escaped, so a message like `<img onerror=…>` or `[x](javascript:…)` stays text.
 */
function inline(value: string): string {
  return value.replace(/\s+/g, ' ').trim().replace(/[\\`*_[\]<>|~#!]/g, '\\$&');
}

/** A code span in a table cell: GitHub splits cells on `|` even inside code spans unless it is escaped. */
function codeCell(value: string): string {
  return code(value).replace(/\|/g, '\\|');
}

/** Multi-line text as a fenced block the text itself cannot close. */
function fenced(value: string, language: string): string {
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(value) + 1));
  return `${fence}${language}\n${value}\n${fence}`;
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
export function supportReport(exchange: Exchange, error: DecodedError, options: SupportReportOptions = {}): string {
  const includeSecrets = options.includeSecrets === true;
  // Messages sometimes echo the token that was refused; hide JWTs in free text like everywhere else.
  const say = (value: string): string => inline(includeSecrets ? value : redactJwts(value));
  const url = includeSecrets ? exchange.url : redactUrl(exchange.url);
  const method = exchange.method.toUpperCase();
  const statusText = exchange.statusText?.trim() ?? '';
  const status = statusText === '' ? String(error.status) : `${error.status} ${statusText}`;

  const heading = `### API error: ${say(status)}${error.code === null ? '' : ` ${code(error.code)}`}`;
  const facts = [
    `- **Endpoint:** ${code(`${method} ${url}`)}`,
    `- **Status:** ${say(status)}${error.errorIn2xx ? ' (error inside a successful response)' : ''}`,
    `- **Format:** ${code(error.format)}${error.alsoLike === null ? '' : ` (also looks like ${code(error.alsoLike)})`}`,
  ];
  if (error.code !== null) facts.push(`- **Code:** ${code(error.code)}${error.subcode === null ? '' : ` / ${code(error.subcode)}`}`);
  if (error.title !== null && error.title !== error.message) facts.push(`- **Title:** ${say(error.title)}`);
  facts.push(`- **Message:** ${say(error.message)}`);
  if (error.requestId !== null) facts.push(`- **Request id:** ${code(error.requestId)}`);
  facts.push(`- **Time:** ${isoTime(exchange.receivedAt)}`);
  // An autolink: a parsed URL's href has <, > and spaces percent-encoded, so it cannot break out of the brackets.
  const docs = httpUrl(error.docsUrl);
  if (docs !== null) facts.push(`- **Docs:** <${docs}>`);
  facts.push(`- **Retry:** ${retryText(error.retry)}`);
  facts.push(`- **Advice:** ${say(error.advice)}`);

  const sections = [heading, '', ...facts];
  if (error.fieldErrors.length > 0) {
    sections.push('', '**Field errors**', '', '| Field | Message | Code |', '| --- | --- | --- |');
    for (const field of error.fieldErrors) {
      sections.push(`| ${codeCell(field.path)} | ${say(field.message)} | ${field.code === undefined ? '' : codeCell(field.code)} |`);
    }
  }
  if (error.bodyNote !== null) sections.push('', `_Note: ${say(error.bodyNote)}_`);
  sections.push('', `**Reproduce**${includeSecrets ? '' : ' (secrets redacted)'}`, '', fenced(curlSnippet(exchange, { includeSecrets }), 'bash'));
  return sections.join('\n');
}

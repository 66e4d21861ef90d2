import { visibleJson } from '../core/visible-text.ts';
import type { ErrorEntry } from './decode-har.ts';

/** The `--json` record of one error entry: exactly these keys, in this order (the CLI's output contract). */
export function jsonRecord(found: ErrorEntry, url: string): Record<string, unknown> {
  const { error, exchange } = found;
  const rateLimit = error.rateLimit;
  return {
    entry: found.index,
    method: exchange.method,
    url,
    status: error.status,
    format: error.format,
    code: error.code,
    title: error.title,
    message: error.message,
    fieldErrors: error.fieldErrors.map(({ path, message }) => ({ path, message })),
    requestId: error.requestId,
    docsUrl: error.docsUrl,
    retryable: error.retry.retryable,
    retryAfterMs: error.retry.afterMs,
    rateLimit: rateLimit === null ? null : { limit: rateLimit.limit, remaining: rateLimit.remaining, resetAt: rateLimit.resetAt },
    advice: error.advice,
  };
}

/**
 * One record as a line of JSON, with bidi and invisible characters written as `\u` escapes: the
 * same JSON value for a script, and nothing that reorders or hides text for a human reading it.
 */
export function jsonLine(found: ErrorEntry, url: string): string {
  return `${visibleJson(jsonRecord(found, url))}\n`;
}

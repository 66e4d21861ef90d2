/**
 * Response headers in which the server itself says whether to retry: Stripe's
 * `Stripe-Should-Retry`, and `x-should-retry`, which the OpenAI and Anthropic SDKs obey. They override
 * the client's own judgement: a 500 Stripe already applied says `false`, a lock timeout says `true`.
 */
import type { HeaderMap } from '../exchange.ts';

export interface ServerRetryDirective {
  readonly retry: boolean;
  /** The header as the advice names it. */
  readonly header: string;
}

const DIRECTIVE_HEADERS = [
  { key: 'stripe-should-retry', header: 'Stripe-Should-Retry' },
  { key: 'x-should-retry', header: 'x-should-retry' },
] as const;

/** The first directive header with a clear `true` or `false`; anything else is no directive. */
export function serverRetryDirective(responseHeaders: HeaderMap): ServerRetryDirective | null {
  for (const { key, header } of DIRECTIVE_HEADERS) {
    const value = responseHeaders.get(key)?.trim().toLowerCase();
    if (value === 'true' || value === 'false') return { retry: value === 'true', header };
  }
  return null;
}

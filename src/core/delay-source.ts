import type { DelaySource } from './model.ts';

/**
 * How every surface names where a retry delay came from: the advice text ("(Retry-After header)"), the
 * panel's details and the popup's card ("Delay from"), and the CLI. One table, so they never disagree.
 */
export const delaySourceLabels: Readonly<Record<DelaySource, string>> = {
  'retry-after': 'Retry-After header',
  'retry-after-ms': 'retry-after-ms header',
  body: 'retry hint in the body',
  'ratelimit-header': 'RateLimit header',
  'reset-header': 'rate-limit reset header',
  'vendor-duration': 'vendor rate-limit header',
  'message-text': 'the error message',
  'refill-rate': 'query cost and refill rate in the body',
  backoff: 'backoff plan',
};

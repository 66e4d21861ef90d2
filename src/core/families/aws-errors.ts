/** What the AWS JSON and XML protocols share: error-type names, the throttling test (codes from the catalog's AWS table) and the retry hint header. */
import { awsThrottlingCodes } from '../catalog/data/aws.ts';
import type { HeaderMap } from '../exchange.ts';

export function isAwsThrottlingCode(code: string | null): boolean {
  return code !== null && awsThrottlingCodes.has(code);
}

/**
 * Smithy's rule for the error type (header `X-Amzn-ErrorType`, body `__type` or `code`): text before
 * the first `:`, then after the first `#`. `aws.foo#FooError:http://…` → `FooError`.
 */
export function sanitizeAwsErrorType(raw: string): string | null {
  const beforeColon = raw.split(':', 1)[0] ?? '';
  const hash = beforeColon.indexOf('#');
  const name = (hash === -1 ? beforeColon : beforeColon.slice(hash + 1)).trim();
  return name === '' ? null : name;
}

/** botocore standard-mode retry hint `x-amz-retry-after`, in milliseconds; null when absent or garbled. */
export function awsRetryAfterMs(headers: HeaderMap): number | null {
  const raw = headers.get('x-amz-retry-after');
  if (raw === undefined || !/^\s*\d{1,9}\s*$/.test(raw)) return null;
  return Number(raw);
}

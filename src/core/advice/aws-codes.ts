/**
 * AWS signals throttling by error code, not status (often HTTP 400): botocore's lists
 * (envelopes.md §A11, §D3).
 */
import type { FamilyId } from '../model.ts';

const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottledException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'TransactionInProgressException',
  'RequestLimitExceeded',
  'BandwidthLimitExceeded',
  'LimitExceededException',
  'RequestThrottled',
  'SlowDown',
  'PriorRequestNotComplete',
  'EC2ThrottledException',
]);

const TRANSIENT = new Set(['RequestTimeout', 'RequestTimeoutException', 'PriorRequestNotComplete']);

const AWS_FAMILIES: ReadonlySet<FamilyId> = new Set(['aws-json', 'aws-xml']);

export type AwsCodeKind = 'throttling' | 'transient';

export function awsCodeKind(format: FamilyId, code: string | null): AwsCodeKind | null {
  if (code === null || !AWS_FAMILIES.has(format)) return null;
  if (THROTTLING.has(code)) return 'throttling';
  return TRANSIENT.has(code) ? 'transient' : null;
}

/**
 * AWS codes that mean "try again" without being throttling (botocore's transient list, envelopes.md §A11, §D3).
 * Throttling codes are recognised where the body is read (families/aws-errors.ts sets `throttled`).
 */
import type { FamilyId } from '../model.ts';

const TRANSIENT = new Set(['RequestTimeout', 'RequestTimeoutException', 'PriorRequestNotComplete']);

const AWS_FAMILIES: ReadonlySet<FamilyId> = new Set(['aws-json', 'aws-xml']);

export function isAwsTransientCode(format: FamilyId, code: string | null): boolean {
  return code !== null && AWS_FAMILIES.has(format) && TRANSIENT.has(code);
}

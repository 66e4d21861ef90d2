/**
 * AWS JSON protocols, awsJson1_0/1_1 and restJson1:
 * `{"__type": "com.amazonaws.dynamodb.v20120810#ThrottlingException", "message": "…"}`, the error type
 * in `X-Amzn-ErrorType`, or `{code, message}` with AWS request-id headers.
 */
import * as z from 'zod/mini';
import { isRecord } from '../json.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { firstText, str } from './lenient.ts';
import { awsRetryAfterMs, isAwsThrottlingCode, sanitizeAwsErrorType } from './aws-errors.ts';

const AwsJson = z.object({ __type: str, code: str, Code: str, message: str, Message: str, errorMessage: str });

function match(view: BodyView): FamilyMatch | null {
  const headerType = view.headers.get('x-amzn-errortype');
  const body = isRecord(view.json) ? view.json : null;
  const hasAwsRequestId = view.headers.has('x-amzn-requestid');
  // Cheap guard: an AWS header, or `__type`, must be there before the shape is parsed.
  if (headerType === undefined && !hasAwsRequestId && (body === null || !Object.hasOwn(body, '__type'))) return null;
  const parsed = body === null ? null : AwsJson.safeParse(body).data;
  const message = firstText(parsed?.message, parsed?.Message, parsed?.errorMessage);
  const bodyCode = firstText(parsed?.code, parsed?.Code);
  if (headerType === undefined && parsed?.__type === undefined && (bodyCode === null || message === null)) return null;
  // Smithy clients accept any of the three; the header is the transport's own word, and the Go SDK prefers body `code` to `__type`.
  const rawType = firstText(headerType, bodyCode, parsed?.__type);
  const code = rawType === null ? null : sanitizeAwsErrorType(rawType);
  const transportSays = headerType !== undefined || view.mime.startsWith('application/x-amz-json');
  return {
    family: 'aws-json',
    strength: transportSays || hasAwsRequestId ? 3 : 2,
    fields: { code, message, throttled: isAwsThrottlingCode(code), retryDelayMs: awsRetryAfterMs(view.headers) },
  };
}

export const awsJson = { id: 'aws-json', order: 110, match } as const satisfies Family;

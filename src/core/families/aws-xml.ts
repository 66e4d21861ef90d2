/**
 * AWS XML errors: awsQuery `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>`,
 * ec2Query `<Response><Errors><Error>…</Error></Errors><RequestID/>` and S3
 * `<Error><Code/><Message/><RequestId/><HostId/></Error>`. Read with the bounded tag extractor.
 */
import * as z from 'zod/mini';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { awsRetryAfterMs, isAwsThrottlingCode } from './aws-errors.ts';
import { elementInner, elementText, rootElementName } from './markup.ts';

/** The element texts read out of the document, checked like any other body shape. */
const AwsXmlError = z.object({
  code: z.nullable(z.string()),
  message: z.nullable(z.string()),
  type: z.nullable(z.string()),
  requestId: z.nullable(z.string()),
}).check(z.refine((e) => e.code !== null || e.message !== null));

const XML_MIMES = new Set(['application/xml', 'text/xml']);

/** The `<Error>` element and the element that carries the request id, per protocol (the root names it). */
function errorParts(source: string, root: string): { error: string; envelope: string } | null {
  const xml = { caseSensitive: true };
  if (root === 'Error') return { error: source, envelope: source };
  if (root === 'ErrorResponse') {
    const error = elementInner(source, 'Error', xml);
    return error === null ? null : { error, envelope: source };
  }
  if (root === 'Response') {
    const errors = elementInner(source, 'Errors', xml);
    const error = errors === null ? null : elementInner(errors, 'Error', xml);
    return error === null ? null : { error, envelope: source };
  }
  return null;
}

function match(view: BodyView): FamilyMatch | null {
  if (view.json !== undefined || !/^\s*</.test(view.text)) return null;
  const root = rootElementName(view.text);
  if (root === null) return null;
  const parts = errorParts(view.text, root);
  if (parts === null) return null;
  const xml = { caseSensitive: true };
  const parsed = AwsXmlError.safeParse({
    code: elementText(parts.error, 'Code', xml),
    message: elementText(parts.error, 'Message', xml),
    type: elementText(parts.error, 'Type', xml),
    // ec2Query spells it RequestID.
    requestId: elementText(parts.envelope, 'RequestId', xml) ?? elementText(parts.envelope, 'RequestID', xml),
  });
  if (!parsed.success) return null;
  const { code, message, type, requestId } = parsed.data;
  return {
    family: 'aws-xml',
    strength: XML_MIMES.has(view.mime) ? 3 : 2,
    fields: {
      code,
      subcode: type,
      message,
      requestId,
      throttled: isAwsThrottlingCode(code),
      retryDelayMs: awsRetryAfterMs(view.headers),
    },
  };
}

export const awsXml = { id: 'aws-xml', order: 4, match } as const satisfies Family;

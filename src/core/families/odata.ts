/**
 * Microsoft Graph / Azure / OData JSON errors: `{error:{code, message, target?,
 * details?, innererror?}}` with a **string** code. Graph spells the nested object `innerError` and puts
 * `request-id`/`date` in it; the OData guideline nests `innererror` chains whose deepest code is the
 * most specific one the client understands.
 */
import * as z from 'zod/mini';
import { isRecord, prop, text, toPointer } from '../json.ts';
import type { FieldError } from '../model.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { anything, deepestLink, listOf, str } from './lenient.ts';

const ErrorDetail = z.object({ code: str, message: z.string(), target: str });

const Body = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    target: str,
    details: listOf(ErrorDetail),
    innererror: anything,
    innerError: anything,
  }),
});

/** Members that belong to the other `{error:{…}}` families (OpenAI/Stripe `type`, Google `status`, Meta, Elasticsearch). */
const FOREIGN_MEMBERS = ['type', 'status', 'fbtrace_id', 'root_cause', 'param'] as const;

/** Codes written as snake_case or UPPER_SNAKE are generic `{error:{code,message}}` envelopes, not OData's Pascal/camelCase. */
function odataLikeCode(code: string): boolean {
  return /[a-z]/.test(code) && /[A-Z]/.test(code) && !/\s/.test(code);
}

function match(view: BodyView): FamilyMatch | null {
  const error = prop(view.json, 'error');
  if (!isRecord(error) || typeof error['code'] !== 'string' || typeof error['message'] !== 'string') return null;
  if (FOREIGN_MEMBERS.some((key) => Object.hasOwn(error, key))) return null;
  const parsed = Body.safeParse(view.json);
  if (!parsed.success) return null;
  const e = parsed.data.error;
  const innerKey = isRecord(e.innererror) ? 'innererror' : 'innerError';
  const inner = isRecord(e[innerKey]) ? e[innerKey] : null;
  const details = (e.details ?? []).filter((d) => d.code !== undefined || d.target !== undefined);
  const extras = inner !== null || e.target !== undefined || details.length > 0 || view.headers.has('x-ms-request-id');
  if (!extras && !odataLikeCode(e.code)) return null;

  const subcode = text(prop(deepestLink(inner, innerKey), 'code'));
  const fieldErrors: FieldError[] = details.map((d) => ({
    path: toPointer(d.target) ?? '',
    message: d.message,
    ...(d.code === undefined ? {} : { code: d.code }),
  }));
  if (fieldErrors.length === 0 && e.target !== undefined) fieldErrors.push({ path: toPointer(e.target) ?? e.target, message: e.message });
  return {
    family: 'odata',
    strength: extras ? 2 : 1,
    fields: {
      code: text(e.code),
      subcode,
      message: text(e.message),
      fieldErrors,
      requestId: text(prop(inner, 'request-id')) ?? text(prop(inner, 'requestId')),
    },
  };
}

/** OData / Graph / Azure `{error:{code:string, message}}`. */
export const odata = { id: 'odata', order: 74, match } as const satisfies Family;

/**
 * JSend (github.com/omniti-labs/jsend): `{status:"fail", data:{field:"why"}}` for a rejected request,
 * `{status:"error", message, code?, data?}` for a server failure; often sent with a 200.
 */
import * as z from 'zod/mini';
import { isRecord, prop, text } from '../json.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { anything, codeLike, fieldErrorsFromMessageMap, keysWithin, str } from './lenient.ts';
import { jsendSuccessHints } from './jsend-hints.ts';

const JSEND_KEYS = new Set(['status', 'data', 'message', 'code']);

const Body = z.object({ status: z.enum(['fail', 'error']), data: anything, message: str, code: codeLike });

function match(view: BodyView): FamilyMatch | null {
  const json = view.json;
  const status = prop(json, 'status');
  if ((status !== 'fail' && status !== 'error') || !isRecord(json) || !keysWithin(json, JSEND_KEYS)) return null;
  const parsed = Body.safeParse(json);
  if (!parsed.success) return null;
  const body = parsed.data;
  // The spec requires `data` on fail and `message` on error; without them this is some other `status` field.
  if (body.status === 'fail' ? !Object.hasOwn(json, 'data') : body.message === undefined) return null;
  const fieldErrors = body.status === 'fail' ? fieldErrorsFromMessageMap(body.data) : [];
  return {
    family: 'jsend',
    strength: 2,
    fields: {
      code: body.code === undefined ? null : String(body.code),
      // A fail carries no sentence of its own: its first field message is the best one there is.
      message: text(body.message) ?? fieldErrors[0]?.message ?? null,
      fieldErrors,
    },
  };
}

/**
 * JSend `status` fail/error, in 2xx too. Ordered just before the simple envelopes,
 * which it refines.
 */
export const jsend = { id: 'jsend', order: 205, successHints: jsendSuccessHints, match } as const satisfies Family;

/**
 * Okta management and authentication APIs:
 * `{errorCode: "E0000001", errorSummary: "Api validation failed: login", errorLink: "E0000001", errorId, errorCauses: [{errorSummary: "login: …"}]}`.
 */
import * as z from 'zod/mini';
import { httpUrl, prop, toPointer } from '../json.ts';
import type { FieldError } from '../model.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { firstText, listOf, str } from './lenient.ts';

const Cause = z.object({ errorSummary: str });
const OktaError = z.object({ errorCode: z.string(), errorSummary: str, errorLink: str, errorId: str, errorCauses: listOf(Cause) });

/** E0000047 "API call exceeded rate limit due to too many requests". */
const RATE_LIMITED = 'E0000047';

/** Okta writes a field's cause as `field: message`; other causes concern the whole request. */
const FIELD_CAUSE = /^([A-Za-z_][\w.[\]]{0,127}):\s+(.+)$/s;

function fieldErrorsOf(causes: readonly z.infer<typeof Cause>[]): FieldError[] {
  return causes.flatMap((cause) => {
    const summary = firstText(cause.errorSummary);
    if (summary === null) return [];
    const field = FIELD_CAUSE.exec(summary);
    return [{ path: field === null ? '' : (toPointer(field[1]) ?? ''), message: summary }];
  });
}

function match(view: BodyView): FamilyMatch | null {
  if (typeof prop(view.json, 'errorCode') !== 'string' || prop(view.json, 'errorSummary') === undefined) return null;
  const parsed = OktaError.safeParse(view.json);
  if (!parsed.success) return null;
  const { errorCode, errorSummary, errorLink, errorId, errorCauses } = parsed.data;
  const code = firstText(errorCode);
  return {
    family: 'okta',
    strength: 2,
    fields: {
      code,
      message: firstText(errorSummary),
      fieldErrors: fieldErrorsOf(errorCauses ?? []),
      requestId: firstText(errorId),
      // Usually the code again, not a URL: only an absolute link is one (the pipeline would resolve `E0000011` against the request URL).
      docsUrl: httpUrl(errorLink),
      throttled: code === RATE_LIMITED,
    },
  };
}

export const okta = { id: 'okta', order: 165, match } as const satisfies Family;

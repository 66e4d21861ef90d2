/**
 * Simple ad-hoc envelopes (seeds Restore Hub and GPU Outlet):
 * `{error: "…", message?, details?}`, the nested `{error: {code, message, details}}` and
 * `{success: false, error: {…}}`, with Zod validation output wherever it was put.
 */
import * as z from 'zod/mini';
import { codeText, isRecord, prop, text } from '../json.ts';
import type { FieldError } from '../model.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { codeLike, firstText, maybe, str } from './lenient.ts';
import { serializedIssues, validationFieldErrors } from './validation-issues.ts';

/** a lower-case word/snake/dotted string or an UPPER_SNAKE string is a machine code, not prose. */
export const CODE_SHAPED = /^(?:[a-z][a-z0-9_.-]*|[A-Z][A-Z0-9_]+)$/;

const Ids = { requestId: str, request_id: str, traceId: str, trace_id: str };

const Flat = z.object({
  error: z.string(),
  message: str,
  details: z.optional(z.unknown()),
  // Restore Hub names the missing scope at the top level; its prose points at `details.requiredScope`.
  requiredScope: str,
  ...Ids,
});

const Nested = z.object({
  success: maybe(z.boolean()),
  error: z.object({ code: codeLike, message: str, details: z.optional(z.unknown()), ...Ids }),
  ...Ids,
});

function firstFieldErrors(...candidates: readonly (() => FieldError[] | null)[]): FieldError[] {
  for (const candidate of candidates) {
    const found = candidate();
    if (found !== null) return found;
  }
  return [];
}

function matchFlat(json: unknown): FamilyMatch | null {
  const parsed = Flat.safeParse(json);
  if (!parsed.success) return null;
  const body = parsed.data;
  const error = text(body.error);
  if (error === null) return null;
  const message = text(body.message);
  const issuesInError = serializedIssues(error);
  const isCode = CODE_SHAPED.test(error);
  return {
    family: 'simple',
    strength: 2,
    fields: {
      code: isCode ? error : null,
      // A prose `error` next to a `message` is the summary of it (`{"error":"Not Found","message":"No route"}`).
      title: !isCode && message !== null && issuesInError === null ? error : null,
      message: message ?? (isCode || issuesInError !== null ? null : error),
      fieldErrors: firstFieldErrors(
        () => validationFieldErrors(body.details),
        () => validationFieldErrors(json),
        () => issuesInError,
      ),
      requestId: firstText(body.requestId, body.request_id, body.traceId, body.trace_id),
      missingScope: firstText(body.requiredScope, prop(body.details, 'requiredScope')),
    },
  };
}

function matchNested(json: unknown): FamilyMatch | null {
  const parsed = Nested.safeParse(json);
  if (!parsed.success) return null;
  const { error, success } = parsed.data;
  const issuesInMessage = serializedIssues(error.message);
  const fieldErrors = firstFieldErrors(
    () => validationFieldErrors(error.details),
    () => validationFieldErrors(prop(json, 'error')),
    () => issuesInMessage,
  );
  const code = codeText(error.code);
  const message = issuesInMessage === null ? text(error.message) : null;
  if (code === null && message === null && fieldErrors.length === 0) return null;
  return {
    family: 'simple',
    // `{error:{message}}` alone is what many families look like; `success:false` says it is this one.
    strength: success === false ? 2 : 1,
    fields: {
      code,
      message,
      fieldErrors,
      requestId: firstText(error.requestId, error.request_id, error.traceId, error.trace_id, parsed.data.requestId, parsed.data.request_id),
    },
  };
}

function match(view: BodyView): FamilyMatch | null {
  const error = prop(view.json, 'error');
  if (typeof error === 'string') return matchFlat(view.json);
  if (isRecord(error)) return matchNested(view.json);
  return null;
}

export const simple = { id: 'simple', order: 210, match } as const satisfies Family;

/**
 * Kubernetes API `Status`:
 * `{kind: "Status", apiVersion: "v1", status: "Failure", message, reason: "NotFound", details: {causes?, retryAfterSeconds?}, code: 404}`.
 */
import * as z from 'zod/mini';
import { prop, text, toPointer } from '../json.ts';
import type { FieldError } from '../model.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { firstText, listOf, maybe, str } from './lenient.ts';

const Cause = z.object({ reason: str, message: str, field: str });

const Status = z.object({
  kind: z.literal('Status'),
  apiVersion: z.string(),
  status: z.enum(['Success', 'Failure']),
  message: str,
  reason: str,
  details: maybe(z.object({ causes: listOf(Cause), retryAfterSeconds: maybe(z.number().check(z.int(), z.nonnegative())) })),
});

function fieldErrorsOf(causes: readonly z.infer<typeof Cause>[]): FieldError[] {
  return causes.flatMap((cause) => {
    const message = firstText(cause.message);
    if (message === null) return [];
    // `spec.containers[0].image` → `/spec/containers/0/image`; causes without a field concern the whole object.
    return [{ path: toPointer(cause.field) ?? '', message, ...(cause.reason === undefined ? {} : { code: cause.reason }) }];
  });
}

function match(view: BodyView): FamilyMatch | null {
  if (prop(view.json, 'kind') !== 'Status') return null;
  const parsed = Status.safeParse(view.json);
  // A `Success` Status (DELETE answers) is no error.
  if (!parsed.success || parsed.data.status !== 'Failure') return null;
  const { message, reason, details } = parsed.data;
  const retryAfterSeconds = details?.retryAfterSeconds;
  return {
    family: 'kubernetes',
    strength: 2,
    fields: {
      code: text(reason),
      message: text(message),
      fieldErrors: fieldErrorsOf(details?.causes ?? []),
      // 0 is the field's default, meaning "not said".
      retryDelayMs: retryAfterSeconds === undefined || retryAfterSeconds === 0 ? null : retryAfterSeconds * 1000,
      throttled: reason === 'TooManyRequests',
    },
  };
}

export const kubernetes = { id: 'kubernetes', order: 10, match } as const satisfies Family;

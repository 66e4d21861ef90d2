/**
 * FastAPI / Pydantic validation errors: 422
 * `{detail: [{loc, msg, type, input?, ctx?, url?}]}` (v1 types read `value_error.missing`, v2 `missing`).
 * A `detail` object is whatever the app raised in an HTTPException.
 */
import * as z from 'zod/mini';
import { codeText, isRecord, prop, toPointer } from '../json.ts';
import type { FieldError } from '../model.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { firstText, listOf, str } from './lenient.ts';

const Issue = z.object({
  loc: z.array(z.union([z.string(), z.number()])),
  msg: z.string(),
  type: str,
  url: str,
});
const Validation = z.object({ detail: listOf(Issue) });

/** `loc` starts with where the value was read (`body`, `query`, `path`, `header`); `body` is the request document itself. */
function pathOf(loc: readonly (string | number)[]): string {
  const inBody = loc[0] === 'body' ? loc.slice(1) : loc;
  return toPointer(inBody) ?? '';
}

function fieldErrorsOf(issues: readonly z.infer<typeof Issue>[]): FieldError[] {
  return issues.flatMap((issue) => {
    const message = firstText(issue.msg);
    if (message === null) return [];
    return [{ path: pathOf(issue.loc), message, ...(issue.type === undefined ? {} : { code: issue.type }) }];
  });
}

function match(view: BodyView): FamilyMatch | null {
  const detail = prop(view.json, 'detail');
  if (isRecord(detail)) {
    const message = firstText(prop(detail, 'message'), prop(detail, 'msg'), prop(detail, 'detail'));
    const code = codeText(prop(detail, 'code'));
    if (message === null && code === null) return null;
    return { family: 'fastapi', strength: 1, fields: { code, message } };
  }
  if (!Array.isArray(detail) || detail.length === 0) return null;
  const issues = Validation.safeParse(view.json).data?.detail ?? [];
  const fieldErrors = fieldErrorsOf(issues);
  if (fieldErrors.length === 0) return null;
  return {
    family: 'fastapi',
    strength: 2,
    fields: { fieldErrors, docsUrl: issues[0]?.url ?? null },
  };
}

export const fastapi = { id: 'fastapi', order: 170, match } as const satisfies Family;

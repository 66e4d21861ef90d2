/**
 * Django REST Framework: `{detail: "…"}` (also what FastAPI's
 * HTTPException and Starlette send), validation maps `{field: ["…"], non_field_errors: ["…"]}` that
 * nest for nested serializers, and a bare list `["…"]`. Rails' `render json: model.errors` is the
 * same map and decodes the same way.
 */
import * as z from 'zod/mini';
import { isRecord, MAX_WALK_DEPTH, pointerFromSegments, text } from '../json.ts';
import type { FieldError } from '../model.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { MAX_ITEMS } from './lenient.ts';

/** DRF's key for errors of the whole object (`api_settings.NON_FIELD_ERRORS_KEY`). */
const NON_FIELD = 'non_field_errors';

/** `{detail: "…"}` and nothing else: with `title`/`type`/`status` beside it, it is a problem document. */
const Detail = z.strictObject({ detail: z.string() });

type Segments = readonly (string | number)[];

function isStringList(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string');
}

/**
 * Reads a serializer error map into `out`; false when something in it is not a message list, a nested
 * map or a list of nested maps (then the body is not a DRF validation map at all).
 */
function readMap(map: Readonly<Record<string, unknown>>, at: Segments, depth: number, out: FieldError[]): boolean {
  if (depth > MAX_WALK_DEPTH) return false;
  for (const key of Object.keys(map)) {
    const value = map[key];
    const here = key === NON_FIELD ? at : [...at, key];
    if (isStringList(value)) {
      for (const line of value.slice(0, MAX_ITEMS)) {
        const message = text(line);
        if (message !== null && out.length < MAX_ITEMS) out.push({ path: pointerFromSegments(here), message });
      }
    } else if (isRecord(value)) {
      if (!readMap(value, here, depth + 1, out)) return false;
    } else if (Array.isArray(value) && value.length > 0 && value.every(isRecord)) {
      // `many=True` serializers: one map per item, `{}` for items without errors.
      for (const [index, item] of value.slice(0, MAX_ITEMS).entries()) {
        if (!readMap(item, [...here, index], depth + 1, out)) return false;
      }
    } else {
      return false;
    }
  }
  return true;
}

function match(view: BodyView): FamilyMatch | null {
  const json = view.json;
  if (isStringList(json)) {
    return { family: 'drf', strength: 1, fields: { message: json.slice(0, MAX_ITEMS).flatMap((line) => text(line) ?? []).join('; ') } };
  }
  if (!isRecord(json)) return null;
  if (Object.hasOwn(json, 'detail')) {
    const message = text(Detail.safeParse(json).data?.detail);
    return message === null ? null : { family: 'drf', strength: 2, fields: { message } };
  }
  const fieldErrors: FieldError[] = [];
  if (!readMap(json, [], 0, fieldErrors) || fieldErrors.length === 0) return null;
  // (Object maps are walked by hand: zod records drop a `__proto__` key instead of keeping it as data.)
  // Any object of string lists fits; only `non_field_errors` says it is DRF for sure.
  return { family: 'drf', strength: Object.hasOwn(json, NON_FIELD) ? 2 : 1, fields: { fieldErrors } };
}

export const drf = { id: 'drf', order: 170, match } as const satisfies Family;

/**
 * Salesforce REST: a top-level array
 * `[{message: "duplicate field selected: Id", errorCode: "INVALID_FIELD", fields?: ["Id"]}]`.
 */
import * as z from 'zod/mini';
import { isRecord, toPointer } from '../json.ts';
import type { FieldError } from '../model.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { firstText, listOf } from './lenient.ts';

const Item = z.object({ message: z.string(), errorCode: z.string(), fields: listOf(z.string()) });
const Errors = listOf(Item);

function match(view: BodyView): FamilyMatch | null {
  const json = view.json;
  if (!Array.isArray(json) || !isRecord(json[0]) || !Object.hasOwn(json[0], 'errorCode')) return null;
  const items = Errors.parse(json) ?? [];
  const first = items[0];
  if (first === undefined) return null;
  const fieldErrors: FieldError[] = items.flatMap((item) =>
    (item.fields ?? []).flatMap((field) => {
      const message = firstText(item.message);
      return message === null ? [] : [{ path: toPointer(field) ?? field, message, code: item.errorCode }];
    }),
  );
  return {
    family: 'salesforce',
    strength: 2,
    fields: { code: firstText(first.errorCode), message: firstText(first.message), fieldErrors },
  };
}

export const salesforce = { id: 'salesforce', order: 150, match } as const satisfies Family;

/**
 * Elasticsearch / OpenSearch:
 * `{error: {root_cause: [{type, reason}], type, reason, caused_by?}, status: 404}`.
 */
import * as z from 'zod/mini';
import { isRecord, prop } from '../json.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { firstText, listOf, str } from './lenient.ts';

const Cause = z.object({ type: str, reason: str });
const EsError = z.object({
  error: z.object({ root_cause: listOf(Cause), type: z.string(), reason: str, caused_by: z.optional(z.unknown()) }),
  status: z.optional(z.unknown()),
});

function match(view: BodyView): FamilyMatch | null {
  const error = prop(view.json, 'error');
  if (!isRecord(error) || !Array.isArray(prop(error, 'root_cause'))) return null;
  const parsed = EsError.safeParse(view.json);
  if (!parsed.success) return null;
  const { type, reason, root_cause: rootCause, caused_by: causedBy } = parsed.data.error;
  const root = rootCause?.[0];
  const rootType = firstText(root?.type);
  return {
    family: 'elasticsearch',
    strength: 2,
    fields: {
      code: firstText(type),
      // The root cause names what actually failed when the outer type is a wrapper (`search_phase_execution_exception`).
      subcode: rootType !== null && rootType !== type ? rootType : null,
      message: firstText(reason, root?.reason, prop(causedBy, 'reason')),
    },
  };
}

export const elasticsearch = { id: 'elasticsearch', order: 75, match } as const satisfies Family;

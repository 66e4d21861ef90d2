/**
 * HL7 FHIR `OperationOutcome`:
 * `{resourceType: "OperationOutcome", issue: [{severity, code, diagnostics?, details?: {text}, expression?: ["Patient.name"]}]}`.
 */
import * as z from 'zod/mini';
import { prop } from '../json.ts';
import type { FieldError } from '../model.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { firstText, listOf, maybe, str } from './lenient.ts';

const Issue = z.object({
  severity: str,
  code: str,
  diagnostics: str,
  details: maybe(z.object({ text: str })),
  expression: listOf(z.string()),
});
const Outcome = z.object({ resourceType: z.literal('OperationOutcome'), issue: listOf(Issue) });
type Issue = z.infer<typeof Issue>;

const FHIR_MIMES = new Set(['application/fhir+json', 'application/json+fhir']);

function messageOf(issue: Issue): string | null {
  return firstText(issue.details?.text, issue.diagnostics);
}

/** FHIRPath expressions (`Patient.name[0].given`) are the API's own paths into the resource: kept as they are. */
function fieldErrorsOf(issues: readonly Issue[]): FieldError[] {
  return issues.flatMap((issue) => {
    const message = messageOf(issue);
    if (message === null) return [];
    return (issue.expression ?? []).map((path) => ({ path, message, ...(issue.code === undefined ? {} : { code: issue.code }) }));
  });
}

function match(view: BodyView): FamilyMatch | null {
  if (prop(view.json, 'resourceType') !== 'OperationOutcome') return null;
  const issues = Outcome.safeParse(view.json).data?.issue ?? [];
  // Warnings and information can sit before the error; the first error or fatal issue is the answer.
  const main = issues.find((i) => i.severity === 'error' || i.severity === 'fatal') ?? issues[0];
  if (main === undefined) return null;
  return {
    family: 'fhir',
    strength: FHIR_MIMES.has(view.mime) ? 3 : 2,
    fields: {
      code: firstText(main.code),
      message: messageOf(main),
      fieldErrors: fieldErrorsOf(issues),
      throttled: main.code === 'throttled',
    },
  };
}

export const fhir = { id: 'fhir', order: 60, match } as const satisfies Family;

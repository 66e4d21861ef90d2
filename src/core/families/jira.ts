/**
 * Atlassian Jira:
 * `{errorMessages: ["Issue does not exist"], errors: {summary: "must not be empty"}}`.
 */
import * as z from 'zod/mini';
import { isRecord, prop, text } from '../json.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { fieldErrorsFromMessageMap, MAX_ITEMS } from './lenient.ts';
import { isMessageMap } from './message-map.ts';

const Jira = z.object({ errorMessages: z.array(z.unknown()), errors: z.optional(z.unknown()) });

function match(view: BodyView): FamilyMatch | null {
  if (!isRecord(view.json) || !Array.isArray(prop(view.json, 'errorMessages'))) return null;
  const parsed = Jira.safeParse(view.json);
  if (!parsed.success) return null;
  const { errorMessages, errors } = parsed.data;
  if (errors !== undefined && !isMessageMap(errors, 'strings')) return null;
  const message = errorMessages.slice(0, MAX_ITEMS).flatMap((line) => text(line) ?? []).join('; ');
  return {
    family: 'jira',
    strength: 2,
    fields: { message: message === '' ? null : message, fieldErrors: fieldErrorsFromMessageMap(errors) },
  };
}

export const jira = { id: 'jira', order: 90, match } as const satisfies Family;

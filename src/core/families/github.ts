/**
 * GitHub REST: `{message, documentation_url, errors?:[{resource, field, code}],
 * status?:"422"}`. Rate limits arrive as 403 or 429 and are told from permission errors by the message.
 */
import * as z from 'zod/mini';
import { isRecord, text, toPointer } from '../json.ts';
import type { FieldError } from '../model.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { firstText, humanizeCode, listOf, str } from './lenient.ts';

const ValidationItem = z.union([z.object({ resource: str, field: str, code: str, message: str }), z.string()]);
const Body = z.object({ message: z.string(), documentation_url: str, errors: listOf(ValidationItem) });

function fieldErrorOf(item: z.infer<typeof ValidationItem>): FieldError | null {
  if (typeof item === 'string') {
    const message = text(item);
    return message === null ? null : { path: '', message };
  }
  const field = text(item.field);
  const code = text(item.code);
  // `code:"custom"` items carry their own sentence; the others only say what is wrong with the field.
  const message = firstText(item.message, code === null ? null : `${[item.resource, field].filter(Boolean).join(' ')} ${humanizeCode(code).toLowerCase()}`.trim());
  if (message === null) return null;
  return { path: toPointer(field) ?? '', message, ...(code === null ? {} : { code }) };
}

function match(view: BodyView): FamilyMatch | null {
  const json = view.json;
  if (!isRecord(json) || typeof json['message'] !== 'string') return null;
  const raw = json['errors'];
  // GitHub validation items always name the `resource`; Spring's BindingResult items (`field`, `defaultMessage`) do not.
  const validationItems = Array.isArray(raw) && raw.some((item) => isRecord(item) && typeof item['resource'] === 'string');
  if (typeof json['documentation_url'] !== 'string' && !validationItems) return null;
  const parsed = Body.safeParse(json);
  if (!parsed.success) return null;
  const body = parsed.data;
  const message = text(body.message);
  const rateLimited = (view.status === 403 || view.status === 429) && /rate limit/i.test(body.message);
  return {
    family: 'github',
    strength: 2,
    fields: {
      message,
      fieldErrors: (body.errors ?? []).map(fieldErrorOf).filter((f): f is FieldError => f !== null),
      docsUrl: text(body.documentation_url),
      throttled: rateLimited || (view.status === 403 && view.headers.get('x-ratelimit-remaining') === '0'),
    },
  };
}

/** GitHub `{message, documentation_url, errors?}`. */
export const github = { id: 'github', order: 83, match } as const satisfies Family;

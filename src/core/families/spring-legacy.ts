/**
 * Spring Boot's legacy `/error` body:
 * `{timestamp, status, error: "Not Found", path, message?, errors?[BindingResult], requestId?}`.
 */
import * as z from 'zod/mini';
import { isRecord, text, toPointer } from '../json.ts';
import type { FieldError } from '../model.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { codeLike, listOf, str } from './lenient.ts';

/** Boot < 2.3 filled `message` with this when it had nothing to say. */
const NO_MESSAGE = 'No message available';

const BindingError = z.object({ field: str, objectName: str, defaultMessage: str, code: codeLike });

const Legacy = z.object({
  timestamp: z.union([z.string(), z.number()]),
  status: z.number().check(z.int()),
  error: z.string(),
  path: z.string(),
  message: str,
  errors: listOf(BindingError),
  /** WebFlux only. */
  requestId: str,
});

function fieldErrorsOf(errors: readonly z.infer<typeof BindingError>[]): FieldError[] {
  return errors.flatMap((e) => {
    const message = text(e.defaultMessage);
    if (message === null) return [];
    const code = e.code === undefined ? {} : { code: String(e.code) };
    // A global (object-level) error has no field: it concerns the whole request body.
    return [{ path: toPointer(e.field) ?? '', message, ...code }];
  });
}

function match(view: BodyView): FamilyMatch | null {
  const json = view.json;
  if (!isRecord(json) || !Object.hasOwn(json, 'timestamp') || !Object.hasOwn(json, 'path')) return null;
  const parsed = Legacy.safeParse(json);
  if (!parsed.success) return null;
  const body = parsed.data;
  const message = text(body.message);
  return {
    family: 'spring-legacy',
    strength: 2,
    fields: {
      title: text(body.error),
      message: message === NO_MESSAGE ? null : message,
      fieldErrors: fieldErrorsOf(body.errors ?? []),
      requestId: text(body.requestId),
    },
  };
}

export const springLegacy = { id: 'spring-legacy', order: 190, match } as const satisfies Family;

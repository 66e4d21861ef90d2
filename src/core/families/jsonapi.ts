/**
 * JSON:API error objects and the Pterodactyl panel's variant of them (
 * seed 001): `code` is the PHP exception class, `status` a string, validation items carry
 * `meta.source_field` (Laravel dot path) and `meta.rule`.
 */
import * as z from 'zod/mini';
import { isRecord, text, toPointer } from '../json.ts';
import type { FieldError } from '../model.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { firstText, keysWithin, listOf, MAX_ITEMS, maybe, str } from './lenient.ts';

const JSONAPI_MIME = 'application/vnd.api+json';

/** The only members a JSON:API error object may have (v1.1); anything else means another family. */
const ERROR_MEMBERS = new Set(['id', 'links', 'status', 'code', 'title', 'detail', 'source', 'meta']);

/** `links.about` is a URL string or a link object `{href}`. */
const Link = maybe(z.union([z.string(), z.object({ href: z.string() })]));

const ErrorObject = z.object({
  id: maybe(z.union([z.string(), z.number()])),
  links: maybe(z.object({ about: Link, type: Link })),
  status: str,
  code: str,
  title: str,
  detail: str,
  source: maybe(z.object({ pointer: str, parameter: str, header: str })),
  meta: maybe(z.object({ source_field: str, rule: str })),
});
type ErrorObject = z.infer<typeof ErrorObject>;

const Document = z.object({ errors: listOf(ErrorObject) });

function href(link: z.infer<typeof Link>): string | null {
  return typeof link === 'string' ? text(link) : text(link?.href);
}

/** Pterodactyl: `code`+`status`+`detail` with Laravel validation meta, or an exception class name as `code`. */
function isPterodactyl(items: readonly ErrorObject[]): boolean {
  return items.every(
    (e) =>
      e.code !== undefined &&
      e.status !== undefined &&
      e.detail !== undefined &&
      e.title === undefined &&
      (e.meta?.source_field !== undefined || e.meta?.rule !== undefined || /^[A-Z]\w*Exception$/.test(e.code)),
  );
}

function fieldErrorOf(e: ErrorObject): FieldError | null {
  const message = firstText(e.detail, e.title);
  if (message === null) return null;
  const sourceField = e.meta?.source_field;
  if (sourceField !== undefined) {
    const rule = e.meta?.rule;
    return { path: toPointer(sourceField) ?? sourceField, message, ...(rule === undefined ? {} : { code: rule }) };
  }
  // `source.pointer` points into the request document; `parameter`/`header` name a query parameter or
  // header, which no pointer can address, so they are kept as the API spells them.
  const path = text(e.source?.pointer) ?? text(e.source?.parameter) ?? text(e.source?.header);
  if (path === null) return null;
  return { path, message, ...(e.code === undefined ? {} : { code: e.code }) };
}

function match(view: BodyView): FamilyMatch | null {
  const json = view.json;
  if (!isRecord(json)) return null;
  const raw = json['errors'];
  // `data` MUST NOT sit next to `errors` in JSON:API, so its presence means another family.
  if (!Array.isArray(raw) || raw.length === 0 || Object.hasOwn(json, 'data')) return null;
  const head = raw.slice(0, MAX_ITEMS);
  if (!head.every((item) => isRecord(item) && Object.keys(item).length > 0 && keysWithin(item, ERROR_MEMBERS))) return null;
  const items = Document.parse(json).errors ?? [];
  const first = items[0];
  if (first === undefined) return null;

  const distinctive = items.some((e) => e.status !== undefined || e.title !== undefined || e.detail !== undefined || e.source !== undefined);
  const strength = view.mime === JSONAPI_MIME ? 3 : distinctive ? 2 : 1;
  const fieldErrors = items.map(fieldErrorOf).filter((f): f is FieldError => f !== null);
  return {
    family: isPterodactyl(items) ? 'pterodactyl' : 'jsonapi',
    strength,
    fields: {
      code: first.code ?? null,
      title: text(first.title),
      message: firstText(first.detail, first.title),
      fieldErrors,
      requestId: first.id === undefined ? null : String(first.id),
      docsUrl: href(first.links?.about) ?? href(first.links?.type),
    },
  };
}

/** JSON:API `errors[]`, reporting the Pterodactyl variant as `pterodactyl`. */
export const jsonapi = { id: 'jsonapi', order: 82, variants: ['pterodactyl'], match } as const satisfies Family;

/**
 * RFC 9457 / RFC 7807 problem details, with the ASP.NET Core and Spring
 * `ProblemDetail` sub-variants reported under their own ids.
 */
import * as z from 'zod/mini';
import { isRecord, text, toPointer } from '../json.ts';
import type { FieldError } from '../model.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { anything, codeLike, fieldErrorsFromMessageMap, firstText, listOf, maybe, str } from './lenient.ts';

const PROBLEM_MIME = 'application/problem+json';

/** `errors:[{pointer, detail}]` (RFC 9457 example) and the `field`/`name` + `message`/`reason` spellings of it. */
const PointedError = z.object({ pointer: str, field: str, name: str, detail: str, message: str, reason: str, code: codeLike });
const PointedErrors = listOf(PointedError);
/** `invalid-params:[{name, reason}]` (RFC 7807 example) and Zalando-style `violations:[{field, message}]`. */
const NamedParam = z.object({ name: str, field: str, reason: str, message: str });

const Problem = z.object({
  // RFC 9457 §3.1: members of the wrong type MUST be ignored, hence `maybe` everywhere.
  type: str,
  title: str,
  status: maybe(z.number()),
  detail: str,
  instance: str,
  code: codeLike,
  errorCode: codeLike,
  error_code: codeLike,
  requestId: str,
  request_id: str,
  traceId: str,
  trace_id: str,
  /** An array of pointed errors, or ASP.NET's `{field: [messages]}` map: told apart when read. */
  errors: anything,
  'invalid-params': listOf(NamedParam),
  invalid_params: listOf(NamedParam),
  violations: listOf(NamedParam),
});
type Problem = z.infer<typeof Problem>;

/** ASP.NET Core writes the RFC section of the status as `type` (rfc9110 today, rfc7231/7235/4918 in older builds). */
const ASPNET_TYPE = /^https?:\/\/tools\.ietf\.org\/html\/rfc(?:9110|7231|7235|4918)#section-/;
/** Type URIs that name a status in a spec, not an API's own problem: their last segment is no code. */
const SPEC_HOSTS = new Set(['tools.ietf.org', 'datatracker.ietf.org', 'www.rfc-editor.org', 'httpwg.org']);

function countMembers(p: Problem): number {
  return [p.type, p.title, p.status, p.detail].filter((m) => m !== undefined).length;
}

/** The problem type's own name: `…/errors/vps_not_found` → `vps_not_found`, `…#quota-exceeded` → `quota-exceeded`. */
function codeFromType(type: string | undefined): string | null {
  if (type === undefined) return null;
  let url: URL;
  try {
    url = new URL(type);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || SPEC_HOSTS.has(url.hostname)) return null;
  const fragment = decodeURIComponentSafe(url.hash.slice(1));
  if (fragment !== '') return fragment;
  const segment = url.pathname.split('/').filter((s) => s !== '').pop();
  return segment === undefined ? null : decodeURIComponentSafe(segment);
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function fieldErrorsOf(p: Problem): FieldError[] {
  const out: FieldError[] = [];
  if (Array.isArray(p.errors)) {
    for (const e of PointedErrors.parse(p.errors) ?? []) {
      const message = firstText(e.detail, e.message, e.reason);
      if (message === null) continue;
      const code = e.code === undefined ? undefined : String(e.code);
      out.push({ path: toPointer(e.pointer ?? e.field ?? e.name) ?? '', message, ...(code === undefined ? {} : { code }) });
    }
  } else if (isRecord(p.errors)) {
    out.push(...fieldErrorsFromMessageMap(p.errors));
  }
  for (const param of [...(p['invalid-params'] ?? []), ...(p.invalid_params ?? []), ...(p.violations ?? [])]) {
    const message = firstText(param.reason, param.message);
    if (message !== null) out.push({ path: toPointer(param.name ?? param.field) ?? '', message });
  }
  return out;
}

function pathOf(url: string): string | null {
  try {
    return new URL(url).pathname;
  } catch {
    return null;
  }
}

function variantOf(p: Problem, url: string): FamilyMatch['family'] {
  if (isRecord(p.errors) || p.traceId !== undefined || (p.type !== undefined && ASPNET_TYPE.test(p.type))) return 'aspnet-problem';
  // Spring fills `instance` with the request path and leaves `type` as about:blank unless the app sets it.
  const blankType = p.type === undefined || p.type === 'about:blank';
  if (blankType && p.instance !== undefined && p.instance === pathOf(url)) return 'spring-problem';
  return 'problem-details';
}

function match(view: BodyView): FamilyMatch | null {
  const json = view.json;
  if (!isRecord(json)) return null;
  const byMime = view.mime === PROBLEM_MIME;
  // Cheap guard: a shape-only problem needs at least one standard member of the right type.
  if (!byMime && typeof json['title'] !== 'string' && typeof json['detail'] !== 'string' && typeof json['type'] !== 'string') return null;
  const parsed = Problem.safeParse(json);
  if (!parsed.success) return null;
  const p = parsed.data;
  const members = countMembers(p);
  const family = variantOf(p, view.url);
  let strength: FamilyMatch['strength'];
  if (byMime) strength = members > 0 ? 3 : 2;
  // `title` + `status` + ASP.NET's `traceId`/errors map is a validation problem even as plain JSON.
  else if (members >= 3 || (members === 2 && (p.type !== undefined || family === 'aspnet-problem'))) strength = 2;
  else if (members === 2) strength = 1;
  else return null;

  const code = p.code ?? p.errorCode ?? p.error_code;
  return {
    family,
    strength,
    fields: {
      code: code === undefined ? codeFromType(p.type) : String(code),
      title: text(p.title),
      message: firstText(p.detail, p.title),
      fieldErrors: fieldErrorsOf(p),
      requestId: firstText(p.requestId, p.request_id, p.traceId, p.trace_id, p.instance?.startsWith('urn:') === true ? p.instance : null),
      // A type that is a word (`"type": "error"`, Box) is a marker, not a link to the problem's documentation.
      docsUrl: p.type !== undefined && /[/:]/.test(p.type) ? p.type : null,
    },
  };
}

/** RFC 9457 problem details: `application/problem+json`, or its members with the right types. */
export const problemDetails = { id: 'problem-details', order: 200, variants: ['aspnet-problem', 'spring-problem'], match } as const satisfies Family;

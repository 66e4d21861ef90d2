/**
 * Twitter / X: API v2 answers failures problem-style (`{title, type, status,
 * detail, errors?:[{message, parameters}]}`) and reports partly failed lookups inside a 200
 * (`{data, errors:[{value, detail, title, resource_type, parameter, resource_id, type}]}`); API v1.1
 * sends `{errors:[{code:88, message}]}`.
 */
import * as z from 'zod/mini';
import { isRecord, text, type JsonRecord } from '../json.ts';
import type { FieldError } from '../model.ts';
import type { BodyView, Family, FamilyFields, FamilyMatch } from './family.ts';
import { firstText, keysWithin, listOf, MAX_ITEMS, maybe, str } from './lenient.ts';
import { twitterSuccessHints } from './twitter-hints.ts';

const HOSTS = new Set(['api.twitter.com', 'api.x.com']);
const PROBLEM_TYPE = /^https:\/\/api\.(?:twitter|x)\.com\/2\/problems\/([\w-]+)$/;
const V11_KEYS = new Set(['code', 'message', 'label']);
/** v1.1 codes that mean "slow down": 88 rate limit exceeded, 420 (historic "Enhance Your Calm"). */
const V11_THROTTLE_CODES = new Set([88, 420]);

const PartialError = z.object({ title: str, detail: str, type: str, parameter: str, resource_type: str });
const ParameterError = z.object({ message: z.string(), parameters: maybe(z.custom<JsonRecord>(isRecord)) });
const V2Problem = z.object({ title: str, type: str, detail: str, status: maybe(z.number()), errors: listOf(ParameterError) });
const V11Error = z.object({ code: z.number().check(z.int()), message: z.string() });
const PartialErrors = listOf(PartialError);
const V11Errors = listOf(V11Error);

function onTwitterHost(url: string): boolean {
  // Most errors come from elsewhere: a substring test spares them a URL parse.
  if (!url.includes('twitter.com') && !url.includes('x.com')) return false;
  try {
    return HOSTS.has(new URL(url).hostname);
  } catch {
    return false;
  }
}

function problemSlug(type: string | undefined): string | null {
  return type === undefined ? null : (PROBLEM_TYPE.exec(type)?.[1] ?? null);
}

function partialErrors(errors: readonly unknown[]): FamilyFields | null {
  const items = PartialErrors.parse(errors) ?? [];
  const first = items[0];
  if (first === undefined || !items.every((e) => problemSlug(e.type) !== null || e.resource_type !== undefined)) return null;
  const fieldErrors: FieldError[] = [];
  for (const e of items) {
    const message = firstText(e.detail, e.title);
    // `parameter` names a query parameter (`ids`), which no JSON Pointer addresses.
    const code = problemSlug(e.type);
    if (e.parameter !== undefined && message !== null) fieldErrors.push({ path: e.parameter, message, ...(code === null ? {} : { code }) });
  }
  return { code: problemSlug(first.type), title: text(first.title), message: firstText(first.detail, first.title), fieldErrors, docsUrl: first.type ?? null };
}

function v2Problem(json: unknown): FamilyFields | null {
  const parsed = V2Problem.safeParse(json);
  if (!parsed.success) return null;
  const p = parsed.data;
  const fieldErrors: FieldError[] = [];
  for (const e of p.errors ?? []) {
    const message = text(e.message);
    if (message === null) continue;
    const names = Object.keys(e.parameters ?? {});
    for (const name of names.length === 0 ? [''] : names) fieldErrors.push({ path: name, message });
  }
  return { code: problemSlug(p.type), title: text(p.title), message: firstText(p.detail, p.title, fieldErrors[0]?.message), fieldErrors, docsUrl: p.type ?? null };
}

function v11Errors(errors: readonly unknown[]): FamilyFields | null {
  const head = errors.slice(0, MAX_ITEMS);
  if (!head.every((item) => isRecord(item) && keysWithin(item, V11_KEYS))) return null;
  const items = V11Errors.parse(head) ?? [];
  const first = items[0];
  if (first === undefined || items.length !== head.length) return null;
  return { code: String(first.code), message: text(first.message), throttled: V11_THROTTLE_CODES.has(first.code) };
}

function match(view: BodyView): FamilyMatch | null {
  const json = view.json;
  if (!isRecord(json)) return null;
  const errors = json['errors'];
  const failure = view.status >= 400;
  if (Array.isArray(errors) && errors.length > 0) {
    const partial = partialErrors(errors.slice(0, MAX_ITEMS));
    if (partial !== null) return { family: 'twitter', strength: 2, fields: partial };
    if (!failure) return null;
    const v11 = v11Errors(errors);
    if (v11 !== null) return { family: 'twitter', strength: 2, fields: v11 };
  }
  if (!failure) return null;
  // v2 failures are plain problem documents: only the problem type URL or the host says they are Twitter's.
  const type = json['type'];
  const twitterType = typeof type === 'string' && PROBLEM_TYPE.test(type);
  const problemOnHost = onTwitterHost(view.url) && (typeof json['title'] === 'string' || typeof json['detail'] === 'string');
  if (!twitterType && !problemOnHost) return null;
  const fields = v2Problem(json);
  return fields === null ? null : { family: 'twitter', strength: 2, fields };
}

/** Twitter/X v2 problems and 200 partial errors, v1.1 code lists, in 2xx too. */
export const twitter = { id: 'twitter', order: 84, successHints: twitterSuccessHints, match } as const satisfies Family;

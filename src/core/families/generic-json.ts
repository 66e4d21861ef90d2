/**
 * The last resort for JSON errors no family recognized (envelopes.md §B2 rules 22–23): a bare
 * `{"message": "…"}` (API Gateway, many Express apps) or any unknown envelope on a ≥ 400 response.
 * Walks the body breadth-first, bounded in depth and in nodes, for the shallowest message, code,
 * request id, docs link and list of field errors.
 */
import { z } from 'zod';
import { codeText, isRecord, prop, text, toPointer, type JsonRecord } from '../json.ts';
import type { FieldError } from '../model.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { codeLike, firstText, MAX_ITEMS, maybe, str } from './lenient.ts';
import { CODE_SHAPED } from './simple.ts';

/** Deeper than this is payload, not envelope. */
const MAX_DEPTH = 6;
/** Objects and arrays looked at in one body, whatever its size. */
const MAX_NODES = 500;

/** A member reader: the value as this kind of member, or null. */
type Reader<T> = (value: unknown) => T | null;

const prose: Reader<string> = text;
/** `error`, `reason` and `type` hold a sentence in some APIs and a code in others: told apart by shape (§B2 rule 21). */
const proseNotCode: Reader<string> = (value) => {
  const found = text(value);
  return found === null || CODE_SHAPED.test(found) ? null : found;
};
const codeShaped: Reader<string> = (value) => {
  const found = text(value);
  return found !== null && CODE_SHAPED.test(found) ? found : null;
};
/** A code member: anything without spaces (`not_found`, `E1234`) or an integer. */
const anyCode: Reader<string | number> = (value) => {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  const found = text(value);
  return found !== null && found.length <= 100 && !/\s/.test(found) ? found : null;
};

type Member<T> = readonly [key: string, read: Reader<T>];

/** Members by preference: an earlier one wins over a later one found at the same depth. */
const MESSAGE_MEMBERS: readonly Member<string>[] = [
  ['message', prose],
  ['error_description', prose],
  ['detail', prose],
  ['error', proseNotCode],
  ['msg', prose],
  ['description', prose],
  ['reason', proseNotCode],
  ['title', prose],
  ['errorMessage', prose],
  ['error_message', prose],
  ['Message', prose],
  ['details', prose],
];
const CODE_MEMBERS: readonly Member<string | number>[] = [
  ['code', anyCode],
  ['error_code', anyCode],
  ['errorCode', anyCode],
  ['err_code', anyCode],
  ['error', codeShaped],
  ['type', codeShaped],
  ['reason', codeShaped],
];
const REQUEST_ID_MEMBERS: readonly Member<string>[] = ['request_id', 'requestId', 'traceId', 'trace_id', 'correlation_id', 'correlationId'].map((key) => [key, prose] as const);
const DOCS_MEMBERS: readonly Member<string>[] = ['documentation_url', 'doc_url', 'docs_url', 'docsUrl', 'help_url', 'helpUrl', 'more_info', 'moreInfo'].map((key) => [key, prose] as const);
const pathLike = maybe(z.union([z.string(), z.array(z.union([z.string(), z.number()]))]));

/** One item of a field-error list, under any of the spellings APIs use. */
const FieldItem = z.object({
  field: pathLike,
  path: pathLike,
  loc: pathLike,
  param: pathLike,
  parameter: pathLike,
  pointer: pathLike,
  property: pathLike,
  propertyPath: pathLike,
  message: str,
  msg: str,
  defaultMessage: str,
  description: str,
  reason: str,
  detail: str,
  code: codeLike,
  type: str,
  rule: str,
});
const PATH_KEYS = ['field', 'path', 'loc', 'param', 'parameter', 'pointer', 'property', 'propertyPath'] as const;

interface Found {
  message: string | null;
  code: string | null;
  requestId: string | null;
  docsUrl: string | null;
  fieldErrors: FieldError[] | null;
}

/** The value of the first member of `node` its reader accepts. */
function pick<T>(node: JsonRecord, members: readonly Member<T>[]): T | null {
  for (const [key, read] of members) {
    const found = read(prop(node, key));
    if (found !== null) return found;
  }
  return null;
}

/** `[{field|path|loc…, message|msg…}]` → field errors, or null when the list is not of that shape. */
function fieldErrorList(list: readonly unknown[]): FieldError[] | null {
  // Cheap guard: the first item must look like a field error before any item is parsed.
  const first: unknown = list[0];
  if (!isRecord(first) || !PATH_KEYS.some((key) => Object.hasOwn(first, key))) return null;
  const out: FieldError[] = [];
  for (const raw of list.slice(0, MAX_ITEMS)) {
    const item = FieldItem.safeParse(raw).data;
    if (item === undefined) return null;
    const path = PATH_KEYS.map((key) => item[key]).find((value) => value !== undefined);
    const message = firstText(item.message, item.msg, item.defaultMessage, item.description, item.reason, item.detail);
    if (path === undefined || message === null) return null;
    const code = codeText(item.code) ?? firstText(item.type, item.rule);
    out.push({ path: toPointer(path) ?? '', message, ...(code === null ? {} : { code }) });
  }
  return out;
}

function visit(node: JsonRecord, status: number, found: Found): void {
  found.message ??= pick(node, MESSAGE_MEMBERS);
  const code = pick(node, CODE_MEMBERS);
  // A number equal to the HTTP status is the status echoed, not a code.
  if (found.code === null && code !== null && code !== status) found.code = String(code);
  found.requestId ??= pick(node, REQUEST_ID_MEMBERS);
  found.docsUrl ??= pick(node, DOCS_MEMBERS);
}

function walk(root: unknown, status: number): Found {
  const found: Found = { message: null, code: null, requestId: null, docsUrl: null, fieldErrors: null };
  let level: unknown[] = [root];
  let nodes = 0;
  for (let depth = 0; depth <= MAX_DEPTH && level.length > 0; depth++) {
    const next: unknown[] = [];
    for (const node of level) {
      if (++nodes > MAX_NODES) return found;
      if (Array.isArray(node)) {
        found.fieldErrors ??= fieldErrorList(node);
        // A list of sentences (`errors: ["…"]`) says what went wrong when nothing nearer does.
        found.message ??= prose(node[0]);
        next.push(...node.slice(0, MAX_ITEMS));
      } else if (isRecord(node)) {
        visit(node, status, found);
        for (const key of Object.keys(node).slice(0, MAX_ITEMS)) next.push(node[key]);
      }
    }
    level = next.filter((child) => typeof child === 'object' && child !== null);
  }
  return found;
}

function match(view: BodyView): FamilyMatch | null {
  if (view.status < 400 || typeof view.json !== 'object' || view.json === null) return null;
  const found = walk(view.json, view.status);
  if (found.message === null && found.code === null && found.fieldErrors === null) return null;
  return {
    family: 'generic-json',
    strength: 1,
    fields: {
      code: found.code,
      message: found.message,
      fieldErrors: found.fieldErrors ?? [],
      requestId: firstText(found.requestId),
      docsUrl: found.docsUrl,
    },
  };
}

export const genericJson: Family = { id: 'generic-json', order: 990, match };

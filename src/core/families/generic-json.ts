/**
 * The last resort for JSON errors no family recognized (envelopes.md §B2 rules 22–23): a bare
 * `{"message": "…"}` (API Gateway, many Express apps) or any unknown envelope on a ≥ 400 response.
 * Walks the body breadth-first, bounded in depth and in nodes, for the shallowest message, code,
 * request id, docs link and list of field errors.
 */
import { z } from 'zod';
import { isRecord, prop, toPointer, type JsonRecord } from '../json.ts';
import type { FieldError } from '../model.ts';
import type { BodyView, Family, FamilyMatch } from './family.ts';
import { firstText, MAX_ITEMS } from './lenient.ts';
import { CODE_SHAPED } from './simple.ts';

/** Deeper than this is payload, not envelope. */
const MAX_DEPTH = 6;
/** Objects and arrays looked at in one body, whatever its size. */
const MAX_NODES = 500;

const Prose = z.string().trim().min(1);
/** `error`, `reason` and `type` hold a sentence in some APIs and a code in others: told apart by shape (§B2 rule 21). */
const ProseNotCode = Prose.refine((value) => !CODE_SHAPED.test(value));
const CodeShaped = z.string().trim().regex(CODE_SHAPED);
/** A code member: anything without spaces (`not_found`, `E1234`) or an integer. */
const CodeValue = z.union([z.string().trim().regex(/^\S{1,100}$/), z.number().int()]);

type Member<T> = readonly [key: string, schema: z.ZodType<T>];

/** Members by preference: an earlier one wins over a later one found at the same depth. */
const MESSAGE_MEMBERS: readonly Member<string>[] = [
  ['message', Prose],
  ['error_description', Prose],
  ['detail', Prose],
  ['error', ProseNotCode],
  ['msg', Prose],
  ['description', Prose],
  ['reason', ProseNotCode],
  ['title', Prose],
  ['errorMessage', Prose],
  ['error_message', Prose],
  ['Message', Prose],
  ['details', Prose],
];
const CODE_MEMBERS: readonly Member<string | number>[] = [
  ['code', CodeValue],
  ['error_code', CodeValue],
  ['errorCode', CodeValue],
  ['err_code', CodeValue],
  ['error', CodeShaped],
  ['type', CodeShaped],
  ['reason', CodeShaped],
];
const REQUEST_ID_MEMBERS: readonly Member<string>[] = ['request_id', 'requestId', 'traceId', 'trace_id', 'correlation_id', 'correlationId'].map((key) => [key, Prose] as const);
const DOCS_MEMBERS: readonly Member<string>[] = ['documentation_url', 'doc_url', 'docs_url', 'docsUrl', 'help_url', 'helpUrl', 'more_info', 'moreInfo'].map((key) => [key, Prose] as const);
const PATH_KEYS = ['field', 'path', 'loc', 'param', 'parameter', 'pointer', 'property', 'propertyPath'];
const ITEM_MESSAGE_MEMBERS: readonly Member<string>[] = ['message', 'msg', 'defaultMessage', 'description', 'reason', 'detail'].map((key) => [key, Prose] as const);
const ITEM_CODE_MEMBERS: readonly Member<string | number>[] = ['code', 'type', 'rule'].map((key) => [key, CodeValue] as const);

interface Found {
  message: string | null;
  code: string | null;
  requestId: string | null;
  docsUrl: string | null;
  fieldErrors: FieldError[] | null;
}

/** The value of the first member of `node` its schema accepts. */
function pick<T>(node: JsonRecord, members: readonly Member<T>[]): T | null {
  for (const [key, schema] of members) {
    const parsed = schema.safeParse(prop(node, key));
    if (parsed.success) return parsed.data;
  }
  return null;
}

/** `[{field|path|loc…, message|msg…}]` → field errors, or null when the list is not of that shape. */
function fieldErrorList(list: readonly unknown[]): FieldError[] | null {
  const out: FieldError[] = [];
  for (const item of list.slice(0, MAX_ITEMS)) {
    if (!isRecord(item)) return null;
    const path = PATH_KEYS.map((key) => prop(item, key)).find((value) => value !== undefined);
    const message = pick(item, ITEM_MESSAGE_MEMBERS);
    if (path === undefined || message === null) return null;
    const code = pick(item, ITEM_CODE_MEMBERS);
    out.push({ path: toPointer(path) ?? '', message, ...(code === null ? {} : { code: String(code) }) });
  }
  return out.length === 0 ? null : out;
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
        found.message ??= node.length > 0 && typeof node[0] === 'string' ? Prose.safeParse(node[0]).data ?? null : null;
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

/**
 * Zod validation output, in every shape APIs send it, read as field errors:
 * the issues list (`issues`, `details`, `errors`), `flatten()`, `format()`, Zod 4 `treeifyError()`,
 * and a Zod 4 ZodError whose `message` is the issues list serialized as a JSON string.
 */
import * as z from 'zod/mini';
import { isRecord, MAX_WALK_DEPTH, parseJson, pointerFromSegments, prop, text, toPointer } from '../json.ts';
import type { FieldError } from '../model.ts';
import { codeLike, fieldErrorsFromMessageMap, listOf, MAX_ITEMS } from './lenient.ts';

/** `{path: ["items", 0, "qty"] | "email", message, code?}`; the path is what tells an issue from any other object. */
const Issue = z.object({
  path: z.union([z.array(z.union([z.string(), z.number()])), z.string()]),
  message: z.string(),
  code: codeLike,
});
const Issues = listOf(Issue);

type Segments = readonly (string | number)[];

function issuesList(value: unknown): FieldError[] | null {
  if (!Array.isArray(value)) return null;
  const out: FieldError[] = [];
  for (const issue of Issues.parse(value) ?? []) {
    const message = text(issue.message);
    if (message === null) continue;
    const code = issue.code === undefined ? undefined : String(issue.code);
    out.push({ path: toPointer(issue.path) ?? '', message, ...(code === undefined ? {} : { code }) });
  }
  return out.length === 0 ? null : out;
}

function stringList(value: unknown): string[] | null {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) return null;
  return value.flatMap((item: string) => text(item) ?? []);
}

/** Collects messages of a `format()` or `treeifyError()` tree, depth- and count-bounded. */
function walkTree(node: unknown, at: Segments, depth: number, out: FieldError[], messagesKey: '_errors' | 'errors'): void {
  if (!isRecord(node) || depth > MAX_WALK_DEPTH || out.length >= MAX_ITEMS) return;
  for (const message of stringList(prop(node, messagesKey)) ?? []) {
    if (out.length >= MAX_ITEMS) return;
    out.push({ path: pointerFromSegments(at), message });
  }
  if (messagesKey === '_errors') {
    // format(): every other key is a child field (array indexes appear as "0", "1"…).
    for (const key of Object.keys(node)) {
      if (key !== '_errors') walkTree(node[key], [...at, key], depth + 1, out, messagesKey);
    }
    return;
  }
  // treeifyError(): children live under `properties` (object fields) and `items` (array indexes).
  const properties = prop(node, 'properties');
  if (isRecord(properties)) {
    for (const key of Object.keys(properties)) walkTree(properties[key], [...at, key], depth + 1, out, messagesKey);
  }
  const items = prop(node, 'items');
  if (Array.isArray(items)) {
    items.slice(0, MAX_ITEMS).forEach((item, index) => walkTree(item, [...at, index], depth + 1, out, messagesKey));
  }
}

function treeErrors(node: unknown, messagesKey: '_errors' | 'errors'): FieldError[] | null {
  const out: FieldError[] = [];
  walkTree(node, [], 0, out, messagesKey);
  return out.length === 0 ? null : out;
}

/** `flatten()`: `{formErrors: [msg], fieldErrors: {field: [msg]}}`; form errors belong to the whole document (`""`). */
function flattened(value: Readonly<Record<string, unknown>>): FieldError[] | null {
  const fieldErrors = prop(value, 'fieldErrors');
  if (!isRecord(fieldErrors)) return null;
  const out = (stringList(prop(value, 'formErrors')) ?? []).map((message) => ({ path: '', message }));
  out.push(...fieldErrorsFromMessageMap(fieldErrors));
  return out.length === 0 ? null : out.slice(0, MAX_ITEMS);
}

/**
 * Field errors from any Zod output shape, or null when `value` is none of them. Tried on the members
 * an envelope puts validation results in (`details`, `issues`, `errors`…).
 */
export function validationFieldErrors(value: unknown): FieldError[] | null {
  if (Array.isArray(value)) return issuesList(value);
  if (!isRecord(value)) return null;
  const issues = prop(value, 'issues');
  if (Array.isArray(issues)) return issuesList(issues);
  if (Object.hasOwn(value, 'fieldErrors')) return flattened(value);
  if (Object.hasOwn(value, '_errors')) return treeErrors(value, '_errors');
  const errors = prop(value, 'errors');
  if (Array.isArray(errors) && stringList(errors) !== null) return treeErrors(value, 'errors');
  return null;
}

/** A Zod 4 ZodError serializes its issues into `message` as JSON text: read them back, or null. */
export function serializedIssues(message: unknown): FieldError[] | null {
  const raw = text(message);
  if (raw === null || (raw[0] !== '[' && raw[0] !== '{')) return null;
  return validationFieldErrors(parseJson(raw));
}

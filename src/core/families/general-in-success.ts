/**
 * The general dialects of "the HTTP status says OK, the body says no", for APIs no family knows:
 * - an error object under an error-ish key, at the top or under one wrapper (`{"Response": {"Error": {Code,
 *   Message}}}` from Tencent Cloud, `{"error": {…}}`, `{"fault": {…}}`);
 * - a success flag that is false (`success`, `ok`, `isSuccess`, `succeeded`), or a status/result word that says
 *   it failed (`"status": "error"`, `"result": "failure"`) next to a message or code;
 * - a non-empty error list whose items say something (`errors: [{message}]`, `errors: ["…"]`);
 * - a bulk or batch answer whose items failed (Elasticsearch `_bulk`, batch APIs): a partial failure, reported
 *   with how many items failed and the first reason;
 * - an error marker in the headers (`x-error-code`, `x-acme-error`).
 * And never for `success: true, errors: []`, `error: []`, `errors: false`, items whose `error` is null, or a
 * payload that merely has a `status` (an order that is `failed` is data, not an error of the request).
 */
import { isRecord, text, type JsonRecord } from '../json.ts';
import type { BodyView, Family, FamilyFields, FamilyMatch } from './family.ts';
import { generalSuccessHints } from './general-in-success-hints.ts';
import { isCodeLike, normalizeKey, readGeneral } from './general-reader.ts';
import { MAX_ITEMS } from './lenient.ts';


const ERROR_KEYS = new Set(['error', 'fault', 'exception', 'errorinfo', 'errordetails', 'errorresponse']);
const ERROR_LIST_KEYS = new Set(['errors', 'faults', 'failures', 'exceptions']);
const SUCCESS_FLAGS = new Set(['success', 'ok', 'issuccess', 'succeeded', 'successful']);
const STATUS_KEYS = new Set(['status', 'result', 'state', 'outcome']);
const FAILURE_WORDS = new Set(['error', 'fail', 'failed', 'failure', 'fault', 'ko', 'nok']);
/** Wrappers one level down that hold the whole answer (`Response`, `result`, `response`, `d`). */
const WRAPPER_KEYS = new Set(['response', 'result', 'data', 'd', 'body', 'payload', 'reply']);
/** Lists whose items are the answers of a bulk or batch request. */
const ITEM_LIST_KEYS = new Set(['items', 'results', 'responses', 'data', 'operations', 'batch', 'entries', 'records']);
/**
 * Result-code members of the "code 0 means success" dialect (OKX `code`, Bybit `retCode`, WeChat `errcode`,
 * Baidu `error_code`, `errno`): a non-zero value next to a message member is a failure in a 200.
 */
const RESULT_CODE_KEYS = new Set(['code', 'retcode', 'errcode', 'errno', 'errorcode', 'errcode', 'resultcode', 'returncode', 'statuscode', 'rc', 'ret', 'scode']);
const RESULT_MESSAGE_KEYS = new Set(['msg', 'message', 'retmsg', 'errmsg', 'errormsg', 'errormessage', 'smsg', 'description', 'resultmessage', 'returnmessage']);

/** A result code that is not the success value (0, or 200 where a status is echoed). */
function failingCode(value: unknown): boolean {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d{1,10}$/.test(value.trim()) ? Number(value) : null;
  return number !== null && number !== 0 && number !== 200;
}

/** True when a value says something went wrong: a non-empty object with content, or prose. */
function saysSomething(value: unknown): boolean {
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).some(saysSomething);
  if (isRecord(value)) {
    const general = readGeneral(value, 200);
    return general.message !== null || general.code !== null;
  }
  return text(value) !== null && value !== 'false' && value !== 'null';
}

/**
 * Items of a list that carry an error: an `error` member with content, a failing status, `success: false`.
 * Unless the body flags itself as a partial failure (`errors: true`), an `error` must be an object: a list of
 * records with an `error` text (failed jobs, delivery logs) is data the request asked for.
 */
function itemFailure(item: unknown, flagged: boolean): JsonRecord | null {
  if (!isRecord(item)) return null;
  for (const key of Object.keys(item).slice(0, MAX_ITEMS)) {
    const name = normalizeKey(key);
    const value = item[key];
    if (ERROR_KEYS.has(name) && (flagged || isRecord(value)) && saysSomething(value)) return item;
    if (ERROR_LIST_KEYS.has(name) && Array.isArray(value) && saysSomething(value)) return item;
    if (flagged && RESULT_CODE_KEYS.has(name) && failingCode(value)) return item;
    if ((name === 'status' || name === 'statuscode') && typeof value === 'number' && value >= 400 && value <= 599) return item;
    if (SUCCESS_FLAGS.has(name) && value === false) return item;
    // Bulk answers nest each item under its action (`{"index": {"status": 400, "error": {…}}}`).
    if (isRecord(value) && Object.keys(item).length === 1) return itemFailure(value, flagged);
  }
  return null;
}

/** The items of a bulk answer: a list, or a map of item id → answer (Square's bulk `responses`). */
function itemsOf(value: unknown): readonly unknown[] | null {
  if (Array.isArray(value)) return value;
  if (!isRecord(value)) return null;
  const items = Object.keys(value).slice(0, 10 * MAX_ITEMS).map((key) => value[key]);
  return items.length > 0 && items.every(isRecord) ? items : null;
}

/**
 * A bulk or batch answer with failed items. The message is the first item's reason (what a developer fixes);
 * the title says how many items failed of how many (so a partial failure is not read as a total one).
 */
function partialFailure(node: JsonRecord, flagged: boolean): FamilyFields | null {
  for (const key of Object.keys(node).slice(0, MAX_ITEMS)) {
    const list = itemsOf(node[key]);
    if (!ITEM_LIST_KEYS.has(normalizeKey(key)) || list === null) continue;
    const items = list.slice(0, 10 * MAX_ITEMS);
    const failed = items.map((item) => itemFailure(item, flagged)).filter((item): item is JsonRecord => item !== null);
    const first = failed[0];
    if (first === undefined) continue;
    const reason = readGeneral(first, 200);
    const total = list.length > items.length ? `at least ${items.length}` : String(list.length);
    return {
      code: reason.code,
      title: `${failed.length} of ${total} items failed`,
      message: reason.message ?? `${failed.length} of ${total} items failed`,
      fieldErrors: reason.fieldErrors,
      requestId: reason.requestId,
    };
  }
  return null;
}

/** The general reading of an error object, list or flagged body. */
function fromError(value: unknown, node: JsonRecord): FamilyFields | null {
  const general = readGeneral(value, 200);
  const around = readGeneral(node, 200);
  const code = general.code ?? around.code;
  const message = general.message ?? around.message;
  if (code === null && message === null) return null;
  return { code, message, fieldErrors: general.fieldErrors, requestId: general.requestId ?? around.requestId, docsUrl: general.docsUrl ?? around.docsUrl };
}

function resultCodeKey(node: JsonRecord): string | null {
  const keys = Object.keys(node).slice(0, MAX_ITEMS);
  if (!keys.some((key) => RESULT_MESSAGE_KEYS.has(normalizeKey(key)))) return null;
  return keys.find((key) => RESULT_CODE_KEYS.has(normalizeKey(key))) ?? null;
}

function resultCodeFails(node: JsonRecord): boolean {
  const key = resultCodeKey(node);
  return key !== null && failingCode(node[key]);
}

function resultCodeOf(node: JsonRecord): string | null {
  const key = resultCodeKey(node);
  return key === null ? null : String(node[key]);
}

/** What one level (the root or a wrapper) says about failure, or null when it says nothing. */
function readLevel(node: JsonRecord): FamilyFields | null {
  let flagged = false;
  for (const key of Object.keys(node).slice(0, MAX_ITEMS)) {
    const name = normalizeKey(key);
    const value = node[key];
    if (SUCCESS_FLAGS.has(name) && value === true) return null;
    if (ERROR_KEYS.has(name) && saysSomething(value)) return fromError(value, node);
    if (ERROR_LIST_KEYS.has(name) && Array.isArray(value) && value.slice(0, MAX_ITEMS).some(saysSomething)) return fromError(value, node);
    if (SUCCESS_FLAGS.has(name) && value === false) flagged = true;
    const word = typeof value === 'string' ? value.trim().toLowerCase() : null;
    if (STATUS_KEYS.has(name) && word !== null && FAILURE_WORDS.has(word)) flagged = true;
  }
  if (!flagged && resultCodeFails(node)) {
    // The level's own message may be empty when the reasons are per item (OKX batch orders).
    return partialFailure(node, true) ?? fromError(node, node) ?? { code: resultCodeOf(node) };
  }
  if (flagged) return fromError(node, node);
  if (node['errors'] === true || node['hasErrors'] === true || node['has_errors'] === true || node['partial'] === true) return partialFailure(node, true);
  return null;
}

function fromHeaders(view: BodyView): FamilyFields | null {
  for (const [name, value] of view.headers) {
    if (!generalSuccessHints.header?.test(name)) continue;
    const found = text(value);
    if (found === null || found === '0' || found.toLowerCase() === 'false') continue;
    return isCodeLike(found) && !/message$/.test(name) ? { code: found } : { message: found };
  }
  return null;
}

function match(view: BodyView): FamilyMatch | null {
  if (view.status >= 400) return null;
  const json = view.json;
  let fields: FamilyFields | null = null;
  if (isRecord(json)) {
    fields = readLevel(json);
    for (const key of Object.keys(json).slice(0, MAX_ITEMS)) {
      if (fields !== null) break;
      const inner = json[key];
      if (WRAPPER_KEYS.has(normalizeKey(key)) && isRecord(inner)) fields = readLevel(inner);
    }
    fields ??= partialFailure(json, false);
  } else if (Array.isArray(json)) {
    fields = partialFailure({ items: json }, false);
  }
  fields ??= fromHeaders(view);
  return fields === null ? null : { family: 'generic-in-2xx', strength: 1, fields };
}

/** An error inside a 1xx–3xx response in a dialect no family knows (a false success flag, an error object, failed bulk items). */
export const generalInSuccess = { id: 'generic-in-2xx', order: 995, successHints: generalSuccessHints, match } as const satisfies Family;

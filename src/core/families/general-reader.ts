/**
 * The general reader beneath every family: whatever a family leaves empty (code, message, field errors,
 * request id, docs link) is looked for here, on evidence, in any JSON body — top-level arrays and errors
 * nested under wrappers (`result`, `response`, `data`, `fault`) included. Keys are recognized by what
 * their names say (normalized: case, `_` and `-` ignored), not by a list of vendors, and values must
 * look like what the key promises (a code is identifier-shaped, a docs link is an http(s) URL).
 *
 * Bounded: breadth-first, at most MAX_DEPTH levels, MAX_NODES objects/arrays and MAX_ITEMS keys or items
 * per node, so a hostile body costs the same as a small one. Shallower findings win over deeper ones.
 */
import { isRecord, parseJson, pointerFromSegments, text, type JsonRecord } from '../json.ts';
import type { FieldError } from '../model.ts';
import { MAX_ITEMS } from './lenient.ts';

/** Deeper than this is payload, not envelope. */
const MAX_DEPTH = 6;
/** Objects and arrays looked at in one body, whatever its size. */
const MAX_NODES = 500;
/** Longest string read as a code; longer is prose or payload. */
const MAX_CODE_CHARS = 100;

export interface GeneralFields {
  readonly code: string | null;
  readonly message: string | null;
  readonly fieldErrors: readonly FieldError[];
  readonly requestId: string | null;
  readonly docsUrl: string | null;
}

/** `error_code`, `ErrorCode`, `error-code` → `errorcode`. */
export function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[_\-\s.]/g, '');
}

/**
 * Words an envelope uses to mark itself as an error (`"type": "error"`, `"object": "error"`,
 * `"status": "fail"`): they say that something failed, never which failure it was.
 */
const MARKER_VALUES = new Set(['error', 'errors', 'fail', 'failed', 'failure', 'fault', 'exception', 'ko', 'nok', 'false', 'true', 'object', 'invalid', 'err']);

/** A lower-case word/snake/dotted/kebab string, an UPPER_SNAKE string, a PascalCase name or a number-like id. */
const IDENTIFIER = /^(?:[a-z][a-z0-9]*(?:[_.-][a-z0-9]+)*|[A-Z][A-Z0-9]*(?:[_.-][A-Z0-9]+)*|[A-Z][a-zA-Z0-9]*(?:[_.][A-Za-z0-9]+)*|[A-Za-z][A-Za-z0-9]*(?:[_.:-][A-Za-z0-9]+)+|[A-Z]{1,6}[-_]?\d{1,8}|\d{1,10}(?:[.-]\d{1,6})?)$/;

/** True for a string that reads as a machine code, not prose and not an envelope marker. */
export function isCodeLike(value: string): boolean {
  return value.length <= MAX_CODE_CHARS && IDENTIFIER.test(value) && !isMarker(value) && !URI_SCHEME.test(value);
}

/** `about:blank`, `urn:…`, `https:…`: a URI, not a code. */
const URI_SCHEME = /^(?:about|urn|https?|mailto|data|javascript|tag):/i;

/** An envelope marker: `error`, `fail`, and list/response spellings of it (`error.list`, `error_response`). */
function isMarker(value: string): boolean {
  const lower = value.toLowerCase();
  return MARKER_VALUES.has(lower) || /^(?:errors?|fault)[._-]?(?:list|response|object|envelope|collection|message)$/.test(lower);
}

/** `type`/`name` hold a code only when it is clearly one (`invalid_request_error`, `ValidationError`, `NOT_FOUND`), not a plain word. */
function isDistinctiveCode(value: string): boolean {
  return isCodeLike(value) && (/[_.:-]/.test(value) || /(?:error|exception|fault)$/i.test(value) || /^[A-Z][A-Z0-9_]{2,}$/.test(value));
}

/** Code keys by preference (normalized), with how sure the name is: sure keys take any identifier. */
const CODE_KEYS: ReadonlyMap<string, number> = new Map([
  ['code', 0],
  ['errorcode', 0],
  ['errcode', 0],
  ['retcode', 0],
  ['scode', 0],
  ['errno', 0],
  ['resultcode', 1],
  ['returncode', 1],
  ['errorid', 5],
  ['faultcode', 0],
  ['errorkey', 1],
  ['errortype', 1],
  ['error', 2],
  ['reason', 3],
  ['subcode', 4],
  ['status', 4],
  ['type', 5],
  ['name', 6],
  ['errorname', 1],
  ['errorreason', 1],
  ['id', 7],
  ['category', 8],
  ['errorcategory', 8],
]);
/** Keys whose numbers are codes (elsewhere a number is a count, an id or a status). */
const NUMERIC_CODE_KEYS = new Set(['code', 'errorcode', 'errcode', 'subcode', 'faultcode', 'retcode', 'scode', 'errno', 'resultcode', 'returncode']);
/** Keys whose values must be distinctive (not a plain word) to count as a code. */
const LOOSE_CODE_KEYS = new Set(['type', 'name', 'status', 'reason', 'errorreason', 'category', 'errorcategory']);
/**
 * A one- or two-digit number under a code key (`{errorCode: 1, errorReason: "INVALID_PARAMETERS"}`, also
 * written as text: `"errorCode": "4"`) says less
 * than an identifier of the same object under a key that names the error (`errorReason`, `reason`, a text
 * `status`), so it ranks after them; it still beats a `type`/`name` class (Meta's `{code: 4, type:
 * "OAuthException"}`) and anything deeper. Larger numbers are a vendor's code space (Discord 50035) and keep their rank.
 */
const SMALL_NUMBER_PENALTY = 4.5;

/**
 * JSON-RPC 2.0 reserves −32768…−32000 for the protocol's own errors (parse error, invalid request…): a
 * classification, not the error. An identifier the error object carries one level down, in its `data` (tRPC's
 * `data.code: "BAD_REQUEST"` beside `code: -32600`), names it, so a reserved code ranks below anything one level deeper.
 */
const RESERVED_RPC_PENALTY = 150;

export function isReservedRpcCode(code: string): boolean {
  const number = /^-32\d{3}$/.test(code) ? Number(code) : 0;
  return number >= -32768 && number <= -32000;
}

/** Message keys by preference (normalized). `error`/`reason` count only when they hold prose. */
const MESSAGE_KEYS: ReadonlyMap<string, number> = new Map([
  ['message', 0],
  ['errormessage', 0],
  ['errormsg', 0],
  ['errmsg', 0],
  ['retmsg', 0],
  ['smsg', 0],
  ['statusmessage', 1],
  ['resultmessage', 1],
  ['returnmessage', 1],
  ['msg', 1],
  ['usermessage', 1],
  ['displaymessage', 1],
  ['localizedmessage', 1],
  ['humanmessage', 1],
  ['errordescription', 2],
  ['errordetail', 2],
  ['errorsummary', 2],
  ['detail', 2],
  ['description', 3],
  ['faultstring', 3],
  ['error', 4],
  ['reason', 5],
  ['details', 6],
  ['title', 7],
  ['developermessage', 8],
  ['errortext', 8],
  ['text', 9],
]);

/** Body keys that name a request, trace or correlation id (normalized). */
const REQUEST_ID_KEY = /^(?:x)?(?:request|req|trace|correlation|debug|incident|support|error|reference|ref|activity|operation|tracking|log)(?:id|identifier|uuid|ref|reference|number)$/;

/** Documentation and help keys in their many spellings (normalized). */
const DOCS_KEY = /^(?:documentation|docs?|help|moreinfo(?:rmation)?|info|learnmore|reference|seealso|errordoc|errordocs|errorinfo|support|troubleshooting)(?:url|uri|link|href|page)?$|^(?:doc|docs|help|info|link|more)(?:url|uri|link|href)$/;

/** Link relations that point at documentation (RFC 8288 `help`, `describedby`, JSON:API `about`). */
const DOCS_RELATION = /^(?:help|about|describedby|type)$|doc|info|learn|more|support|troubleshoot/i;

/** Keys under which the values filling a message's placeholders live. */
const PARAM_KEYS = new Set(['params', 'parameters', 'args', 'arguments', 'values', 'variables', 'vars', 'context', 'data', 'meta', 'metadata', 'details', 'extensions', 'messageparameters', 'placeholders', 'substitutions', 'replacements']);

/**
 * Path keys of a field-error item (normalized), by how surely they name the field: `field`, `invalidField`,
 * `fieldName`, `propertyPath`, `param`, `badParameter`, `pointer`, `loc`… and, last, keys that only sometimes do.
 */
const PATH_KEY_RANKS: readonly RegExp[] = [
  /^(?:\w*field(?:name|path)?|fieldid)$/,
  /^(?:\w*path|pointer|loc|\w*property(?:name)?|\w*param(?:eter)?(?:name)?|\w*attribute|attr)$/,
  /^(?:source|target|element|input|key|name|location|in)$/,
];
function pathKeyRank(name: string): number {
  return PATH_KEY_RANKS.findIndex((pattern) => pattern.test(name));
}
/** Message keys of a field-error item (normalized), by preference. */
const ITEM_MESSAGE_KEYS = ['message', 'msg', 'errormessage', 'defaultmessage', 'description', 'detail', 'reason', 'error', 'title', 'text', 'issue'];
const ITEM_CODE_KEYS = ['code', 'errorcode', 'type', 'rule', 'reason', 'kind', 'validator', 'keyword'];
/** Container names that hold a field → message(s) map. */
const FIELD_MAP_KEY = /(?:errors|violations?|invalid\w*|validation\w*|fields|failures|problems|issues|messages)$/;
/** Keys that make an object an error envelope rather than a field → message map. */
const ENVELOPE_KEYS = new Set(['message', 'msg', 'detail', 'description', 'code', 'errorcode', 'type', 'documentationurl', 'status', 'title']);

/** Keys holding a link that is documentation only when it is not the request's own URL. */
const BARE_LINK_KEYS = new Set(['url', 'uri', 'href', 'link']);

/** The link, unless it points at the request itself (same origin and path). */
function notTheRequest(link: string | null, requestUrl: string): string | null {
  if (link === null) return null;
  const strip = (url: string): string => url.split(/[?#]/)[0]?.replace(/\/$/, '') ?? url;
  return requestUrl !== '' && strip(link) === strip(requestUrl) ? null : link;
}

/** An object shaped like RFC 9457 problem details: a `type` next to a text `title` or `detail`. */
function isProblemShaped(node: JsonRecord): boolean {
  return typeof node['title'] === 'string' || typeof node['detail'] === 'string';
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s"'<>()[\]{}]{4,500}/;

interface Candidate<T> {
  readonly value: T;
  /** Depth × 100 + key rank: lower wins. */
  readonly score: number;
}

interface Found {
  code: Candidate<string> | null;
  message: Candidate<string> | null;
  fieldErrors: FieldError[] | null;
  requestId: Candidate<string> | null;
  docsUrl: Candidate<string> | null;
}

function better<T>(current: Candidate<T> | null, value: T | null, score: number): Candidate<T> | null {
  if (value === null) return current;
  return current === null || score < current.score ? { value, score } : current;
}

function httpLink(value: unknown): string | null {
  const raw = text(value);
  return raw !== null && /^https?:\/\/\S+$/i.test(raw) && raw.length <= 2000 ? raw : null;
}

/** True when every value of a (non-empty) map is a sentence. */
function proseOnly(map: JsonRecord): boolean {
  const keys = Object.keys(map).slice(0, MAX_ITEMS);
  return keys.length > 0 && keys.every((key) => {
    const value = text(map[key]);
    return value !== null && /\s/.test(value);
  });
}

/** A localized message object (`{"en": "…", "de": "…"}`, `{"lang": "en", "value": "…"}`): its English or first text. */
function localized(value: JsonRecord): string | null {
  const keys = Object.keys(value).slice(0, MAX_ITEMS);
  const english = keys.find((key) => /^en(?:[-_][a-z]{2})?$/i.test(key));
  if (english !== undefined) return text(value[english]);
  for (const key of ['value', 'text', 'default', 'message']) {
    if (Object.hasOwn(value, key)) return text(value[key]);
  }
  if (keys.length > 0 && keys.every((key) => /^[a-z]{2}(?:[-_][a-z]{2,4})?$/i.test(key))) return text(value[keys[0] ?? '']);
  return null;
}

/** True for text that reads as a sentence rather than an identifier. */
function isProse(value: string): boolean {
  return !isCodeLike(value) && !/^https?:\/\//i.test(value);
}

function messageOf(key: string, value: unknown): string | null {
  if (isRecord(value)) return key === 'error' || key === 'details' ? null : localized(value);
  if (Array.isArray(value)) return key === 'details' || key === 'message' ? text(value[0]) : null;
  const found = text(value);
  // A serialized structure (a JSON string inside a message) is data for a family to parse, not a sentence.
  if (found === null || (/^[[{]/.test(found) && parseJson(found) !== undefined)) return null;
  if ((key === 'error' || key === 'reason' || key === 'details' || key === 'text' || key === 'title') && !isProse(found)) return null;
  return found;
}

/**
 * A code read from `key`. An `id` names the error when the node says it is an error (Contentful's
 * `sys: {type: "Error", id: "NotFound"}`), or, in a node without a type, when it is a word (Heroku's
 * `"id": "rate_limit"`); a typed node's id (`{type: "Entry", id: "nyancat"}`) names a resource.
 */
function codeOf(key: string, value: unknown, status: number, typed = false, errorTyped = false): string | null {
  if (typeof value === 'number') {
    // A number equal to the HTTP status is the status echoed, not a code.
    return Number.isInteger(value) && value !== status && NUMERIC_CODE_KEYS.has(key) ? String(value) : null;
  }
  const found = text(value);
  if (found === null || !isCodeLike(found)) return null;
  if (String(status) === found) return null;
  // An `id` names the error only when it is a word, not a resource's id (Heroku, DigitalOcean: `"id": "not_found"`).
  if (key === 'id') return errorTyped || (!typed && /^[a-z]+(?:_[a-z]+)*$/.test(found)) ? found : null;
  return LOOSE_CODE_KEYS.has(key) || key === 'error' ? (isDistinctiveCode(found) || (key === 'error' && isCodeLike(found)) ? found : null) : found;
}

/**
 * Values for `{name}`, `{{name}}`, `%{name}`, `${name}`, `:name`, Magento's `%name` and positional `%1`/`{0}`
 * placeholders, from the node's parameter objects or lists (`parameters`, `params`, `args`…), the root's, or the
 * node's own members. A placeholder nothing fills is left as it is.
 */
function fillPlaceholders(message: string, node: JsonRecord, root: unknown): string {
  if (!/[{%:$]/.test(message)) return message;
  const named: JsonRecord[] = [];
  let positional: readonly unknown[] | null = null;
  for (const holder of [node, isRecord(root) ? root : null]) {
    if (holder === null) continue;
    for (const key of Object.keys(holder).slice(0, MAX_ITEMS)) {
      const value = holder[key];
      if (!PARAM_KEYS.has(normalizeKey(key))) continue;
      if (isRecord(value)) named.push(value);
      else if (Array.isArray(value)) positional ??= value;
    }
  }
  named.push(node);
  const scalar = (value: unknown): string | null => (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : null);
  const lookup = (name: string, base: 0 | 1): string | null => {
    if (/^\d{1,3}$/.test(name)) return positional === null ? null : scalar(positional[Number(name) - base]);
    for (const source of named) {
      if (Object.hasOwn(source, name)) return scalar(source[name]);
    }
    return null;
  };
  return message.replace(
    /\{\{\s*([\w.-]{1,64})\s*\}\}|[%$]?\{\s*([\w.-]{1,64})\s*\}|%([A-Za-z_]\w{0,63}|\d{1,3})\b|(?<![\w:/]):([a-z_]\w{0,63})\b/g,
    (whole: string, a?: string, b?: string, c?: string, d?: string) => {
      // `{0}` counts from 0 (Java MessageFormat), `%1` from 1 (Magento).
      const found = a !== undefined ? lookup(a, 0) : b !== undefined ? lookup(b, 0) : c !== undefined ? lookup(c, 1) : lookup(d ?? '', 0);
      return found ?? whole;
    },
  );
}

/** A path as the API writes it: strings kept verbatim, arrays of segments turned into a JSON Pointer. */
function pathOf(value: unknown): string | null {
  if (Array.isArray(value)) {
    const segments = value.filter((s): s is string | number => typeof s === 'string' || typeof s === 'number');
    // FastAPI/Pydantic put where the value was (`body`, `query`) first; it is not part of the field's path.
    return segments.length === 0 ? null : pointerFromSegments(segments);
  }
  if (isRecord(value)) return text(value['pointer']) ?? text(value['parameter']) ?? text(value['field']) ?? text(value['path']) ?? null;
  return typeof value === 'number' ? String(value) : text(value);
}

function itemField(item: JsonRecord): FieldError | null {
  let path: string | null = null;
  let pathRank = Infinity;
  let message: string | null = null;
  let messageRank = Infinity;
  let code: string | null = null;
  let codeRank = Infinity;
  for (const key of Object.keys(item).slice(0, MAX_ITEMS)) {
    const name = normalizeKey(key);
    const value = item[key];
    const p = pathKeyRank(name);
    if (p >= 0 && p < pathRank) {
      const found = pathOf(value);
      if (found !== null) {
        path = found;
        pathRank = p;
      }
    }
    const m = ITEM_MESSAGE_KEYS.indexOf(name);
    if (m >= 0 && m < messageRank) {
      const found = isRecord(value) ? localized(value) : text(value);
      if (found !== null && (name !== 'reason' || isProse(found))) {
        message = found;
        messageRank = m;
      }
    }
    const c = ITEM_CODE_KEYS.indexOf(name);
    if (c >= 0 && c < codeRank) {
      const found = typeof value === 'number' && Number.isInteger(value) ? String(value) : text(value);
      if (found !== null && isCodeLike(found)) {
        code = found;
        codeRank = c;
      }
    }
  }
  if (path === null || message === null) return null;
  return { path, message, ...(code === null ? {} : { code }) };
}

/** `[{field|path|loc…, message|reason…}]` → field errors, or null when the list is not of that shape. */
function fieldErrorList(list: readonly unknown[]): FieldError[] | null {
  const out: FieldError[] = [];
  for (const raw of list.slice(0, MAX_ITEMS)) {
    if (!isRecord(raw)) return null;
    const field = itemField(raw);
    if (field !== null) out.push(field);
  }
  return out.length === 0 ? null : out;
}

/** `{field: "msg" | ["msg", …] | {message}}`; nested maps (`{user: {name: [...]}}`) get a JSON Pointer. */
function fieldErrorMap(map: JsonRecord): FieldError[] | null {
  if (Object.keys(map).slice(0, MAX_ITEMS).filter((key) => ENVELOPE_KEYS.has(normalizeKey(key))).length >= 2) return null;
  const out: FieldError[] = [];
  const visit = (node: JsonRecord, at: readonly string[], depth: number): boolean => {
    for (const key of Object.keys(node).slice(0, MAX_ITEMS)) {
      if (out.length >= MAX_ITEMS) return true;
      const value = node[key];
      const path = at.length === 0 ? key : pointerFromSegments([...at, key]);
      if (typeof value === 'string') {
        const message = text(value);
        if (message === null) continue;
        out.push({ path, message });
      } else if (Array.isArray(value)) {
        for (const entry of value.slice(0, MAX_ITEMS)) {
          const message = isRecord(entry) ? (text(entry['message']) ?? text(entry['msg'])) : text(entry);
          if (message === null) return false;
          const code = isRecord(entry) ? (text(entry['code']) ?? text(entry['type'])) : null;
          out.push({ path, message, ...(code === null ? {} : { code }) });
        }
      } else if (isRecord(value)) {
        const message = text(value['message']) ?? text(value['msg']);
        if (message !== null) out.push({ path, message });
        else if (depth >= 4 || !visit(value, [...at, key], depth + 1)) return false;
      } else {
        return false;
      }
    }
    return true;
  };
  return visit(map, [], 0) && out.length > 0 ? out : null;
}

/** A link object or list whose relation says help/documentation (`links: {about: {href}}`, `[{rel: "help", href}]`). */
function docsFromLinks(value: unknown): string | null {
  if (Array.isArray(value)) {
    for (const link of value.slice(0, MAX_ITEMS)) {
      if (isRecord(link) && DOCS_RELATION.test(text(link['rel']) ?? '')) {
        const href = httpLink(link['href']) ?? httpLink(link['url']);
        if (href !== null) return href;
      }
    }
    return null;
  }
  if (!isRecord(value)) return null;
  for (const key of Object.keys(value).slice(0, MAX_ITEMS)) {
    if (!DOCS_RELATION.test(key) && !DOCS_KEY.test(normalizeKey(key))) continue;
    const link = value[key];
    const href = httpLink(link) ?? (isRecord(link) ? (httpLink(link['href']) ?? httpLink(link['url'])) : null);
    if (href !== null) return href;
  }
  return null;
}

function visitRecord(node: JsonRecord, depth: number, status: number, found: Found, root: unknown, requestUrl: string): void {
  const base = depth * 100;
  const nodeType = text(node['type']) ?? text(node['object']) ?? text(node['kind']);
  const typed = nodeType !== null;
  const errorTyped = nodeType !== null && isMarker(nodeType);
  for (const key of Object.keys(node).slice(0, MAX_ITEMS)) {
    const name = normalizeKey(key);
    const value = node[key];
    const messageRank = MESSAGE_KEYS.get(name) ?? (/^messages?(?:translations|text|localized)$|^(?:localized|translated)messages?$/.test(name) ? 3 : undefined);
    if (messageRank !== undefined) {
      const message = messageOf(name, value);
      found.message = better(found.message, message === null ? null : fillPlaceholders(message, node, root), base + messageRank);
    }
    const codeRank = CODE_KEYS.get(name);
    if (codeRank !== undefined) {
      const code = codeOf(name, value, status, typed, errorTyped);
      const small = code !== null && /^-?\d{1,2}$/.test(code);
      const penalty = code === null ? 0 : small ? SMALL_NUMBER_PENALTY : isReservedRpcCode(code) ? RESERVED_RPC_PENALTY : 0;
      found.code = better(found.code, code, base + codeRank + penalty);
    }
    if (REQUEST_ID_KEY.test(name) && name !== 'errorcode') {
      const id = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : text(value);
      found.requestId = better(found.requestId, id !== null && id.length <= 200 && !/\s/.test(id) ? id : null, base);
    }
    if (DOCS_KEY.test(name)) found.docsUrl = better(found.docsUrl, httpLink(value), base);
    // A bare `url` next to an error says where to read about it (Heroku), unless it only echoes the request.
    if (BARE_LINK_KEYS.has(name)) found.docsUrl = better(found.docsUrl, notTheRequest(httpLink(value), requestUrl), base + 2);
    if (name === 'links' || name === 'link') found.docsUrl = better(found.docsUrl, docsFromLinks(value), base + 1);
    // A problem-details object wherever it is nested (`{error: {type, title, detail, status}}`): its `type` URL is
    // the page about the problem, unless it only echoes the request (about:blank is no http(s) link at all).
    if (name === 'type' && isProblemShaped(node)) found.docsUrl = better(found.docsUrl, notTheRequest(httpLink(value), requestUrl), base + 3);
    if (found.fieldErrors === null && isRecord(value) && FIELD_MAP_KEY.test(name)) found.fieldErrors = fieldErrorMap(value);
    // WordPress `data.params: {title: "title is not of type string."}`: parameters whose values are sentences.
    if (found.fieldErrors === null && isRecord(value) && (name === 'params' || name === 'parameters') && proseOnly(value)) found.fieldErrors = fieldErrorMap(value);
  }
  // One field error spelled out on the error object itself (`{field: "email", message: "…"}`).
  if (found.fieldErrors === null && depth > 0) {
    const single = itemField(node);
    if (single !== null && Object.keys(node).some((key) => pathKeyRank(normalizeKey(key)) === 0 && text(node[key]) !== null)) {
      found.fieldErrors = [single];
    }
  }
}

/**
 * The last body read: the fallback family and the pipeline both ask for the same body's reading (a parsed body
 * is never modified), and the walk is the costly part of decoding an error no family knows.
 */
let last: { readonly json: object; readonly status: number; readonly requestUrl: string; readonly fields: GeneralFields } | null = null;

/** Reads what it can from any JSON body; every field is null (or empty) when nothing fits. */
export function readGeneral(json: unknown, status: number, requestUrl = ''): GeneralFields {
  if (typeof json !== 'object' || json === null) return { code: null, message: null, fieldErrors: [], requestId: null, docsUrl: null };
  if (last !== null && last.json === json && last.status === status && last.requestUrl === requestUrl) return last.fields;
  const found: Found = { code: null, message: null, fieldErrors: null, requestId: null, docsUrl: null };
  walk(json, status, found, requestUrl);
  const message = found.message?.value ?? null;
  const fields: GeneralFields = {
    code: found.code?.value ?? null,
    message,
    fieldErrors: found.fieldErrors ?? [],
    requestId: found.requestId?.value ?? null,
    docsUrl: found.docsUrl?.value ?? (message === null ? null : (URL_IN_TEXT.exec(message)?.[0]?.replace(/[.,;:!?]+$/, '') ?? null)),
  };
  last = { json, status, requestUrl, fields };
  return fields;
}

function walk(root: object, status: number, found: Found, requestUrl: string): void {
  let level: unknown[] = [root];
  let nodes = 0;
  for (let depth = 0; depth <= MAX_DEPTH && level.length > 0; depth++) {
    const next: unknown[] = [];
    for (const node of level) {
      if (++nodes > MAX_NODES) return;
      if (Array.isArray(node)) {
        found.fieldErrors ??= fieldErrorList(node);
        // A list of sentences (`errors: ["…"]`) says what went wrong when nothing nearer does.
        found.message = better(found.message, text(node[0]), depth * 100 + 50);
        next.push(...node.slice(0, MAX_ITEMS));
      } else if (isRecord(node)) {
        visitRecord(node, depth, status, found, root, requestUrl);
        for (const key of Object.keys(node).slice(0, MAX_ITEMS)) next.push(node[key]);
      }
    }
    level = next.filter((child) => typeof child === 'object' && child !== null);
  }
}

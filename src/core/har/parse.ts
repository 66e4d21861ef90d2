import * as z from 'zod/mini';

/**
 * HAR 1.2 as Chrome, Firefox and HAR tools write it: only the members Faultline reads are validated;
 * everything else (timings, cookies…) is optional and ignored. Chrome's `_resourceType` and `_error` are
 * read when present (they tell a CORS-blocked response apart).
 */
const header = z.object({ name: z.string(), value: z.string() });

export const harEntrySchema = z.object({
  startedDateTime: z.string().check(z.refine((value) => Number.isFinite(Date.parse(value)), 'must be a date')),
  time: z.number(),
  timings: z.optional(z.unknown()),
  request: z.object({
    method: z.string(),
    url: z.string(),
    headers: z.array(header),
    postData: z.optional(z.object({ text: z.optional(z.string()) })),
  }),
  response: z.object({
    status: z.number(),
    statusText: z.optional(z.string()),
    headers: z.array(header),
    content: z.object({
      text: z.optional(z.string()),
      encoding: z.optional(z.string()),
      mimeType: z.optional(z.string()),
      // Playwright's recordHar with `content: 'attach'`: the body is a file next to the HAR.
      _file: z.optional(z.string()),
    }),
    // The browser's failure text: Chrome's `_error`, Playwright's `_failureText`. Any other type is
    // ignored rather than refused (it only adds a CORS hint).
    _error: z.catch(z.nullish(z.string()), undefined),
    _failureText: z.catch(z.nullish(z.string()), undefined),
  }),
  _resourceType: z.catch(z.optional(z.string()), undefined),
});

export type HarEntry = z.infer<typeof harEntrySchema>;

const isString = (value: unknown): value is string => typeof value === 'string';
const isOptionalString = (value: unknown): boolean => value === undefined || typeof value === 'string';
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isHeaderList = (value: unknown): boolean => Array.isArray(value) && value.every((h) => isRecord(h) && isString(h.name) && isString(h.value));

/**
 * The common case of harEntrySchema without building a copy of the entry: zod's object parse copies
 * every header object, which on a HAR of many small entries costs more than parsing them. Stricter
 * than the schema, never looser (har.test.ts checks this): when it says no, the schema decides and
 * names the problem.
 */
export function isPlainHarEntry(value: unknown): value is HarEntry {
  if (!isRecord(value) || !isString(value.startedDateTime) || typeof value.time !== 'number' || !isOptionalString(value._resourceType)) return false;
  const { request, response } = value;
  if (!isRecord(request) || !isString(request.method) || !isString(request.url) || !isHeaderList(request.headers)) return false;
  if (request.postData !== undefined && !(isRecord(request.postData) && isOptionalString(request.postData.text))) return false;
  if (!isRecord(response) || typeof response.status !== 'number' || !isOptionalString(response.statusText) || !isHeaderList(response.headers)) return false;
  const { content } = response;
  if (!isRecord(content) || !isOptionalString(content.text) || !isOptionalString(content.encoding) || !isOptionalString(content.mimeType) || !isOptionalString(content._file)) return false;
  return Number.isFinite(Date.parse(value.startedDateTime));
}

/** `["log", "entries", 3, "response"]` → `log.entries[3].response`. */
function memberPath(path: readonly PropertyKey[]): string {
  return path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : `${i === 0 ? '' : '.'}${String(segment)}`)).join('');
}

/** The value at a zod issue path, to tell "missing" from "wrong type". */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/** One line for the first problem zod found, named by its path in the file (`log.entries[3].time must be a number`). */
export function describeIssue(root: unknown, issue: z.core.$ZodIssue): string {
  const where = memberPath(issue.path);
  if (issue.code === 'invalid_type') {
    if (valueAt(root, issue.path) === undefined) return `${where || 'the file'} is missing`;
    return `${where || 'the file'} must be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
  }
  return `${where || 'the file'} ${issue.message}`;
}

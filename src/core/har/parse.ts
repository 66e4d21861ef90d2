import { z } from 'zod';

/**
 * HAR 1.2 as Chrome, Firefox and HAR tools write it: only the members Faultline reads are validated;
 * everything else (timings, cookies…) is optional and ignored. Chrome's `_resourceType` and `_error` are
 * read when present (they tell a CORS-blocked response apart).
 */
const header = z.object({ name: z.string(), value: z.string() });

export const harEntrySchema = z.object({
  startedDateTime: z.string().refine((value) => Number.isFinite(Date.parse(value)), 'must be a date'),
  time: z.number(),
  timings: z.unknown().optional(),
  request: z.object({
    method: z.string(),
    url: z.string(),
    headers: z.array(header),
    postData: z.object({ text: z.string().optional() }).optional(),
  }),
  response: z.object({
    status: z.number(),
    statusText: z.string().optional(),
    headers: z.array(header),
    content: z.object({
      text: z.string().optional(),
      encoding: z.string().optional(),
      mimeType: z.string().optional(),
      // Playwright's recordHar with `content: 'attach'`: the body is a file next to the HAR.
      _file: z.string().optional(),
    }),
    // Chrome's failure marker; any other type is ignored rather than refused (it only adds a CORS hint).
    _error: z.string().nullish().catch(undefined),
  }),
  _resourceType: z.string().optional().catch(undefined),
});

export type HarEntry = z.infer<typeof harEntrySchema>;

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

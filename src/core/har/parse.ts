import { z } from 'zod';

/**
 * HAR 1.2 as Chrome, Firefox and HAR tools write it: only the members Faultline reads are validated;
 * everything else (timings, cookies, Chrome's `_resourceType`…) is optional and ignored.
 */
const header = z.object({ name: z.string(), value: z.string() });

const harEntrySchema = z.object({
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
    }),
  }),
});

const harSchema = z.object({ log: z.object({ entries: z.array(harEntrySchema) }) });

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

function describeIssue(root: unknown, issue: z.core.$ZodIssue): string {
  const where = memberPath(issue.path);
  if (issue.code === 'invalid_type') {
    if (valueAt(root, issue.path) === undefined) return `${where || 'the file'} is missing`;
    return `${where || 'the file'} must be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
  }
  return `${where || 'the file'} ${issue.message}`;
}

/** Parses and validates a HAR file's text; bad input gets one line saying what is wrong. */
export function parseHar(text: string): { readonly entries: readonly HarEntry[] } | { readonly error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (error) {
    return { error: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const result = harSchema.safeParse(json);
  if (!result.success) {
    const [issue] = result.error.issues;
    return { error: `not a HAR file: ${issue === undefined ? 'invalid structure' : describeIssue(json, issue)}` };
  }
  return { entries: result.data.log.entries };
}

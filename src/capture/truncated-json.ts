/**
 * Reads the JSON in a body that was cut before its end (Firefox keeps the first megabyte of a response;
 * a capture cap may cut one too): the error's code and message are in its first bytes, so the prefix is
 * closed into a document that parses. First the cut value itself is kept (a long string is closed where
 * it stops); if that does not parse, the prefix is cut back to the last complete member or item. One
 * linear scan, no parsing beyond the final JSON.parse: bodies here are up to megabytes.
 */

const CLOSER: Readonly<Record<string, string>> = { '{': '}', '[': ']' };

function closers(stack: string): string {
  let out = '';
  for (let i = stack.length - 1; i >= 0; i--) out += CLOSER[stack[i] ?? ''] ?? '';
  return out;
}

function parses(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The value of a truncated JSON object or array prefix, or undefined when no complete part can be recovered. */
export function parseTruncatedJson(prefix: string): unknown {
  const start = prefix.search(/\S/);
  if (start < 0 || (prefix[start] !== '{' && prefix[start] !== '[')) return undefined;
  let stack = '';
  let inString = false;
  let escaped = false;
  /** The last place where a member or item ended (before a comma), and the containers open there. */
  let safeEnd = -1;
  let safeStack = '';
  for (let i = start; i < prefix.length; i++) {
    const c = prefix[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === '{' || c === '[') {
      stack += c;
    } else if (c === '}' || c === ']') {
      stack = stack.slice(0, -1);
      if (stack === '') return parses(prefix.slice(0, i + 1)); // complete after all
    } else if (c === ',') {
      safeEnd = i;
      safeStack = stack;
    }
  }
  // Keep the value that was cut: close its string (dropping a dangling escape), then the containers.
  let tail = prefix;
  if (inString) tail = (escaped ? tail.slice(0, -1) : tail.replace(/\\u[0-9a-fA-F]{0,3}$/, '')) + '"';
  const whole = parses(tail + closers(stack));
  if (whole !== undefined) return whole;
  return safeEnd < 0 ? undefined : parses(prefix.slice(0, safeEnd) + closers(safeStack));
}

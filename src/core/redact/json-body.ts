/**
 * Secret members of a JSON text, found in one left-to-right pass that keeps the text byte for byte
 * apart from the values it replaces: formatting survives, depth is moot (no recursion over the
 * document), and hostile input costs linear time. Malformed JSON is scanned as far as it makes
 * sense; the value scan that follows still covers all of it.
 */
import { redactGraphqlLiterals } from './graphql.ts';
import { REDACTED } from './marker.ts';
import { isSecretName } from './names.ts';
import { redactUrl } from './url.ts';

/** Members under which a secret-named member holds a message about the field, not the secret (`errors.password: "is too short"`). */
const ERROR_CONTAINER = /error|violation|invalid|detail|message|problem|issue|warning|validation/i;

/** How deep JSON nested in a JSON string is followed (`"body": "{\"password\":…}"`). */
const MAX_NESTED = 4;

/** End index (exclusive) of the JSON string starting at `start` (a `"`), or -1 when it never closes. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 34) return i + 1;
  }
  return -1;
}

/** End index (exclusive) of a number or literal starting at `start`: up to whitespace or `,` `]` `}` `:`. */
function scalarEnd(text: string, start: number): number {
  let i = start;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 93 || c === 125 || c === 58 || c === 32 || c === 10 || c === 13 || c === 9) break;
  }
  return i;
}

function parseString(literal: string): string | null {
  if (!literal.includes('\\')) return literal.slice(1, -1);
  try {
    return JSON.parse(literal) as string;
  } catch {
    return null;
  }
}

/** A string value with what is inside it sanitized: nested JSON, a URL, a GraphQL document. */
function redactStringValue(literal: string, member: string | null, depth: number): string {
  // Most strings hold none of these; parsing only the others keeps a large body cheap.
  const isQuery = member === 'query' || member === 'mutation';
  if (literal.length < 3 || (!isQuery && !literal.includes('{') && !literal.includes('[') && !literal.includes('://'))) return literal;
  const value = parseString(literal);
  if (value === null) return literal;
  let next = value;
  const trimmed = value.trimStart();
  if ((trimmed.startsWith('{') || trimmed.startsWith('[')) && depth < MAX_NESTED) next = redactJson(value, depth + 1);
  else if (/^https?:\/\//i.test(trimmed)) next = redactUrl(value);
  else if (isQuery) next = redactGraphqlLiterals(value);
  return next === value ? literal : JSON.stringify(next);
}

interface Frame {
  readonly isObject: boolean;
  /** The member this container is the value of. */
  readonly member: string | null;
  /** Whether this container or one around it holds error messages. */
  readonly inErrors: boolean;
  /** Whether this container is the value of a secret member (`"credentials": {…}`, `"auth": {"value": …}`): every value inside is one. */
  readonly secret: boolean;
}

/** A message about a field rather than its value: words separated by spaces. */
function isProse(value: string): boolean {
  return /^"[^"]*[A-Za-z]{2,}\s+[A-Za-z]{2,}[^"]*"$/.test(value);
}

/** The JSON text with the values of secret members replaced by "[REDACTED]" and URLs, nested JSON and GraphQL inside strings sanitized. */
export function redactJson(text: string, depth = 0): string {
  let out = '';
  let copied = 0;
  const stack: Frame[] = [];
  let member: string | null = null;
  let expectKey = false;
  let i = 0;
  const replace = (start: number, end: number, replacement: string): void => {
    out += text.slice(copied, start) + replacement;
    copied = end;
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '{' || c === '[') {
      const parent = stack.at(-1);
      const inErrors = (parent?.inErrors ?? false) || (member !== null && ERROR_CONTAINER.test(member));
      const secret = (parent?.secret ?? false) || (!inErrors && member !== null && isSecretName(member, 'member'));
      stack.push({ isObject: c === '{', member, inErrors, secret });
      expectKey = c === '{';
      member = null;
      i++;
    } else if (c === '}' || c === ']') {
      stack.pop();
      member = null;
      expectKey = false;
      i++;
    } else if (c === ',') {
      expectKey = stack.at(-1)?.isObject ?? false;
      member = null;
      i++;
    } else if (c === ':' || c === ' ' || c === '\n' || c === '\r' || c === '\t') {
      i++;
    } else if (c === '"') {
      const end = stringEnd(text, i);
      if (end === -1) break;
      const literal = text.slice(i, end);
      if (expectKey) {
        member = parseString(literal);
        expectKey = false;
      } else {
        const frame = stack.at(-1);
        const isMemberValue = frame?.isObject === true && member !== null;
        const named = (isMemberValue && member !== null && isSecretName(member, 'member')) || frame?.secret === true;
        if (named && !(frame?.inErrors === true && isProse(literal))) {
          replace(i, end, `"${REDACTED}"`);
        } else {
          const redacted = redactStringValue(literal, isMemberValue ? member : null, depth);
          if (redacted !== literal) replace(i, end, redacted);
        }
      }
      i = end;
    } else {
      // A number or literal: numeric passwords and PINs (`"pin": 1234`) are secrets too; true/false/null say nothing.
      const end = Math.max(scalarEnd(text, i), i + 1);
      const frame = stack.at(-1);
      const literal = text.slice(i, end);
      const named = (frame?.isObject === true && member !== null && isSecretName(member, 'member')) || frame?.secret === true;
      if (named && /^-?\d/.test(literal)) replace(i, end, `"${REDACTED}"`);
      i = end;
    }
  }
  return out + text.slice(copied);
}

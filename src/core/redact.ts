/**
 * Redaction of secrets in what the user copies or exports (cURL/fetch snippets, reports). Copied text
 * ends up in chats and tickets, so credentials are replaced by a visible placeholder unless the user
 * opts in. Pure string work: linear-time regexes only, nothing recursive.
 */
import type { HttpHeader } from './exchange.ts';

export const REDACTED = '[REDACTED]';

/** Header names whose whole value is a credential. */
const SECRET_HEADER_NAMES = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

/** Any header name containing one of these carries a credential (X-API-Key, X-Auth-Token, X-Client-Secret…). */
const SECRET_HEADER_PART = /api-?key|api_key|token|secret|auth|password|session/i;

/** Query/form parameter names whose value is a credential. */
const SECRET_PARAM_NAMES = new Set(['key', 'sig', 'auth', 'code', 'pass', 'pwd', 'passwd', 'session', 'sessionid']);
const SECRET_NAME_PART = /token|secret|password|signature|api-?key|api_key|credential|access_key/i;

/** JSON member names that hold a credential; narrower than parameters (`"code"`, `"key"` are usually data). */
const SECRET_MEMBER_NAMES = new Set(['pass', 'pwd', 'passwd', 'auth', 'authorization', 'sig']);

/** Runs of base64url characters and dots: the only places a JWT can sit. */
const TOKEN_RUN = /[A-Za-z0-9_.-]+/g;

/**
 * JWT-looking tokens (header.payload.signature, the header being base64url JSON, so starting `eyJ`)
 * inside one run, found by splitting on dots rather than by a backtracking pattern.
 */
function redactJwtsInRun(run: string): string {
  const segments = run.split('.');
  const out: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] ?? '';
    const payload = segments[i + 1];
    if (segment.startsWith('eyJ') && segment.length >= 7 && payload !== undefined && payload.length >= 4 && i + 2 < segments.length) {
      out.push(REDACTED);
      i += 2;
    } else {
      out.push(segment);
    }
  }
  return out.join('.');
}

export function isSecretHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return SECRET_HEADER_NAMES.has(lower) || SECRET_HEADER_PART.test(lower);
}

export function isSecretParam(name: string): boolean {
  const lower = safeDecode(name).toLowerCase();
  return SECRET_PARAM_NAMES.has(lower) || SECRET_NAME_PART.test(lower);
}

export function isSecretMember(name: string): boolean {
  return SECRET_MEMBER_NAMES.has(name.toLowerCase()) || SECRET_NAME_PART.test(name);
}

/** Replaces every JWT-looking substring. */
export function redactJwts(value: string): string {
  return value.replace(TOKEN_RUN, (run) => (run.includes('eyJ') ? redactJwtsInRun(run) : run));
}

function safeDecode(component: string): string {
  try {
    return decodeURIComponent(component.replace(/\+/g, ' '));
  } catch {
    return component;
  }
}

/** `name=value; other=value` → names kept, values hidden (which cookie was sent is often the clue). */
function redactCookieList(value: string): string {
  return value
    .split(';')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq === -1 ? pair : `${pair.slice(0, eq)}=${REDACTED}`;
    })
    .join(';');
}

/** `Set-Cookie: id=abc; Path=/; HttpOnly` → only the cookie value hidden, attributes kept. */
function redactSetCookie(value: string): string {
  const semi = value.indexOf(';');
  const first = semi === -1 ? value : value.slice(0, semi);
  const eq = first.indexOf('=');
  return eq === -1 ? REDACTED : `${first.slice(0, eq)}=${REDACTED}${semi === -1 ? '' : value.slice(semi)}`;
}

/** The value of a header with secrets hidden; the auth scheme stays visible (`Bearer [REDACTED]`). */
export function redactHeaderValue(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (lower === 'cookie') return redactCookieList(value);
  if (lower === 'set-cookie') return redactSetCookie(value);
  if (lower === 'authorization' || lower === 'proxy-authorization') {
    const scheme = /^\s*([A-Za-z][A-Za-z0-9._~+-]*)\s+\S/.exec(value);
    return scheme === null ? REDACTED : `${scheme[1] ?? ''} ${REDACTED}`;
  }
  if (isSecretHeader(lower)) return REDACTED;
  return redactJwts(value);
}

export function redactHeaders(headers: readonly HttpHeader[]): HttpHeader[] {
  return headers.map(({ name, value }) => ({ name, value: redactHeaderValue(name, value) }));
}

/** `a=1&token=xyz` → `a=1&token=[REDACTED]`; JWT values are hidden whatever their name. */
export function redactParams(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq === -1) return redactJwts(pair);
      const name = pair.slice(0, eq);
      return isSecretParam(name) ? `${name}=${REDACTED}` : `${name}=${redactJwts(pair.slice(eq + 1))}`;
    })
    .join('&');
}

/**
 * The URL with credentials hidden: userinfo password, secret query parameters and JWTs. The rest is
 * kept byte for byte (no URL re-serialization), so the copied command still targets the same URL.
 */
export function redactUrl(url: string): string {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : url.slice(hashAt);
  const queryAt = beforeHash.indexOf('?');
  const base = queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt);
  const query = queryAt === -1 ? null : beforeHash.slice(queryAt + 1);
  const withoutPassword = base.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/:@]*):[^/@]*@/i, `$1:${REDACTED}@`);
  return redactJwts(withoutPassword) + (query === null ? '' : `?${redactParams(query)}`) + redactJwts(hash);
}

/** End index (exclusive) of the JSON string starting at `start` (a `"`), or -1 when it never closes. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '"') return i + 1;
  }
  return -1;
}

/**
 * Replaces the string value of secret members (`"password": "…"`) in one left-to-right pass over the
 * text: formatting is preserved, depth is moot, and hostile input costs linear time.
 */
function redactJsonMembers(text: string): string {
  let out = '';
  let copied = 0;
  let i = text.indexOf('"');
  while (i !== -1) {
    const nameEnd = stringEnd(text, i);
    if (nameEnd === -1) break;
    const colon = /^\s*:\s*"/.exec(text.slice(nameEnd, nameEnd + 64));
    if (colon === null) {
      i = text.indexOf('"', nameEnd);
      continue;
    }
    const valueStart = nameEnd + colon[0].length - 1;
    const valueEnd = stringEnd(text, valueStart);
    if (valueEnd === -1) break;
    if (isSecretMember(text.slice(i + 1, nameEnd - 1))) {
      out += `${text.slice(copied, valueStart)}"${REDACTED}"`;
      copied = valueEnd;
    }
    i = text.indexOf('"', valueEnd);
  }
  return out + text.slice(copied);
}

/**
 * A request body with credentials hidden: secret members of JSON (`"password": "…"`), secret fields
 * of form bodies, and JWTs anywhere.
 */
export function redactBody(body: string, contentType = ''): string {
  if (/^application\/x-www-form-urlencoded\b/i.test(contentType.trim())) return redactParams(body);
  return redactJwts(redactJsonMembers(body));
}

/**
 * The one URL sanitizer: every URL that leaves Faultline (request URL, Referer, Location, Origin,
 * HAR redirectURL, the `:path` pseudo-header, docs links) goes through here. It hides userinfo in
 * every form (`user:pass@`, a token alone, a password containing `@`), query, matrix (`;`) and
 * fragment parameters with secret names or values, path segments shaped like credentials (bot
 * tokens, webhook secrets), and known token formats anywhere. Everything else is kept byte for
 * byte (no re-serialization), so a copied command still targets the same URL.
 */
import { REDACTED } from './marker.ts';
import { isSecretName } from './names.ts';
import { hasToken, looksRandom, redactTokens } from './scan.ts';

function decode(component: string): string {
  try {
    return decodeURIComponent(component.replace(/\+/g, ' '));
  } catch {
    return component;
  }
}

/** A URL or path nested in a parameter (`redirect_uri=https%3A%2F%2F…%3Fcode%3D…`, `next=/cb?token=…`). */
const NESTED_URL = /^(?:[a-z][a-z0-9+.-]*:)?\/\/|^\/[^/]/i;

function redactValue(raw: string): string {
  const decoded = decode(raw);
  if (looksRandom(decoded)) return REDACTED;
  if (NESTED_URL.test(decoded)) {
    const nested = redactUrl(decoded);
    if (nested !== decoded) return encodeURIComponent(nested);
  }
  // Tokens written as they are go in the scan over the whole URL; only an encoded one needs decoding first.
  return decoded !== raw && hasToken(decoded) ? encodeURIComponent(redactTokens(decoded)) : raw;
}

/**
 * `a=1&token=xyz` (query, fragment, form body) or `;jsessionid=…` (matrix parameters) with the
 * values of secret names, and secret-looking values of any name, replaced.
 */
export function redactPairs(text: string, separator: '&' | ';'): string {
  return text
    .split(separator)
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq === -1) return redactValue(pair);
      const name = pair.slice(0, eq);
      return isSecretName(decode(name), 'param') ? `${name}=${REDACTED}` : `${name}=${redactValue(pair.slice(eq + 1))}`;
    })
    .join(separator);
}

/**
 * Paths whose secret is a segment of no known format, by route (the segment captured is replaced):
 * Slack incoming webhooks `/services/T…/B…/<secret>` (api.slack.com/messaging/webhooks), Discord
 * webhooks `/webhooks/<id>/<token>` (discord.com/developers/docs/resources/webhook), Microsoft Teams
 * `/IncomingWebhook/<hex>/` (learn.microsoft.com "Create an Incoming Webhook").
 */
const WEBHOOK_SECRET = [/(\/services\/T[0-9A-Z]+\/B[0-9A-Z]+\/)([^/?#;]+)/, /(\/webhooks\/\d+\/)([^/?#;]+)/, /(\/IncomingWebhook\/)([^/?#;]+)/];

function redactSegment(segment: string): string {
  const semi = segment.indexOf(';');
  const head = semi === -1 ? segment : segment.slice(0, semi);
  const matrix = semi === -1 ? '' : `;${redactPairs(segment.slice(semi + 1), ';')}`;
  return (looksRandom(decode(head)) ? REDACTED : head) + matrix;
}

function redactPath(path: string): string {
  let out = path.split('/').map(redactSegment).join('/');
  for (const route of WEBHOOK_SECRET) out = out.replace(route, `$1${REDACTED}`);
  return out;
}

/** `user:pass@` → `user:[REDACTED]@`; a userinfo that is a credential itself (`ghp_…@`, `<key>@`) → `[REDACTED]@`. */
function redactUserinfo(userinfo: string): string {
  const colon = userinfo.indexOf(':');
  const user = colon === -1 ? userinfo : userinfo.slice(0, colon);
  const userIsSecret = hasToken(user) || looksRandom(decode(user)) || (colon === -1 && user.length >= 16);
  if (userIsSecret) return REDACTED;
  return colon === -1 ? user : `${user}:${REDACTED}`;
}

/** Where the authority of an absolute or scheme-relative URL starts, or -1 for a path. */
function authorityStart(url: string): number {
  const scheme = /^[a-z][a-z0-9+.-]*:[/\\]{2}/i.exec(url);
  if (scheme !== null) return scheme[0].length;
  return /^[/\\]{2}/.test(url) ? 2 : -1;
}

/** The URL (absolute, scheme-relative or a bare path such as `:path`) with every credential replaced by [REDACTED]. */
export function redactUrl(url: string): string {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const fragment = hashAt === -1 ? null : url.slice(hashAt + 1);
  const queryAt = beforeHash.indexOf('?');
  const base = queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt);
  const query = queryAt === -1 ? null : beforeHash.slice(queryAt + 1);

  const start = authorityStart(base);
  let prefix = '';
  let path = base;
  if (start !== -1) {
    const rest = base.slice(start);
    const end = rest.search(/[/\\]/);
    const authority = end === -1 ? rest : rest.slice(0, end);
    // The last `@` ends the userinfo: a password may contain `@` itself (`https://u:p@ss@host/`).
    const at = authority.lastIndexOf('@');
    prefix = base.slice(0, start) + (at === -1 ? authority : `${redactUserinfo(authority.slice(0, at))}${authority.slice(at)}`);
    path = end === -1 ? '' : rest.slice(end);
  }
  let out = prefix + redactPath(path);
  if (query !== null) out += `?${redactPairs(query, '&')}`;
  if (fragment !== null) out += `#${redactFragment(fragment)}`;
  return redactTokens(out);
}

/** `#access_token=…&state=…` (OAuth implicit flow) or a client-side route `#/cb?token=…`. */
function redactFragment(fragment: string): string {
  const queryAt = fragment.indexOf('?');
  if (queryAt !== -1) return `${redactPath(fragment.slice(0, queryAt))}?${redactPairs(fragment.slice(queryAt + 1), '&')}`;
  return fragment.includes('=') ? redactPairs(fragment, '&') : redactPath(fragment);
}

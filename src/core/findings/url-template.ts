/**
 * The shape of a request URL with its variable parts replaced, so that `/users/1017/orders` and
 * `/users/88/orders` read as one endpoint: `/users/:id/orders`. Path segments that identify one
 * resource become placeholders; query values are dropped and the keys kept (sorted, once each), since
 * `?page=2` and `?page=3` ask the same endpoint.
 */

/** Letters and digits mixed in one run: what generated ids look like and words, versions (`v1beta`) and numbers do not. */
const MIXED = /^(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{8,}$/;

/**
 * Opaque tokens: ULIDs (26 Crockford base32), nanoids, base64url keys — long, with a run that mixes
 * letters and digits. A slug made of words and numbers (`stripe-500-should-not-retry`) names an endpoint.
 */
function isOpaqueToken(segment: string): boolean {
  return segment.length >= 16 && /^[A-Za-z0-9_-]+$/.test(segment) && segment.split(/[_-]/).some((part) => MIXED.test(part));
}

const PLACEHOLDERS: readonly (readonly [RegExp | ((segment: string) => boolean), string])[] = [
  // RFC 9562 UUIDs (any version), with or without braces.
  [/^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i, ':uuid'],
  // Numeric ids: database keys, Discord/Twitter snowflakes, GitHub issue numbers.
  [/^\d+$/, ':id'],
  // Calendar dates and timestamps in a path (`/reports/2024-05-01`, `/v1/usage/2024-05-01T00:00:00Z`).
  [/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/i, ':date'],
  // Email addresses (`/users/alice@example.com`, percent-encoded `@` included).
  [/^[^/@\s]+(?:@|%40)[^/@\s]+\.[^/@\s]+$/i, ':email'],
  // Hex of 8 or more: content hashes (sha1/sha256), MongoDB ObjectIds (24), commit SHAs, Pterodactyl server ids (8).
  [/^(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}$/i, ':hash'],
  // Vendor ids with a type prefix: HostUp `vps_abc123`, Stripe `cus_NffrFeUfNV2Hib`, `cs_test_a1B2c3…`, OpenAI `asst_abc123…`, `file-abc123…`.
  [/^[a-z]{1,12}(?:_[a-z]{1,8})?[_-](?=[A-Za-z0-9]*\d)[A-Za-z0-9]{6,}$/, ':id'],
  [isOpaqueToken, ':id'],
];

/** `1017` → `:id`; a segment that names a collection or an action (`orders`, `v2`, `hello-world`) stays. */
function templateSegment(segment: string): string {
  if (segment === '') return segment;
  for (const [test, placeholder] of PLACEHOLDERS) if (typeof test === 'function' ? test(segment) : test.test(segment)) return placeholder;
  return segment;
}

export interface UrlShape {
  /** `api.example.com` (with the port when the URL has one); empty when the URL does not parse. */
  readonly host: string;
  /** Path template and query keys: `/users/:id/orders?expand&page`. */
  readonly template: string;
}

export function urlShape(url: string): UrlShape {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { host: '', template: url.split(/[?#]/, 1)[0] ?? url };
  }
  const path = parsed.pathname.split('/').map(templateSegment).join('/');
  const keys = [...new Set(parsed.searchParams.keys())].sort();
  return { host: parsed.host, template: keys.length === 0 ? path : `${path}?${keys.join('&')}` };
}

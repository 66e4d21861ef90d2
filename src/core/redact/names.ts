/**
 * Which names (query and form parameters, JSON members, multipart fields, XML elements and
 * attributes, GraphQL arguments) hold a credential. Names are split into words (`clientSecret`,
 * `client_secret`, `X-Client-Secret` → client, secret) so the rule reads words, not substrings:
 * `access_token` and `private_key` are secrets, `max_tokens`, `token_type`, `password_policy` and
 * `signature_method` are not. The name itself is never redacted, only its value.
 */

/** Words that make the whole name a secret wherever they stand (`password`, `new_password`, `passwordConfirm`). */
const SECRET_ANYWHERE = new Set(['password', 'passwords', 'secrets', 'passwd', 'passphrase', 'pwd', 'secret', 'apikey', 'credential', 'credentials', 'privatekey', 'signature', 'jsessionid', 'phpsessid']);

/** Words that make the name a secret when it ends with them (`access_token`, `api_key`, `X-Amz-Signature`, `sig`). */
const SECRET_LAST = new Set(['token', 'key', 'sig', 'auth', 'session', 'sessionid', 'sid', 'assertion', 'pass', 'pin', 'otp', 'cookie', 'jwt', 'bearer', 'authorization', 'verifier']);

/**
 * Last words that describe a secret rather than hold it: `token_type`, `password_policy`,
 * `signature_method`, `secret_name`, `key_id`, `max_tokens` (a plural is a count, never a value).
 */
const DESCRIBES = new Set(['type', 'types', 'method', 'version', 'algorithm', 'alg', 'length', 'policy', 'hint', 'name', 'id', 'required', 'expires', 'expiry', 'expired', 'present', 'format', 'rules', 'strength', 'tokens', 'keys', 'count', 'url', 'uri', 'field', 'label', 'prompt', 'reset', 'error', 'errors', 'message', 'status', 'scope', 'in']);

/** Single-word names that are data in JSON and XML bodies (`"key": "email"`, `"code": "invalid"`) but a credential in a URL or form. */
const PARAM_ONLY = new Set(['key', 'code', 'sid', 'state']);

/** `X-Amz-Signature` → x, amz, signature; `clientSecret` → client, secret; `api.key` → api, key. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

export type NameContext = 'param' | 'member';

/**
 * Whether a value under this name is a credential. In URLs and forms (`param`) a bare `code` or `key`
 * is one (OAuth's authorization code, Google's `?key=`); in JSON or XML bodies (`member`) those are
 * usually data (an error code, a field key) and only compound names (`api_key`) count.
 */
export function isSecretName(name: string, context: NameContext): boolean {
  const key = `${context}:${name}`;
  let secret = decided.get(key);
  if (secret === undefined) {
    secret = decide(name, context);
    // Bodies repeat the same few names thousands of times; a hostile one could send endless new ones, hence the cap.
    if (decided.size < 10_000) decided.set(key, secret);
  }
  return secret;
}

const decided = new Map<string, boolean>();

function decide(name: string, context: NameContext): boolean {
  const words = nameWords(name);
  const last = words.at(-1);
  if (last === undefined) return false;
  if (words.length === 1 && PARAM_ONLY.has(last)) return context === 'param' && last !== 'state';
  if (DESCRIBES.has(last)) return false;
  if (SECRET_LAST.has(last)) return true;
  const joined = words.join('');
  return words.some((w) => SECRET_ANYWHERE.has(w)) || /apikey|privatekey|accesskey|secretkey|clientsecret/.test(joined);
}

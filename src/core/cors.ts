import { headerMap, type Exchange } from './exchange.ts';

/**
 * Did the browser hide this response from the page? A cross-origin `fetch`/XHR whose response fails
 * the CORS check reaches the page as a network error ("TypeError: Failed to fetch"), whatever its
 * status: the app never saw the 500 or 429 that DevTools shows. The rules are the Fetch standard's
 * CORS check (https://fetch.spec.whatwg.org/#cors-check):
 * - the response must carry `Access-Control-Allow-Origin`, equal to the request's `Origin` or `*`;
 * - when the request carried credentials (cookies), `*` is not enough: the origin must be echoed and
 *   `Access-Control-Allow-Credentials: true` sent too.
 * A request is cross-origin when it carries an `Origin` header naming another origin than its URL's.
 * Browsers also send `Origin` on same-origin POSTs and on cross-origin form navigations: the first is
 * filtered by the origin comparison, the second by the resource type when the capture knows it.
 */
export type CorsBlockReason =
  | 'missing-allow-origin'
  | 'mismatched-allow-origin'
  | 'wildcard-with-credentials'
  | 'missing-allow-credentials'
  | 'preflight-failed'
  | 'browser-reported';

export interface CorsBlock {
  readonly reason: CorsBlockReason;
  /** The page's origin, as its request said (`Origin`), or null when the browser did not give it. */
  readonly origin: string | null;
  /** One sentence: what the server must send for the page to read this response. */
  readonly fix: string;
}

/**
 * Resource types (Chrome's `_resourceType`) whose requests are not subject to a CORS check by default. A
 * WebSocket handshake carries `Origin` but no CORS check: the server accepts or refuses the origin itself.
 */
const NO_CORS_TYPES = new Set(['document', 'image', 'stylesheet', 'media', 'font', 'manifest', 'texttrack', 'ping', 'other', 'websocket']);

/** Chrome's HAR `_error` for a response blocked by the CORS check (the Network panel's "CORS error"). */
const BROWSER_CORS_MARKER = /\bCORS\b|ERR_FAILED/i;

/**
 * A request without `Origin` (a same-origin GET, or one whose origin the browser left out) is known to be
 * same-origin when its `Referer` names the target's origin: a failure marker on it is then no CORS block.
 */
function sameOriginReferrer(request: ReadonlyMap<string, string>, target: string | null): boolean {
  const referrer = request.get('referer');
  return target !== null && referrer !== undefined && originOf(referrer.trim())?.toLowerCase() === target.toLowerCase();
}

function originOf(url: string): string | null {
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

export function corsBlock(exchange: Exchange): CorsBlock | null {
  if (exchange.resourceType !== undefined && NO_CORS_TYPES.has(exchange.resourceType)) return null;
  const request = headerMap(exchange.requestHeaders);
  const origin = request.get('origin')?.trim() ?? null;
  const target = originOf(exchange.url);
  const crossOrigin = origin !== null && (origin === 'null' || target === null || origin.toLowerCase() !== target.toLowerCase());
  const response = headerMap(exchange.responseHeaders);

  if (exchange.transportError !== undefined && BROWSER_CORS_MARKER.test(exchange.transportError) && (crossOrigin || (origin === null && !sameOriginReferrer(request, target)))) {
    // The browser's verdict stands; the headers, when they show which rule failed, name it.
    const named = crossOrigin && origin !== null ? checkAllowOrigin(response.get('access-control-allow-origin')?.trim(), origin, request.has('cookie'), response.get('access-control-allow-credentials')?.trim()) : null;
    return { reason: named ?? 'browser-reported', origin, fix: fixFor(named ?? 'browser-reported', origin) };
  }
  if (!crossOrigin || origin === null) return null;

  const preflight = exchange.method.toUpperCase() === 'OPTIONS' && request.has('access-control-request-method');
  if (preflight && (exchange.status < 200 || exchange.status > 299)) {
    return { reason: 'preflight-failed', origin, fix: fixFor('preflight-failed', origin) };
  }
  const allowOrigin = response.get('access-control-allow-origin')?.trim();
  const reason = checkAllowOrigin(allowOrigin, origin, request.has('cookie'), response.get('access-control-allow-credentials')?.trim());
  if (reason === null) return null;
  return { reason: preflight ? 'preflight-failed' : reason, origin, fix: fixFor(reason, origin) };
}

function checkAllowOrigin(allowOrigin: string | undefined, origin: string, credentials: boolean, allowCredentials: string | undefined): CorsBlockReason | null {
  if (allowOrigin === undefined || allowOrigin === '') return 'missing-allow-origin';
  if (allowOrigin === '*') return credentials ? 'wildcard-with-credentials' : null;
  if (allowOrigin !== origin) return 'mismatched-allow-origin';
  if (credentials && allowCredentials !== 'true') return 'missing-allow-credentials';
  return null;
}

function fixFor(reason: CorsBlockReason, origin: string | null): string {
  const named = origin ?? 'the page\u2019s origin';
  switch (reason) {
    case 'missing-allow-origin':
    case 'mismatched-allow-origin':
    case 'browser-reported':
      return `The server must send Access-Control-Allow-Origin: ${named} on this response, error responses included.`;
    case 'wildcard-with-credentials':
      return `With cookies, Access-Control-Allow-Origin: * is refused: the server must echo ${named} and send Access-Control-Allow-Credentials: true.`;
    case 'missing-allow-credentials':
      return 'With cookies, the server must also send Access-Control-Allow-Credentials: true.';
    case 'preflight-failed':
      return `The preflight (OPTIONS) must answer 2xx with Access-Control-Allow-Origin: ${named} and the requested method and headers allowed.`;
  }
}

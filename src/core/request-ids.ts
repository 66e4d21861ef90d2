/**
 * Request, trace and correlation ids a response carries outside its JSON envelope: response headers,
 * found by what their names say (so `x-shopify-request-id` or `x-acme-trace-id` is found without a list
 * of vendors), and the reference numbers CDN and gateway error pages print for support.
 */
import type { HeaderMap } from './exchange.ts';

/**
 * Header names by how sure they are, most specific first. Exact standard-ish names come before any
 * vendor-prefixed `*-request-id`, which come before correlation and trace ids and the CDN edge ids.
 */
const HEADER_PATTERNS: readonly RegExp[] = [
  /^(?:x-)?request-?id$/,
  /^x-[a-z0-9-]*-?request-?id$|^[a-z0-9]+-request-?id$|^x-amzn-requestid$/,
  /^(?:x-)?(?:[a-z0-9]+-)*correlation-?id$/,
  /^(?:x-)?(?:[a-z0-9]+-)*(?:trace|debug|support|reference|incident|error)-?id$/,
  /^x-cloud-trace-context$|^x-amz-cf-id$|^cf-ray$|^x-vercel-id$|^x-served-by$|^x-azure-ref$|^x-msedge-ref$/,
];

/** Header values longer than this are not ids. */
const MAX_ID_CHARS = 200;

/** The most specific request/trace id header, or null. */
export function requestIdFromHeaders(headers: HeaderMap): string | null {
  let best: string | null = null;
  let bestRank = HEADER_PATTERNS.length;
  for (const [name, value] of headers) {
    const trimmed = value.trim();
    if (trimmed === '' || trimmed.length > MAX_ID_CHARS) continue;
    const rank = HEADER_PATTERNS.findIndex((pattern) => pattern.test(name));
    if (rank >= 0 && rank < bestRank) {
      best = trimmed;
      bestRank = rank;
    }
  }
  return best;
}

/**
 * Reference numbers printed on CDN and gateway error pages: Akamai's `Reference #18.2d351ab8.1557333295.a4e16ab`,
 * CloudFront's `Request ID: …`, Cloudflare's `Ray ID: …`, Imperva's `Incident ID: …`, Azure Front Door's `Ref A: …`.
 */
const PAGE_REFERENCES: readonly RegExp[] = [
  /Reference(?:\s|&#32;|&nbsp;)*(?:#|&#35;)\s*([0-9a-f]+(?:\.[0-9a-f]+){2,4})/i,
  /\b(?:Request|Trace|Correlation|Incident|Support|Reference)(?:\s|&nbsp;)*ID:(?:\s|<[^<>]{0,200}>|&nbsp;)*([A-Za-z0-9_=+/.:-]{6,128})/i,
  /\bRay ID:(?:\s|<[^<>]{0,200}>)*([0-9a-f]{8,32})/i,
  /\bRef A:\s*([A-Za-z0-9]{8,64})/,
];

/** Only the start of a page is searched: a reference number is in its first few kilobytes. */
const MAX_PAGE_CHARS = 16 * 1024;

/** The support reference an error page prints, or null. */
export function referenceInPage(page: string): string | null {
  const head = page.slice(0, MAX_PAGE_CHARS);
  for (const pattern of PAGE_REFERENCES) {
    const found = pattern.exec(head)?.[1];
    if (found !== undefined) return found;
  }
  return null;
}

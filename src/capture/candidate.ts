import { essenceOf, isJsonMime } from '../core/body.ts';
import { BEACON_RESOURCE_TYPE } from '../core/exchange.ts';
import type { DevtoolsEntry } from './network.ts';

/**
 * What capture does with a finished request:
 * - `body`: deliver it with its body (an error status, or a 2xx that may carry an error envelope);
 * - `headers`: deliver it without a body (the panel still learns rate limits and status-only errors);
 * - `skip`: drop it (static assets that succeeded, schemes other than HTTP and WebSocket, successful handshakes).
 */
export type CaptureDecision = 'body' | 'headers' | 'skip';

/** Chrome `_resourceType` values of page assets: their bodies are never API errors. */
const STATIC_RESOURCE_TYPES = new Set(['image', 'media', 'font', 'script', 'stylesheet', 'texttrack', 'manifest', 'wasm']);

/** The same assets recognized by media type, for Firefox (no `_resourceType`) and untyped requests. */
const STATIC_MIME = /^(?:image|font|audio|video)\/|^text\/(?:css|javascript|ecmascript)$|^application\/(?:(?:x-)?javascript|ecmascript|wasm|font-woff2?|vnd\.ms-fontobject|x-font-[\w-]+)$/;

/** GraphQL responses that do not use a +json type (`application/graphql-response+json` already does). */
const GRAPHQL_MIME = new Set(['application/graphql', 'application/graphql+json']);

export function responseMime(entry: DevtoolsEntry): string {
  return essenceOf(entry.response.content?.mimeType ?? '');
}

function isStaticAsset(entry: DevtoolsEntry, mime: string): boolean {
  const type = entry._resourceType;
  if (type !== undefined && STATIC_RESOURCE_TYPES.has(type)) return true;
  return STATIC_MIME.test(mime);
}

function isHttp(url: string): boolean {
  return url.startsWith('http://') || url.startsWith('https://');
}

export function isBeacon(entry: DevtoolsEntry): boolean {
  return entry._resourceType === BEACON_RESOURCE_TYPE;
}

/** Chrome's failure marker is set: the request failed in the browser (`net::ERR_FAILED`…). */
export function failedInBrowser(entry: DevtoolsEntry): boolean {
  return typeof entry.response._error === 'string' && entry.response._error !== '';
}

export function isWebSocketUrl(url: string): boolean {
  return url.startsWith('ws://') || url.startsWith('wss://');
}

/**
 * Status 0 means the browser recorded no status: for a WebSocket, a failed handshake (Chrome); for an
 * HTTP request, one that failed or was cancelled, or (Firefox) a response whose status was lost as the
 * page navigated, though its body is there: such requests are fetched, and kept only with a body.
 */
export function captureDecision(entry: DevtoolsEntry): CaptureDecision {
  const status = entry.response.status;
  const url = entry.request.url;
  // A handshake that succeeded is a 101; any other answer (or none) is a refused connection.
  if (isWebSocketUrl(url)) return status === 0 || status >= 400 ? 'headers' : 'skip';
  if (!isHttp(url) || !(status >= 100 || status === 0)) return 'skip';
  const mime = responseMime(entry);
  if (isStaticAsset(entry, mime)) return status >= 400 ? 'headers' : 'skip';
  if (status >= 400 || status === 0) return 'body';
  if (status >= 200 && status < 300 && (isJsonMime(mime) || GRAPHQL_MIME.has(mime))) return 'body';
  return 'headers';
}

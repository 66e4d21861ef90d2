import { essenceOf } from '../core/body.ts';

/**
 * Firefox's getContent() resolves to [body, mimeType] and never says whether the body is base64. It base64-encodes
 * bodies of media types it does not count as text (application/x-amz-json-1.0, octet-stream…), and live
 * onRequestFinished entries do not carry `content.encoding` either. So the encoding is inferred: a body of such a
 * type made only of base64 characters is base64 (a real JSON, XML or text body always has characters outside that
 * alphabet: braces, quotes, spaces, angle brackets).
 */
const FIREFOX_TEXT_MIME = /^text\/|[/+](?:json|xml)$|javascript|ecmascript|x-www-form-urlencoded/;
const BASE64_BODY = /^[A-Za-z0-9+/]+={0,2}$/;

export function firefoxEncoding(text: string, mimeType: unknown, declared: unknown): 'base64' | undefined {
  if (declared === 'base64') return 'base64';
  const mime = essenceOf(typeof mimeType === 'string' ? mimeType : '');
  if (FIREFOX_TEXT_MIME.test(mime)) return undefined;
  return text.length % 4 === 0 && BASE64_BODY.test(text) ? 'base64' : undefined;
}

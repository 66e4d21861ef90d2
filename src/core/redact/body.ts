/**
 * Request and response bodies as they may leave Faultline: sanitized by secret names in the shape
 * the body has (JSON with nested JSON strings and GraphQL, form-urlencoded with or without its
 * content type, multipart, XML), then by the value scan over all of it. Base64 bodies are decoded
 * first, so a token inside one is found too.
 */
import type { ExchangeBody } from '../exchange.ts';
import { redactJson } from './json-body.ts';
import { redactMarkup } from './markup.ts';
import { multipartBoundary, redactMultipart } from './multipart.ts';
import { redactTokens } from './scan.ts';
import { redactPairs } from './url.ts';

/** `a=1&b=2`: a form body even when sent as text/plain or without a type (no spaces, only name=value pairs). */
function isFormShaped(text: string): boolean {
  return text.includes('=') && !/\s/.test(text) && text.split('&').every((pair) => pair.indexOf('=') > 0);
}

function redactByShape(text: string, contentType: string): string {
  const type = contentType.trim().toLowerCase();
  const start = text.trimStart()[0];
  const boundary = type.startsWith('multipart/') || text.startsWith('--') ? multipartBoundary(text, contentType) : null;
  if (boundary !== null) return redactMultipart(text, boundary, redactByShape);
  if (start === '{' || start === '[' || type.includes('json')) return redactJson(text);
  if (type.startsWith('application/x-www-form-urlencoded') || isFormShaped(text)) return redactPairs(text, '&');
  if (start === '<' || type.includes('xml') || type.includes('html')) return redactMarkup(text);
  return text;
}

/** A text body with every credential replaced by [REDACTED]. */
export function redactBody(text: string, contentType = ''): string {
  return redactTokens(redactByShape(text, contentType));
}

/** Bytes of a base64 body as a string of code units 0–255 (lossless both ways), or null when it is not base64. */
function base64Bytes(text: string): string | null {
  try {
    return atob(text.replace(/\s+/g, ''));
  } catch {
    return null;
  }
}

/**
 * A body as captured (text or base64). Base64 holding UTF-8 text is sanitized as text; binary keeps
 * its bytes and loses only the known token formats found in them (they are ASCII).
 */
export function redactExchangeBody(body: ExchangeBody, contentType: string): ExchangeBody {
  if (body.encoding !== 'base64') return { text: redactBody(body.text, contentType) };
  const bytes = base64Bytes(body.text);
  if (bytes === null) return { text: redactTokens(body.text), encoding: 'base64' };
  let asText: string | null;
  try {
    asText = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes, (c) => c.charCodeAt(0)));
  } catch {
    asText = null;
  }
  if (asText !== null) {
    const redacted = redactBody(asText, contentType);
    return redacted === asText ? body : { text: toBase64(new TextEncoder().encode(redacted)), encoding: 'base64' };
  }
  const redacted = redactTokens(bytes);
  return redacted === bytes ? body : { text: btoa(redacted), encoding: 'base64' };
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

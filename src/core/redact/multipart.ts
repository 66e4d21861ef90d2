/**
 * multipart/form-data bodies (RFC 7578): each part keeps its headers; the content of a part whose
 * field name is a secret is replaced, and every other part is sanitized as the body it is (a JSON
 * part by name, anything by the value scan that follows).
 */
import { REDACTED } from './marker.ts';
import { isSecretName } from './names.ts';

/** The boundary from the content type, or from the body's first line when the type was lost (`--boundary`). */
export function multipartBoundary(body: string, contentType: string): string | null {
  const declared = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (declared !== null) return declared[1] ?? declared[2] ?? null;
  const first = /^--([^\r\n]{1,70})\r?\n[Cc]ontent-[Dd]isposition:/.exec(body);
  return first?.[1] ?? null;
}

export function redactMultipart(body: string, boundary: string, redactPart: (content: string, contentType: string) => string): string {
  return body
    .split(`--${boundary}`)
    .map((part) => {
      const headerEnd = part.search(/\r?\n\r?\n/);
      if (headerEnd === -1) return part;
      const separator = /\r?\n\r?\n/.exec(part.slice(headerEnd))?.[0] ?? '\n\n';
      const headers = part.slice(0, headerEnd);
      const rest = part.slice(headerEnd + separator.length);
      // The content runs to the line break before the next boundary, which belongs to the delimiter.
      const trailing = /\r?\n$/.exec(rest)?.[0] ?? '';
      const content = rest.slice(0, rest.length - trailing.length);
      const name = /\bname="([^"]*)"/i.exec(headers)?.[1] ?? '';
      const type = /^content-type:\s*([^\r\n]*)/im.exec(headers)?.[1] ?? '';
      const redacted = isSecretName(name, 'param') ? REDACTED : redactPart(content, type);
      return `${headers}${separator}${redacted}${trailing}`;
    })
    .join(`--${boundary}`);
}

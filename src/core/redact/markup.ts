/**
 * XML and HTML bodies: elements and attributes with secret names (`<Password>…</Password>`,
 * `<SignatureProvided>` in S3's SignatureDoesNotMatch, `client_secret="…"`) keep their names and
 * lose their text. Bounded quantifiers keep every match local, so hostile markup stays linear.
 */
import { REDACTED } from './marker.ts';
import { isSecretName } from './names.ts';

const ELEMENT = /<([A-Za-z_][\w:.-]{0,100})(\s[^<>]{0,2000})?>([^<]{1,100000})<\/\1\s*>/g;
const ATTRIBUTE = /(\s)([A-Za-z_][\w:.-]{0,100})(\s*=\s*)("[^"<>]*"|'[^'<>]*')/g;

export function redactMarkup(text: string): string {
  return text
    .replace(ELEMENT, (whole, name: string, attributes: string | undefined) => (isSecretName(localName(name), 'member') ? `<${name}${attributes ?? ''}>${REDACTED}</${name}>` : whole))
    .replace(ATTRIBUTE, (whole, space: string, name: string, equals: string, value: string) =>
      isSecretName(localName(name), 'member') ? `${space}${name}${equals}${value[0] ?? '"'}${REDACTED}${value[0] ?? '"'}` : whole,
    );
}

/** `wsse:Password` → `Password`. */
function localName(name: string): string {
  return name.slice(name.lastIndexOf(':') + 1);
}

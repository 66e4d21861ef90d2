/**
 * Inline literals of a GraphQL document: `login(email: "a@b", password: "hunter2")` and
 * `verify(pin: 1234)` carry the secret in the query text itself, not in `variables`. Arguments and
 * input-object fields with secret names get their string or number literal replaced; block strings
 * and variables (`$password`) are left alone (the variables object is JSON, sanitized by name).
 */
import { REDACTED } from './marker.ts';
import { isSecretName } from './names.ts';

const ARGUMENT = /\b([_A-Za-z][_0-9A-Za-z]*)(\s*:\s*)("(?:[^"\\\n]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;

export function redactGraphqlLiterals(document: string): string {
  return document.replace(ARGUMENT, (whole, name: string, colon: string) => (isSecretName(name, 'member') ? `${name}${colon}"${REDACTED}"` : whole));
}

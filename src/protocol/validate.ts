/**
 * The one validation policy for messages between Faultline's pages and its worker. Every message that
 * crosses a boundary (the devtools page's capture channel, the popup relay, the engine RPC) may come from
 * another build of the extension, so it is checked where it arrives, by the parser of its channel in
 * src/protocol, before anything reads it: a message that does not parse is dropped whole (broadcast
 * channels), or answered with a one-line error (the engine). Nothing past the parser casts.
 */

export type Fields = Readonly<Record<string, unknown>>;

export const asFields = (value: unknown): Fields | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : null;
export const isString = (value: unknown): value is string => typeof value === 'string';
export const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
export const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
export const orNull =
  <T>(check: (value: unknown) => value is T) =>
  (value: unknown): value is T | null =>
    value === null || check(value);
export const stringOrNull = orNull(isString);
export const numberOrNull = orNull(isNumber);

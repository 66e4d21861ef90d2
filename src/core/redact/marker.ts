/** What stands where a secret was: visible, searchable, and the same in every output. */
export const REDACTED = '[REDACTED]';
